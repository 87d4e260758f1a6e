import { dnsDiscovery, hoursFromDays, LGTM_PORTS, s3Endpoint, TASK_INTERFACE_NAMES } from "../config-values";
import { RoleProcess } from "../role";

/** What Pyroscope's config is built from; any value may be a literal or a Terraform token. */
export interface PyroscopeSettings {
  /** S3 bucket holding profile blocks. */
  readonly bucket: string;
  /** AWS region of the bucket. */
  readonly region: string;
  /** Object key prefix for every block, without a trailing slash, e.g. `pyroscope`. */
  readonly prefix: string;
  /** Address of the `pyroscope` Cloud Map service, e.g. `pyroscope.lgtm.local`. */
  readonly fqdn: string;
  /** The tenant Pyroscope files its own profiles under. */
  readonly tenant: string;
  /** Days profile blocks are kept. */
  readonly retentionDays: number;
  /** Ingesters and store-gateways each profile block is held by: 1 for one task. */
  readonly replicationFactor: number;
}

/**
 * One all-in-one role. `/data` and `/data-compactor` are `VOLUME`s the image owns as its user, so
 * a Fargate volume mounted at either starts with the image's ownership.
 */
export const PYROSCOPE_ROLES = {
  pyroscope: { serviceName: "pyroscope", flags: [], writableDirectories: ["/data", "/data-compactor"] },
} as const satisfies Record<string, RoleProcess>;

/** Pyroscope 1.21 all-in-one, as a config object for `yamlDocument`. */
export function pyroscopeConfig(settings: PyroscopeSettings): Record<string, unknown> {
  const ring = { instance_interface_names: TASK_INTERFACE_NAMES };
  return {
    target: "all",
    multitenancy_enabled: true,
    // With multitenancy on, self-profiles pushed without a tenant would be rejected.
    self_profiling: { tenant_id: settings.tenant },
    server: { http_listen_port: LGTM_PORTS.pyroscopeHttp, grpc_listen_port: LGTM_PORTS.grpc },
    // No access keys: the S3 client falls back to the task role's container credentials.
    storage: {
      backend: "s3",
      prefix: settings.prefix,
      s3: { bucket_name: settings.bucket, region: settings.region, endpoint: s3Endpoint(settings.region) },
    },
    pyroscopedb: { data_path: "/data" },
    memberlist: { bind_port: LGTM_PORTS.memberlist, join_members: [dnsDiscovery(settings.fqdn, LGTM_PORTS.memberlist)] },
    ingester: { lifecycler: { interface_names: TASK_INTERFACE_NAMES, ring: { replication_factor: settings.replicationFactor } } },
    distributor: { ring },
    frontend: ring,
    store_gateway: { sharding_ring: { ...ring, replication_factor: settings.replicationFactor }, bucket_store: { sync_dir: "/data/pyroscope-sync" } },
    compactor: { data_dir: "/data-compactor", sharding_ring: ring },
    limits: { compactor_blocks_retention_period: hoursFromDays(settings.retentionDays) },
  };
}
