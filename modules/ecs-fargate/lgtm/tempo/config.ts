import { Fn } from "cdktf";
import { dnsDiscovery, hostPort, hoursFromDays, LGTM_PORTS, s3Endpoint, TASK_INTERFACE_NAMES } from "../config-values";
import { RoleProcess } from "../role";

/** Addresses of Tempo's Cloud Map services, e.g. `tempo-distributor.lgtm.local`. */
export interface TempoFqdns {
  /** Receives OTLP and hashes traces to the ingesters and metrics-generators. */
  readonly distributor: string;
  /** Holds recent traces and flushes blocks to S3. */
  readonly ingester: string;
  /** Runs the query work the query-frontends queue. */
  readonly querier: string;
  /** Shards searches; the address Grafana reads from. */
  readonly queryFrontend: string;
  /** Compacts blocks and applies retention. */
  readonly compactor: string;
  /** Turns spans into service-graph and span metrics written to Mimir. */
  readonly metricsGenerator: string;
}

/** What Tempo's config is built from; any value may be a literal or a Terraform token. */
export interface TempoSettings {
  /** S3 bucket holding trace blocks. */
  readonly bucket: string;
  /** AWS region of the bucket. */
  readonly region: string;
  /** Object key prefix for every block, without a trailing slash, e.g. `tempo`. */
  readonly prefix: string;
  /** Addresses of the roles. */
  readonly fqdns: TempoFqdns;
  /** The tenant the metrics-generator writes to Mimir as (its `X-Scope-OrgID`). */
  readonly tenant: string;
  /** Mimir's remote-write URL, e.g. `http://mimir.lgtm.local:8080/api/v1/push`. */
  readonly mimirPushUrl: string;
  /** Days trace blocks are kept. */
  readonly retentionDays: number;
  /** Ingesters each trace is written to: at most the number of ingesters. */
  readonly replicationFactor: number;
}

const DATA = "/var/tempo";

/**
 * One config file serves every role; `-target` picks the role. Every role but the distributor
 * opens the trace store, which creates the WAL directory, so each writes under `/var/tempo`
 * (which the image owns as its user). All roles join memberlist (through usage reporting at least).
 */
export const TEMPO_ROLES = {
  distributor: { serviceName: "tempo-distributor", flags: ["-target=distributor"], writableDirectories: [] },
  ingester: { serviceName: "tempo-ingester", flags: ["-target=ingester"], writableDirectories: [DATA] },
  querier: { serviceName: "tempo-querier", flags: ["-target=querier"], writableDirectories: [DATA] },
  queryFrontend: { serviceName: "tempo-query-frontend", flags: ["-target=query-frontend"], writableDirectories: [DATA] },
  compactor: { serviceName: "tempo-compactor", flags: ["-target=compactor"], writableDirectories: [DATA] },
  metricsGenerator: { serviceName: "tempo-metrics-generator", flags: ["-target=metrics-generator"], writableDirectories: [DATA] },
} as const satisfies Record<keyof TempoFqdns, RoleProcess>;

/** Tempo 2.10 in microservices mode, one config for all roles, as a config object for `yamlDocument`. */
export function tempoConfig(settings: TempoSettings): Record<string, unknown> {
  const { fqdns } = settings;
  const ring = { instance_interface_names: TASK_INTERFACE_NAMES };
  return {
    multitenancy_enabled: true,
    // Grafana's Tempo datasource streams search and metrics results over the HTTP port.
    stream_over_http_enabled: true,
    server: { http_listen_port: LGTM_PORTS.tempoHttp, grpc_listen_port: LGTM_PORTS.grpc },
    distributor: {
      // Since 2.7 the receivers listen on localhost unless told otherwise.
      receivers: { otlp: { protocols: { grpc: { endpoint: `0.0.0.0:${LGTM_PORTS.otlpGrpc}` }, http: { endpoint: `0.0.0.0:${LGTM_PORTS.otlpHttp}` } } } },
      // Tempo 2.10 defaults these three rings to eth0/en0, the metadata link on Fargate.
      ring,
    },
    ingester: {
      lifecycler: { interface_names: TASK_INTERFACE_NAMES, ring: { replication_factor: settings.replicationFactor } },
      flush_all_on_shutdown: true,
    },
    compactor: { ring, compaction: { block_retention: hoursFromDays(settings.retentionDays) } },
    metrics_generator: {
      ring,
      storage: {
        path: `${DATA}/generator/wal`,
        // Set, the header stops Tempo adding its own; the tenant is named, not left to Tempo's default.
        remote_write: [{ url: settings.mimirPushUrl, send_exemplars: true, headers: { "X-Scope-OrgID": settings.tenant } }],
      },
      traces_storage: { path: `${DATA}/generator/traces` },
    },
    querier: { frontend_worker: { frontend_address: hostPort(fqdns.queryFrontend, LGTM_PORTS.grpc) } },
    // No access keys: the S3 client falls back to the task role's container credentials.
    storage: {
      trace: {
        backend: "s3",
        s3: { bucket: settings.bucket, prefix: settings.prefix, region: settings.region, endpoint: s3Endpoint(settings.region) },
        wal: { path: `${DATA}/wal` },
      },
    },
    memberlist: {
      bind_port: LGTM_PORTS.memberlist,
      // Comma-separated, the form Tempo's manifest gives (it takes a list too).
      join_members: Fn.join(
        ",",
        [fqdns.distributor, fqdns.ingester, fqdns.querier, fqdns.queryFrontend, fqdns.compactor, fqdns.metricsGenerator].map((fqdn) => dnsDiscovery(fqdn, LGTM_PORTS.memberlist)),
      ),
    },
    overrides: { defaults: { metrics_generator: { processors: ["service-graphs", "span-metrics", "local-blocks"] } } },
  };
}
