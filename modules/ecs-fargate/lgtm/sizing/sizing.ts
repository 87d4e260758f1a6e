/**
 * How many tasks of what size each LGTM role runs: the `dev` and `prod` profiles here, and
 * `sizeForLoad(load)` from Grafana's capacity guidance (for-load.ts). Pure data, no constructs: the
 * data-plane components build their Fargate services from a {@link LgtmSizing}.
 */

/** Every role the stack runs, one ECS service each. */
export const LGTM_ROLES = [
  "mimir",
  "loki-distributor",
  "loki-ingester",
  "loki-querier",
  "loki-query-frontend",
  "loki-compactor",
  "loki-chunks-cache",
  "loki-results-cache",
  "tempo-distributor",
  "tempo-ingester",
  "tempo-querier",
  "tempo-query-frontend",
  "tempo-compactor",
  "tempo-metrics-generator",
  "pyroscope",
  "grafana",
  "alloy",
] as const;

/**
 * A role: `mimir` is monolithic (`-target=all,alertmanager`); Loki and Tempo run one service per
 * component; the two caches are memcached for Loki.
 */
export type LgtmRole = (typeof LGTM_ROLES)[number];

/** Roles a sizing may leave out (dev runs Loki without caches). */
export type OptionalRole = "loki-chunks-cache" | "loki-results-cache";

/** Roles every sizing sizes. */
export type SizedRole = Exclude<LgtmRole, OptionalRole>;

/** The size of one role's ECS service. */
export interface RoleSize {
  /** Desired task count. */
  readonly tasks: number;
  /** Task CPU units (1024 = 1 vCPU); with `memory`, a valid Fargate pair. */
  readonly cpu: number;
  /** Task memory, MiB. */
  readonly memory: number;
  /** Task ephemeral storage, GiB (21–200), when Fargate's default 20 GiB is too small; absent otherwise. */
  readonly ephemeralStorageGiB?: number;
  /**
   * Whether the service runs on FARGATE_SPOT (only roles {@link SPOT_ALLOWED} names): all tasks but
   * one when it has several; its only task when it has one, which only dev asks for.
   */
  readonly spot: boolean;
  /** memcached item memory (`-m`, MiB), caches only. */
  readonly memcachedMiB?: number;
  /** Where the size comes from. */
  readonly basis: string;
}

/** Sizes by role; the caches are absent when a sizing runs Loki without them. */
export type RoleSizes = { readonly [R in SizedRole]: RoleSize } & { readonly [R in OptionalRole]?: RoleSize };

/** Replication factors the task counts imply; the components' configs must use these. */
export interface ReplicationFactors {
  /** `ingester.ring.replication_factor` and `store_gateway.sharding_ring.replication_factor`. */
  readonly mimir: number;
  /** Loki `common.replication_factor`. */
  readonly loki: number;
  /** Tempo `ingester.lifecycler.ring.replication_factor`. */
  readonly tempo: number;
  /** Pyroscope `distributor.replication_factor` (monolithic, one task). */
  readonly pyroscope: number;
}

export interface LgtmSizing {
  /** `dev`, `prod` (seed 004), or `load` (from `sizeForLoad`). */
  readonly name: "dev" | "prod" | "load";
  readonly roles: RoleSizes;
  readonly replication: ReplicationFactors;
  /** What this layout does not protect against, in words. */
  readonly notes: readonly string[];
}

/**
 * Roles that may run on Fargate Spot. A Spot task gets two minutes' notice before it is stopped,
 * and a Fargate task's disk goes with it, so only roles that hold nothing but in-flight requests qualify:
 * - queriers and query-frontends: a stopped task fails the queries it is running, Grafana retries;
 * - not distributors: they are the write path's front door, and OTLP/remote-write clients buffer
 *   little, so Spot reclaims (which arrive together) would drop data;
 * - not ingesters, compactors, `mimir` (runs an ingester), the metrics-generator (holds series),
 *   Alloy (remote-write WAL), Grafana (one task on SQLite), Pyroscope (one task), caches (a cold
 *   cache sends every query to S3).
 */
