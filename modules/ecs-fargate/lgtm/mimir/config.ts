import { dnsDiscovery, hoursFromDays, LGTM_PORTS, s3Endpoint, TASK_INTERFACE_NAMES } from "../config-values";
import { RoleProcess } from "../role";

/** What Mimir's config is built from; any value may be a literal or a Terraform token. */
export interface MimirSettings {
  /** S3 bucket holding blocks, rules and Alertmanager state under {@link MIMIR_BUCKET_PREFIXES}. */
  readonly bucket: string;
  /** AWS region of the bucket. */
  readonly region: string;
  /** Address of the `mimir` Cloud Map service, e.g. `mimir.lgtm.local`; the tasks find each other through it. */
  readonly fqdn: string;
  /** Days the compactor keeps blocks before deleting them. */
  readonly retentionDays: number;
  /** Copies of each series, store-gateway block and Alertmanager tenant: 3 for three tasks, 1 for one. */
  readonly replicationFactor: number;
}

/** Object key prefixes in the bucket: letters and digits only, as Mimir requires. */
export const MIMIR_BUCKET_PREFIXES = { blocks: "blocks", rules: "rules", alerts: "alerts" } as const;

const DATA = "/data";

/**
 * One monolithic role; its target is in the config: `all` is every classic-architecture module
 * except Alertmanager, which joins it in the same comma-separated `target`.
 */
export const MIMIR_ROLES = {
  mimir: { serviceName: "mimir", flags: [], writableDirectories: [DATA] },
} as const satisfies Record<string, RoleProcess>;

/** Mimir 3.0 monolithic, classic architecture (no Kafka), as a config object for `yamlDocument`. */
export function mimirConfig(settings: MimirSettings): Record<string, unknown> {
  const ring = { instance_interface_names: TASK_INTERFACE_NAMES };
  const replicated = { ...ring, replication_factor: settings.replicationFactor };
  return {
    target: "all,alertmanager",
    multitenancy_enabled: true,
    server: { http_listen_port: LGTM_PORTS.mimirHttp, grpc_listen_port: LGTM_PORTS.grpc },
    // No access keys: the S3 client falls back to the task role's container credentials.
    common: { storage: { backend: "s3", s3: { bucket_name: settings.bucket, region: settings.region, endpoint: s3Endpoint(settings.region) } } },
    blocks_storage: {
      storage_prefix: MIMIR_BUCKET_PREFIXES.blocks,
      tsdb: { dir: `${DATA}/tsdb`, flush_blocks_on_shutdown: true },
      bucket_store: { sync_dir: `${DATA}/tsdb-sync` },
    },
    ruler_storage: { storage_prefix: MIMIR_BUCKET_PREFIXES.rules },
    alertmanager_storage: { storage_prefix: MIMIR_BUCKET_PREFIXES.alerts },
    memberlist: { bind_port: LGTM_PORTS.memberlist, join_members: [dnsDiscovery(settings.fqdn, LGTM_PORTS.memberlist)] },
    ingester: { ring: { ...replicated, unregister_on_shutdown: true } },
    distributor: { ring },
    compactor: { data_dir: `${DATA}/compactor`, sharding_ring: ring },
    store_gateway: { sharding_ring: { ...replicated, unregister_on_shutdown: true } },
    query_scheduler: { ring },
    frontend: ring,
    ruler: { rule_path: `${DATA}/ruler`, ring },
    alertmanager: { data_dir: `${DATA}/alertmanager`, sharding_ring: replicated },
    activity_tracker: { filepath: `${DATA}/metrics-activity.log` },
    limits: {
      compactor_blocks_retention_period: hoursFromDays(settings.retentionDays),
      // Every task runs an Alertmanager; the local one forwards each tenant's alerts to its replicas.
      ruler_alertmanager_client_config: { alertmanager_url: `http://localhost:${LGTM_PORTS.mimirHttp}/alertmanager` },
    },
  };
}
