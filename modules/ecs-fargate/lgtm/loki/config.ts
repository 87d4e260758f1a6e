import { IResolvable } from "cdktf";
import { hcl, hclString } from "../../../../lib/hcl";
import { dnsDiscovery, hostPort, hoursFromDays, httpUrl, LGTM_PORTS, TASK_INTERFACE_NAMES } from "../config-values";
import { RoleProcess } from "../role";

/** Addresses of Loki's Cloud Map services, e.g. `loki-ingester.lgtm.local`. */
export interface LokiFqdns {
  /** Receives pushes and hashes streams to the ingesters. */
  readonly distributor: string;
  /** Holds recent streams and flushes chunks to S3. */
  readonly ingester: string;
  /** Runs the query work the query-frontends queue. */
  readonly querier: string;
  /** Splits and caches queries; the address Grafana reads from. */
  readonly queryFrontend: string;
  /** The single compactor: index compaction, retention and deletes. */
  readonly compactor: string;
}

/** Loki's memcached caches; off, each Loki process caches in its own memory instead. */
export interface LokiCaches {
  /** Whether the two memcached services run. */
  readonly memcached: boolean | IResolvable;
  /** Address of the `loki-chunks-cache` Cloud Map service. */
  readonly chunksFqdn: string;
  /** Address of the `loki-results-cache` Cloud Map service. */
  readonly resultsFqdn: string;
}

/** What Loki's config is built from; any value may be a literal or a Terraform token. */
export interface LokiSettings {
  /** S3 bucket holding chunks, index and delete requests. */
  readonly bucket: string;
  /** AWS region of the bucket. */
  readonly region: string;
  /** Object key prefix every Loki object is written under, without a trailing slash, e.g. `loki`. */
  readonly prefix: string;
  /** Addresses of the roles. */
  readonly fqdns: LokiFqdns;
  /** Days logs are kept. */
  readonly retentionDays: number;
  /** Days `{level="info"}` streams are kept, shorter than {@link retentionDays}. */
  readonly infoRetentionDays: number;
  /** Ingesters each stream is written to: at most the number of ingesters. */
  readonly replicationFactor: number;
  /** The chunk and results caches. */
  readonly caches: LokiCaches;
}

/** First day of the only schema period: fixed and in the past, so no index period ever moves. */
export const LOKI_SCHEMA_START = "2025-01-01";

const DATA = "/loki";

/**
 * One config file serves every role; `-target` picks the role. Every role writes only under the
 * path prefix (WAL, TSDB index and cache, compactor work), which the image owns as its user.
 * All five join memberlist (each depends on a ring or the UI ring), so each is a join address.
 */
export const LOKI_ROLES = {
  distributor: { serviceName: "loki-distributor", flags: ["-target=distributor"], writableDirectories: [DATA] },
  ingester: { serviceName: "loki-ingester", flags: ["-target=ingester"], writableDirectories: [DATA] },
  querier: { serviceName: "loki-querier", flags: ["-target=querier"], writableDirectories: [DATA] },
  queryFrontend: { serviceName: "loki-query-frontend", flags: ["-target=query-frontend"], writableDirectories: [DATA] },
  compactor: { serviceName: "loki-compactor", flags: ["-target=compactor"], writableDirectories: [DATA] },
} as const satisfies Record<keyof LokiFqdns, RoleProcess>;

/** Loki 3.7 in microservices mode, one config for all roles, as a config object for `yamlDocument`. */
export function lokiConfig(settings: LokiSettings): Record<string, unknown> {
  const { fqdns, caches } = settings;
  return {
    auth_enabled: true,
    server: { http_listen_port: LGTM_PORTS.lokiHttp, grpc_listen_port: LGTM_PORTS.grpc },
    common: {
      path_prefix: DATA,
      replication_factor: settings.replicationFactor,
      instance_interface_names: TASK_INTERFACE_NAMES,
      ring: { kvstore: { store: "memberlist" }, instance_interface_names: TASK_INTERFACE_NAMES },
      compactor_address: httpUrl(fqdns.compactor, LGTM_PORTS.lokiHttp),
      // No access keys: the AWS SDK's default chain picks up the task role.
      storage: { s3: { bucketnames: settings.bucket, region: settings.region } },
    },
    memberlist: {
      bind_port: LGTM_PORTS.memberlist,
      join_members: [fqdns.distributor, fqdns.ingester, fqdns.querier, fqdns.queryFrontend, fqdns.compactor].map((fqdn) =>
        dnsDiscovery(fqdn, LGTM_PORTS.memberlist),
      ),
    },
    schema_config: {
      configs: [{ from: LOKI_SCHEMA_START, store: "tsdb", object_store: "s3", schema: "v13", index: { prefix: "index_", period: "24h" } }],
    },
    storage_config: {
      object_prefix: settings.prefix,
      tsdb_shipper: { active_index_directory: `${DATA}/tsdb-index`, cache_location: `${DATA}/tsdb-cache` },
    },
    ingester: { wal: { enabled: true, dir: `${DATA}/wal`, flush_on_shutdown: true } },
    compactor: { working_directory: `${DATA}/compactor`, retention_enabled: true, delete_request_store: "s3" },
    limits_config: {
      retention_period: hoursFromDays(settings.retentionDays),
      retention_stream: [{ selector: '{level="info"}', priority: 1, period: hoursFromDays(settings.infoRetentionDays) }],
    },
    frontend: { tail_proxy_url: httpUrl(fqdns.querier, LGTM_PORTS.lokiHttp) },
    frontend_worker: { frontend_address: hostPort(fqdns.queryFrontend, LGTM_PORTS.grpc) },
    chunk_store_config: { chunk_cache_config: cacheConfig(caches.memcached, caches.chunksFqdn) },
    query_range: { cache_results: true, results_cache: { cache: cacheConfig(caches.memcached, caches.resultsFqdn) } },
  };
}

/** memcached when it runs, else Loki's embedded in-process cache; both keys always present, so no branch on a token. */
function cacheConfig(memcached: boolean | IResolvable, fqdn: string): Record<string, unknown> {
  return {
    memcached_client: { addresses: hclString`${memcached} ? ${dnsDiscovery(fqdn, LGTM_PORTS.memcached)} : ""` },
    embedded_cache: { enabled: hcl`!${memcached}` },
  };
}
