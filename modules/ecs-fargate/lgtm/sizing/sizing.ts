import { roundUpToFargate } from "../../../shared/fargate";
import { deriveLoad, DerivedLoad, LgtmLoad, validateLoad } from "./load";
import { alloyRule, grafanaRule, lokiRule, mimirRule, Need, pyroscopeRule, RoleRule, tempoRule } from "./sizing-rules";

/**
 * How many tasks of what size each LGTM role runs: the `dev` and `prod` profiles, and
 * `sizeForLoad(load)` from Grafana's capacity guidance. Pure data, no constructs: the data-plane
 * components build their Fargate services from a {@link LgtmSizing}.
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
  /** Whether the service may place tasks on FARGATE_SPOT (see {@link SPOT_ALLOWED}). */
  readonly spot: boolean;
  /** memcached item memory (`-m`, MiB), caches only. */
  readonly memcachedMiB?: number;
  /** Where the size comes from. */
  readonly basis: string;
}

/** Sizes by role; the caches are absent when a sizing runs Loki without them. */
export type RoleSizes = { readonly [R in Exclude<LgtmRole, OptionalRole>]: RoleSize } & { readonly [R in OptionalRole]?: RoleSize };

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
  /** `dev`, `prod` (seed 004), or `load` (from {@link sizeForLoad}). */
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
const MEMCACHED_OVERHEAD = 1.2;

function sized(role: LgtmRole, tasks: number, cpu: number, memory: number, basis: string, extra: Partial<RoleSize> = {}): RoleSize {
  return { tasks, cpu, memory, spot: SPOT_ALLOWED[role], basis, ...extra };
}

function cache(role: OptionalRole, cpu: number, memory: number, memcachedMiB: number, basis: string): RoleSize {
  return sized(role, 1, cpu, memory, basis, { memcachedMiB });
}

const DEV_BASIS = "dev: smallest Fargate size that starts the component";

/**
 * dev: one task per role at the smallest Fargate size the component starts in (0.5 vCPU / 1 GB for
 * the multi-component binaries Mimir and Pyroscope, 0.25 / 0.5 for the rest). Replication factor 1
 * everywhere: a replaced ingester loses what it had not flushed. No memcached: Loki reads S3.
 */