export const SPOT_ALLOWED: Readonly<Record<LgtmRole, boolean>> = {
  mimir: false,
  "loki-distributor": false,
  "loki-ingester": false,
  "loki-querier": true,
  "loki-query-frontend": true,
  "loki-compactor": false,
  "loki-chunks-cache": false,
  "loki-results-cache": false,
  "tempo-distributor": false,
  "tempo-ingester": false,
  "tempo-querier": true,
  "tempo-query-frontend": true,
  "tempo-compactor": false,
  "tempo-metrics-generator": false,
  pyroscope: false,
  grafana: false,
  alloy: false,
};

/**
 * The Loki Helm chart leaves memcached 20% of the container for connections and overhead: memory
 * request = round(allocatedMemory × 1.2) (grafana/loki production/helm/loki/templates/memcached/
 * _memcached-statefulset.tpl, chart 7.3.0, snapshot 2026-08-22).
 */
export const MEMCACHED_OVERHEAD = 1.2;

/**
 * A role's size. It goes on Spot where {@link SPOT_ALLOWED} lets it and it has more than one task:
 * a reclaim then stops only part of it. A one-task role on Spot stops entirely when reclaimed.
 */
export function sized(role: LgtmRole, tasks: number, cpu: number, memory: number, basis: string, extra: Partial<RoleSize> = {}): RoleSize {
  return { tasks, cpu, memory, spot: SPOT_ALLOWED[role] && tasks > 1, basis, ...extra };
}

export function cache(role: OptionalRole, cpu: number, memory: number, memcachedMiB: number, basis: string): RoleSize {
  return sized(role, 1, cpu, memory, basis, { memcachedMiB });
}

const DEV_BASIS = "dev: smallest Fargate size that starts the component";

/** One dev task; dev puts even a one-task role on Spot where the role allows it (a reclaim stops it for a minute or two, like any replacement in dev). */
const devSized = (role: LgtmRole, cpu: number, memory: number): RoleSize => sized(role, 1, cpu, memory, DEV_BASIS, { spot: SPOT_ALLOWED[role] });

/**
 * dev: one task per role at the smallest Fargate size the component starts in (0.5 vCPU / 1 GB for
 * the multi-component binaries Mimir and Pyroscope, 0.25 / 0.5 for the rest). Replication factor 1
 * everywhere: a replaced ingester loses what it had not flushed. No memcached: Loki reads S3.
 */
export const DEV_SIZING: LgtmSizing = {
  name: "dev",
  roles: {
    mimir: devSized("mimir", 512, 1024),
    "loki-distributor": devSized("loki-distributor", 256, 512),
    "loki-ingester": devSized("loki-ingester", 256, 512),
    "loki-querier": devSized("loki-querier", 256, 512),
    "loki-query-frontend": devSized("loki-query-frontend", 256, 512),
    "loki-compactor": devSized("loki-compactor", 256, 512),
    "tempo-distributor": devSized("tempo-distributor", 256, 512),
    "tempo-ingester": devSized("tempo-ingester", 256, 512),
    "tempo-querier": devSized("tempo-querier", 256, 512),
    "tempo-query-frontend": devSized("tempo-query-frontend", 256, 512),
    "tempo-compactor": devSized("tempo-compactor", 256, 512),
    "tempo-metrics-generator": devSized("tempo-metrics-generator", 256, 512),
    pyroscope: devSized("pyroscope", 512, 1024),
    grafana: devSized("grafana", 256, 512),
    alloy: devSized("alloy", 256, 512),
  },
  replication: { mimir: 1, loki: 1, tempo: 1, pyroscope: 1 },
  notes: [
    "Replication factor 1 for Mimir, Loki, Tempo and Pyroscope: a replaced task loses the data it had not flushed to S3.",
    "Every role is a single task: a task replacement stops that role for a minute or two.",
    "Grafana at 0.25 vCPU is below Grafana's 1-core minimum; enough for a few users.",
  ],
};

const SEED = "seed 004";
const WAL_DISK = { ephemeralStorageGiB: 30 };