export const DEV_SIZING: LgtmSizing = {
  name: "dev",
  roles: {
    mimir: sized("mimir", 1, 512, 1024, DEV_BASIS),
    "loki-distributor": sized("loki-distributor", 1, 256, 512, DEV_BASIS),
    "loki-ingester": sized("loki-ingester", 1, 256, 512, DEV_BASIS),
    "loki-querier": sized("loki-querier", 1, 256, 512, DEV_BASIS),
    "loki-query-frontend": sized("loki-query-frontend", 1, 256, 512, DEV_BASIS),
    "loki-compactor": sized("loki-compactor", 1, 256, 512, DEV_BASIS),
    "tempo-distributor": sized("tempo-distributor", 1, 256, 512, DEV_BASIS),
    "tempo-ingester": sized("tempo-ingester", 1, 256, 512, DEV_BASIS),
    "tempo-querier": sized("tempo-querier", 1, 256, 512, DEV_BASIS),
    "tempo-query-frontend": sized("tempo-query-frontend", 1, 256, 512, DEV_BASIS),
    "tempo-compactor": sized("tempo-compactor", 1, 256, 512, DEV_BASIS),
    "tempo-metrics-generator": sized("tempo-metrics-generator", 1, 256, 512, DEV_BASIS),
    pyroscope: sized("pyroscope", 1, 512, 1024, DEV_BASIS),
    grafana: sized("grafana", 1, 256, 512, DEV_BASIS),
    alloy: sized("alloy", 1, 256, 512, DEV_BASIS),
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

/**
 * Fargate charges about 9.1 GB-hours for one vCPU-hour, in both regions and architectures priced
 * in COST §1.1 (x86 us-east-1 0.04048 / 0.004445; ARM 0.03238 / 0.00356; Seoul x86 0.04656 /
 * 0.00511; ARM 0.03725 / 0.00409). Used to compare task splits, not to price them.
 */
const VCPU_COST_IN_GB = 9.1;
/** Ephemeral storage beyond 20 GiB costs about 0.031 GB-hours of memory per GiB (0.000111 / 0.00356). */
const EPHEMERAL_GIB_COST_IN_GB = 0.031;
/** Included ephemeral storage, and room left for the image and logs when a role writes to disk. */
const INCLUDED_EPHEMERAL_GIB = 20;
const IMAGE_GIB = 1;
const MAX_EPHEMERAL_GIB = 200;
/** The most tasks a cost-chosen count may reach before the load is rejected as beyond Fargate. */
const MAX_SPLIT_TASKS = 600;

/** A need as a Fargate size, never below the role's dev size (the smallest it starts in). */
function fargateSize(role: LgtmRole, need: Need): { cpu: number; memory: number; ephemeralStorageGiB?: number } | undefined {
  const floor = DEV_SIZING.roles[role as Exclude<LgtmRole, OptionalRole>];
  const cpu = Math.max(Math.ceil(need.vcpu * 1024), floor?.cpu ?? 256);
  const memory = Math.max(Math.ceil(need.memoryGiB * 1024), floor?.memory ?? 512);
  if (cpu > 16384 || memory > 122880) return undefined;
  const disk = need.diskGiB > 0 ? Math.ceil(need.diskGiB + IMAGE_GIB) : 0;
  if (disk > MAX_EPHEMERAL_GIB) return undefined;
  return { ...roundUpToFargate(cpu, memory), ...(disk > INCLUDED_EPHEMERAL_GIB ? { ephemeralStorageGiB: disk } : {}) };
}

function relativeCost(tasks: number, size: { cpu: number; memory: number; ephemeralStorageGiB?: number }): number {
  const extraDisk = (size.ephemeralStorageGiB ?? INCLUDED_EPHEMERAL_GIB) - INCLUDED_EPHEMERAL_GIB;
  return tasks * ((size.cpu / 1024) * VCPU_COST_IN_GB + size.memory / 1024 + extraDisk * EPHEMERAL_GIB_COST_IN_GB);
}

/**
 * The task count for a role whose work splits evenly: of every count from the minimum up (in steps
 * of `step`), the one whose Fargate sizes cost least, fewer tasks on a tie. Rounding to Fargate
 * pairs is what makes this matter: 4.6 vCPU of need rounds up to an 8-vCPU task.
 */
function cheapestSplit(role: LgtmRole, rule: RoleRule, load: DerivedLoad): number {
  let best: { tasks: number; cost: number } | undefined;
  const step = rule.step ?? 1;
  for (let tasks = rule.minimum; tasks <= MAX_SPLIT_TASKS; tasks += step) {
    const size = fargateSize(role, rule.perTask(load, tasks));
    if (!size) continue;
    const cost = relativeCost(tasks, size);
    if (!best || cost < best.cost - 1e-9) best = { tasks, cost };
  }
  if (!best) throw new Error(`${role}: the load needs more than ${MAX_SPLIT_TASKS} of the largest Fargate tasks.`);
  return best.tasks;
}

function taskCount(role: LgtmRole, rule: RoleRule, load: DerivedLoad): number {
  if (rule.exactly !== undefined) return rule.exactly;
  if (!rule.throughputReplicas) return cheapestSplit(role, rule, load);
  return Math.max(rule.minimum, Math.ceil(rule.throughputReplicas(load) - 1e-9));
}

/** Replication factors for a sized-from-load stack: the systems' HA defaults (Mimir and Loki default to 3; Tempo's doc example uses 3). */
const LOAD_REPLICATION: ReplicationFactors = { mimir: 3, loki: 3, tempo: 3, pyroscope: 1 };

/** The rule for each role at the given replication factors; caches are fixed sizes, not rules. */
export function roleRules(replication: ReplicationFactors): Readonly<Record<Exclude<LgtmRole, OptionalRole>, RoleRule>> {
  return {
    mimir: mimirRule(replication.mimir),
    "loki-distributor": lokiRule("distributor", 2, replication.loki),
    "loki-ingester": lokiRule("ingester", replication.loki, replication.loki),
    "loki-querier": lokiRule("querier", 2, replication.loki),
    "loki-query-frontend": lokiRule("query-frontend", 2, replication.loki),
    "loki-compactor": lokiRule("compactor", 1, replication.loki),
    "tempo-distributor": tempoRule("distributor", 2),
    "tempo-ingester": tempoRule("ingester", replication.tempo),
    "tempo-querier": tempoRule("querier", 2),
    "tempo-query-frontend": tempoRule("query-frontend", 2),
    "tempo-compactor": tempoRule("compactor", 1),
    "tempo-metrics-generator": tempoRule("metrics-generator", 1),
    pyroscope: pyroscopeRule,
    grafana: grafanaRule,
    alloy: alloyRule,
  };
}

/**
 * Loki's memcached at the chart's defaults (chunks 8192 MB, results 1024 MB, 500m CPU each; Loki
 * chart 7.3.0 values.yaml), except that 8192 MB × 1.2 fits no 1-vCPU Fargate task: the chunks cache
 * takes 1 vCPU / 8 GB and the item memory that leaves (8192 ÷ 1.2).
 */
const LOAD_CACHES = {
  "loki-chunks-cache": cache("loki-chunks-cache", 1024, 8192, Math.floor(8192 / MEMCACHED_OVERHEAD), "Loki chart default 8 GiB, capped at 1 vCPU / 8 GB"),
  "loki-results-cache": cache("loki-results-cache", 512, 2048, 1024, "Loki chart defaults (1024 MB, 500m)"),
};

/**
 * The layout Grafana's guidance gives for a load: every role's count and Fargate size, never below
 * the HA minimums (replication factor 3 ⇒ at least 3 Mimir tasks and Loki/Tempo ingesters; 2
 * distributors, queriers, query-frontends and Alloy tasks). Throws on a load outside
 * {@link LOAD_LIMITS}.
 */
export function sizeForLoad(load: LgtmLoad): LgtmSizing {
  const derived = deriveLoad(validateLoad(load));
  const rules = roleRules(LOAD_REPLICATION);
  const roles = Object.fromEntries(
    (Object.entries(rules) as [Exclude<LgtmRole, OptionalRole>, RoleRule][]).map(([role, rule]) => {
      const tasks = taskCount(role, rule, derived);
      const size = fargateSize(role, rule.perTask(derived, tasks));
      if (!size) throw new Error(`${role}: no Fargate task is large enough for this load at ${tasks} tasks.`);
      return [role, sized(role, tasks, size.cpu, size.memory, rule.basis, size.ephemeralStorageGiB ? { ephemeralStorageGiB: size.ephemeralStorageGiB } : {})];
    }),
  ) as RoleSizes;
  return {
    name: "load",
    roles: { ...roles, ...LOAD_CACHES },
    replication: LOAD_REPLICATION,
    notes: [
      "Replication factor 3 for Mimir, Loki and Tempo: one task of each can be lost without losing data or writes.",
      "Single tasks by design: Grafana (SQLite on EFS), Pyroscope (monolithic), Loki's compactor.",
      "Query roles are sized for typical query load; Grafana warns unoptimised Loki queries can need 10x the queriers.",
    ],
  };
}