/**
 * prod = seed 004 (../shared/seeds/lgtm-ecs-fargate-architecture.md): Mimir 3 × 2 vCPU / 4 GB
 * monolithic; Loki 2 × 1 vCPU / 2 GB per component; Tempo 1 × 1 vCPU / 2 GB per component;
 * Pyroscope 1 × 1 / 2; Grafana and Alloy 1 × 0.5 / 1. The seed names no Loki compactor (we run
 * the one Loki allows, at the seed's Loki size) and no cache sizes:
 * - chunks cache 0.5 vCPU / 4 GB, memcached -m 3413: the chart's 0.5 CPU (allocatedCPU 500m) and
 *   the most memory Fargate pairs with 0.5 vCPU; the chart's default 8 GiB is for a cluster at
 *   Grafana's smallest tier (3 TB/day), several times the seed's Loki;
 * - results cache 0.5 vCPU / 2 GB, memcached -m 1024: the chart's defaults (1024 MB, 500m) × 1.2.
 * The roles that keep a WAL or local blocks on the task's disk get 30 GiB of ephemeral storage
 * (Fargate's 20 GiB includes the image): Mimir's own rule asks about 11 GiB per task at this
 * layout's metrics ceiling, Loki's and Tempo's charts give ingesters 10 GiB volumes, and a WAL
 * that cannot be written stops ingest, so there is room for twice that and a backlog.
 */
export const PROD_SIZING: LgtmSizing = {
  name: "prod",
  roles: {
    mimir: sized("mimir", 3, 2048, 4096, SEED, WAL_DISK),
    "loki-distributor": sized("loki-distributor", 2, 1024, 2048, SEED),
    "loki-ingester": sized("loki-ingester", 2, 1024, 2048, SEED, WAL_DISK),
    "loki-querier": sized("loki-querier", 2, 1024, 2048, SEED),
    "loki-query-frontend": sized("loki-query-frontend", 2, 1024, 2048, SEED),
    "loki-compactor": sized("loki-compactor", 1, 1024, 2048, `${SEED} (Loki size; one compactor)`),
    "loki-chunks-cache": cache("loki-chunks-cache", 512, 4096, Math.floor(4096 / MEMCACHED_OVERHEAD), "Loki chart CPU; largest memory at 0.5 vCPU"),
    "loki-results-cache": cache("loki-results-cache", 512, 2048, 1024, "Loki chart defaults (1024 MB, 500m)"),
    "tempo-distributor": sized("tempo-distributor", 1, 1024, 2048, SEED),
    "tempo-ingester": sized("tempo-ingester", 1, 1024, 2048, SEED, WAL_DISK),
    "tempo-querier": sized("tempo-querier", 1, 1024, 2048, SEED),
    "tempo-query-frontend": sized("tempo-query-frontend", 1, 1024, 2048, SEED),
    "tempo-compactor": sized("tempo-compactor", 1, 1024, 2048, SEED),
    "tempo-metrics-generator": sized("tempo-metrics-generator", 1, 1024, 2048, SEED),
    pyroscope: sized("pyroscope", 1, 1024, 2048, SEED, WAL_DISK),
    grafana: sized("grafana", 1, 512, 1024, SEED),
    alloy: sized("alloy", 1, 512, 1024, SEED),
  },
  replication: { mimir: 3, loki: 2, tempo: 1, pyroscope: 1 },
  notes: [
    "Mimir: 3 tasks, replication factor 3, so every task holds every series; one task can be lost without losing data or writes.",
    "Loki: 2 ingesters at replication factor 2. A write needs both (quorum 2 of 2), so pushes fail and Alloy retries while one is replaced; nothing acknowledged is lost.",
    "Tempo: 1 ingester, replication factor 1. Replacing it stops trace ingest for a minute or two and loses traces not yet flushed (its WAL is on the task's disk).",
    "Single tasks: Grafana (SQLite on EFS), Alloy (ingest pauses while it is replaced), Pyroscope, the Tempo components, Loki's compactor (a singleton by design).",
    "Grafana at 0.5 vCPU and Tempo at 2 GB are below Grafana's published minimums (1 core; 4 GB per Tempo ingester, querier and compactor).",
  ],
};

/** The two named profiles. */
export const LGTM_PROFILES = { dev: DEV_SIZING, prod: PROD_SIZING } as const;
