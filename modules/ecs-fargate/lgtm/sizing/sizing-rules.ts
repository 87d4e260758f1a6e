import { add, div, Env, evaluate, Expr, ifAtMost, mul, ref, sub } from "./expr";
import { DerivedLoad } from "./load";

/**
 * Grafana's published capacity guidance, as functions of the load. Every figure cites its source;
 * "(est.)" marks our own estimate where Grafana publishes none. The figures and their dates are
 * collected in ../shared/design/COST-AND-CAPACITY.md §3 (cited below as COST §n).
 *
 * Units: vCPU and GiB. Grafana writes "GB" for memory; we read it as GiB, which rounds up.
 *
 * The rules are expressions ({@link Expr}), not functions: the same formulas are evaluated here
 * for a literal load and rendered as Terraform for a load that is a module variable.
 */

/** What one task of a role needs. */
export interface Need {
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** Local disk the role writes (TSDB, WAL, compaction scratch), before the image's share. */
  readonly diskGiB: number;
  /**
   * Memory comes from a published per-replica figure rather than from the load (Loki's tier
   * requests, Tempo's 4 GB floor): a layout with less is below guidance at any load.
   */
  readonly fixedMemory?: boolean;
  /** Likewise for CPU (query roles: their work follows queries, not ingest). */
  readonly fixedCpu?: boolean;
}

/** {@link Need} as expressions over the load's fields, its derived rates and {@link TASKS}. */
export interface NeedRule extends Omit<Need, "vcpu" | "memoryGiB" | "diskGiB"> {
  readonly vcpu: Expr;
  readonly memoryGiB: Expr;
  readonly diskGiB: Expr;
}

/** How a role's size follows the load. */
export interface RoleRule {
  /** Fewest tasks for availability (replication factor, HA pair) or the only count that works (singletons). */
  readonly minimum: number;
  /** A role that must run exactly this many tasks (Loki's compactor, Grafana on SQLite). */
  readonly exactly?: number;
  /**
   * Replicas the volume needs, fractional, before the minimum. Absent for roles whose work is
   * split evenly over any task count (Mimir, Alloy): their count is chosen by cost.
   */
  readonly throughputReplicas?: Expr;
  /** Count step when the count is chosen by cost (Mimir: whole zones of the replication factor). */
  readonly step?: number;
  /** What each of {@link TASKS} tasks needs for the load. */
  readonly perTask: NeedRule;
  /** The guidance this rule follows, printed with the size. */
  readonly basis: string;
}

/** A field or derived rate of the load, in a rule. */
const load = (name: keyof DerivedLoad): Expr => ref(name);

/** The task count, in a rule's {@link RoleRule.perTask}. */
export const TASKS = ref("tasks");

/** What each of `tasks` tasks of the role needs for the load. */
export function needAt(rule: RoleRule, derived: DerivedLoad, tasks: number): Need {
  const env: Env = { ...(derived as unknown as Env), tasks };
  const { vcpu, memoryGiB, diskGiB, ...flags } = rule.perTask;
  return { vcpu: evaluate(vcpu, env), memoryGiB: evaluate(memoryGiB, env), diskGiB: evaluate(diskGiB, env), ...flags };
}

/** The replicas the role's volume needs, fractional; undefined for a role whose count is chosen by cost. */
export function replicasAt(rule: RoleRule, derived: DerivedLoad): number | undefined {
  return rule.throughputReplicas === undefined ? undefined : evaluate(rule.throughputReplicas, derived as unknown as Env);
}

// ---------------------------------------------------------------------------------------------
// Mimir (monolithic, -target=all)

/**
 * Queries per second per million active series, when the user states none: both Helm presets
 * pair their load with a query rate, small.yaml "~1M series … ~5 queries per second" and
 * large.yaml "~10M series … ~50 queries per second" (G2, COST §3.2).
 */
export const MIMIR_QPS_PER_MILLION_SERIES = 5;

/** "Run Grafana Mimir with 50% extra capacity for memory and disk" (G1, planning-capacity.md). */
const MIMIR_HEADROOM = 1.5;

/**
 * Mimir monolithic: the capacity-planning page says "When Grafana Mimir is running in monolithic
 * mode, you can estimate the required resources by summing up all of the requirements for each
 * Grafana Mimir component" (G1, grafana/mimir planning-capacity.md @03a992a5, v3.1.x 2026-06-03).
 * So: sum every component's formula for the whole cluster, then split the sum evenly over the
 * tasks, since each `-target=all` task runs one of every component and the rings shard the work
 * (ingester series, store-gateway blocks, compactor jobs) and the load balancer spreads pushes and
 * queries. Per component (G1, COST §3.1):
 * - distributor: 1 core and 1 GB per 25,000 samples/s;
 * - ingester: 1 core, 2.5 GB memory, 5 GB disk per 300,000 in-memory series (active × RF);
 * - query-frontend 1 core + 1 GB per 250 QPS; query-scheduler 1 core + 100 MB per 500 QPS;
 * - querier 1 core + 1 GB per 10 QPS; store-gateway 1 core + 1 GB per 10 QPS and 13 GB disk per
 *   1 M active series (1-year retention, RF 3: we scale by RF/3 and keep the 1-year figure, the
 *   seed's retention);
 * - compactor: 1 core, 4 GB, 300 GB disk per 20 M active series (linear below one instance, est.);
 * - ruler and alertmanager: counted in the query rate and negligible (1 GB per 5,000 firing alerts).
 * Memory and disk get the 50% headroom.
 */
export function mimirRule(replicationFactor: number): RoleRule {
  const millions = div(load("active_series"), 1e6);
  const inMemorySeries = mul(load("active_series"), replicationFactor);
  const qps = mul(millions, MIMIR_QPS_PER_MILLION_SERIES);
  const distributor = div(load("samplesPerSecond"), 25_000);
  const ingesterCores = div(inMemorySeries, 300_000);
  const compactor = div(load("active_series"), 20e6);
  const cores = add(distributor, ingesterCores, div(qps, 250), div(qps, 500), div(qps, 10), div(qps, 10), compactor);
  const memory = add(distributor, mul(2.5, ingesterCores), div(qps, 250), div(mul(0.1, qps), 500), div(qps, 10), div(qps, 10), mul(4, compactor));
  const disk = add(mul(5, ingesterCores), mul(13, millions, replicationFactor / 3), mul(300, compactor));
  return {
    minimum: replicationFactor,
    step: replicationFactor,
    perTask: { vcpu: div(cores, TASKS), memoryGiB: div(mul(MIMIR_HEADROOM, memory), TASKS), diskGiB: div(mul(MIMIR_HEADROOM, disk), TASKS) },
    basis: "Mimir capacity planning (G1): sum of the component formulas, +50% memory/disk, split over monolithic tasks",
  };
}

// ---------------------------------------------------------------------------------------------
// Loki (microservices)

type LokiRole = "distributor" | "ingester" | "querier" | "query-frontend" | "compactor";

interface LokiTier {
  /** The top of the tier's range, GB/day: its figures are read as the need at this volume. */
  readonly gbPerDay: number;
  readonly roles: Readonly<Record<LokiRole, { cpu: number; memoryGiB: number; replicas: number }>>;
}

/**
 * Loki's sizing page, p90-based requests per tier (G3, grafana/loki docs/sources/setup/size/_index.md,
 * last changed 2025-04-17; COST §3.3). Our layout has no index gateway (TSDB queriers read the index
 * from the bucket themselves) and no query-scheduler (the query-frontend queues queries itself), so
 * those rows are not used. The page's third tier ("~1PB/month (30TB/day)") is not used either: at
 * 30 TB/day it asks for far more than the second tier does at the top of its "3-30TB/day" range, and
 * loads above 30 TB/day are rejected (LOAD_LIMITS) rather than extrapolated.
 */
const LOKI_TIERS: readonly [LokiTier, LokiTier] = [
  {
    gbPerDay: 3_000, // "Less than 100TB/month (3TB/day)"
    roles: {
      ingester: { cpu: 2, memoryGiB: 4, replicas: 6 },
      distributor: { cpu: 2, memoryGiB: 0.5, replicas: 4 },
      querier: { cpu: 1, memoryGiB: 1, replicas: 10 },
      "query-frontend": { cpu: 1, memoryGiB: 2, replicas: 2 },
      compactor: { cpu: 2, memoryGiB: 10, replicas: 1 },
    },
  },
  {
    gbPerDay: 30_000, // "100TB to 1PB /month (3-30TB/day)"
    roles: {
      ingester: { cpu: 2, memoryGiB: 6, replicas: 90 },
      distributor: { cpu: 2, memoryGiB: 1, replicas: 40 },
      querier: { cpu: 1.5, memoryGiB: 2, replicas: 100 },
      "query-frontend": { cpu: 1, memoryGiB: 2, replicas: 8 },
      compactor: { cpu: 6, memoryGiB: 20, replicas: 1 },
    },
  },
];

/** The tiers' replica counts assume Loki's default replication factor (3; loki-3.7.6 configuration `replication_factor`). */
const LOKI_TIER_REPLICATION = 3;

/**
 * A tier figure at a volume, read piecewise-linearly through (0, 0), (3 TB/day, tier 1) and
 * (30 TB/day, tier 2): every figure grows from tier 1 to tier 2, so more volume never needs less.
 */
function lokiFigure(figure: (tier: LokiTier) => number): Expr {
  const [small, large] = LOKI_TIERS;
  const gbPerDay = load("logs_gb_per_day");
  return ifAtMost(
    gbPerDay,
    small.gbPerDay,
    div(mul(figure(small), gbPerDay), small.gbPerDay),
    add(figure(small), div(mul(figure(large) - figure(small), sub(gbPerDay, small.gbPerDay)), large.gbPerDay - small.gbPerDay)),
  );
}

/** A per-replica figure of the tier the volume falls in. */
function lokiRequest(figure: (tier: LokiTier) => number): Expr {
  const [small, large] = LOKI_TIERS;
  return ifAtMost(load("logs_gb_per_day"), small.gbPerDay, figure(small), figure(large));
}

/**
 * One Loki role. Replicas follow the tiers' replica counts along the volume, never below the
 * minimum; per-replica requests are those of the tier the volume falls in. Write-path roles
 * (distributor, ingester, compactor) do work in proportion to volume, so their CPU is the tiers'
 * total CPU at that volume shared by the tasks (below a tier's volume, HA minimums leave each
 * replica underused). Memory stays at the tier's request: it follows streams and chunk buffers,
 * not bytes per second. Read-path roles keep the tier's request in full, since query load does not
 * follow ingest ("Unoptimised queries can easily require 10x of the suggested querier resources", G3).
 */
export function lokiRule(role: LokiRole, minimum: number, replicationFactor: number): RoleRule {
  const writePath = role === "distributor" || role === "ingester" || role === "compactor";
  const share = role === "ingester" ? replicationFactor / LOKI_TIER_REPLICATION : 1;
  const totalCpu = lokiFigure((tier) => tier.roles[role].cpu * tier.roles[role].replicas);
  return {
    minimum,
    ...(role === "compactor" ? { exactly: 1 } : { throughputReplicas: lokiFigure((tier) => tier.roles[role].replicas) }),
    perTask: {
      vcpu: writePath ? div(mul(totalCpu, share), TASKS) : lokiRequest((tier) => tier.roles[role].cpu),
      memoryGiB: lokiRequest((tier) => tier.roles[role].memoryGiB),
      diskGiB: 0,
      fixedMemory: true,
      fixedCpu: !writePath,
    },
    basis: `Loki sizing tiers (G3): ${role} p90 request, replicas along the tiers' volumes${writePath ? ", CPU by volume share" : ""}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Tempo 2.10 (microservices, ingester path: no Kafka)

/**
 * Tempo's "Size the cluster" page as of v2.10.8 (G4, grafana/tempo
 * docs/sources/tempo/set-up-for-tracing/setup-tempo/plan/size.md at tag v2.10.8; COST §3.4), with
 * the conservative end of each range: distributor 1 per 10 MB/s (2 CPU, 2 GB); ingester 1 per 3 MB/s
 * (2.5 CPU, 4–20 GB); querier 1 per 1 MB/s (4–20 GB, CPU "dependent on trace size and queries");
 * query-frontend "2 replicas, for high availability" (4–20 GB); compactor 1 per 3 MB/s (1 CPU, 4–20 GB).
 * CPU scales with each task's share of the stated per-replica rate; memory takes the lower bound of
 * the range, since Grafana ties it to "trace composition", not volume. The metrics-generator has no
 * published sizing: (est.) one per 3 MB/s like the ingester beside it, 1 CPU at that rate, 2 GB (the
 * seed's size).
 */
export function tempoRule(
  role: "distributor" | "ingester" | "querier" | "query-frontend" | "compactor" | "metrics-generator",
  minimum: number,
): RoleRule {
  const guidance = {
    distributor: { mbpsPerReplica: 10, cpu: 2, memoryGiB: 2, scalesCpu: true },
    ingester: { mbpsPerReplica: 3, cpu: 2.5, memoryGiB: 4, scalesCpu: true },
    querier: { mbpsPerReplica: 1, cpu: 1, memoryGiB: 4, scalesCpu: false }, // CPU (est.)
    "query-frontend": { mbpsPerReplica: 0, cpu: 1, memoryGiB: 4, scalesCpu: false }, // CPU (est.)
    compactor: { mbpsPerReplica: 3, cpu: 1, memoryGiB: 4, scalesCpu: true },
    "metrics-generator": { mbpsPerReplica: 3, cpu: 1, memoryGiB: 2, scalesCpu: true }, // (est.)
  }[role];
  const replicas = guidance.mbpsPerReplica > 0 ? div(load("tracesMBps"), guidance.mbpsPerReplica) : undefined;
  return {
    minimum,
    ...(replicas ? { throughputReplicas: replicas } : { exactly: minimum }),
    perTask: {
      vcpu: guidance.scalesCpu && replicas ? div(mul(guidance.cpu, replicas), TASKS) : guidance.cpu,
      memoryGiB: guidance.memoryGiB,
      diskGiB: 0,
      fixedMemory: true,
      fixedCpu: !guidance.scalesCpu,
    },
    basis:
      role === "metrics-generator"
        ? "no Grafana sizing for the metrics-generator: (est.) like the ingester, 1 CPU per 3 MB/s, 2 GB"
        : `Tempo 2.10 sizing (G4): ${role}${guidance.mbpsPerReplica > 0 ? ` 1 per ${guidance.mbpsPerReplica} MB/s` : ", 2 for HA"}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Alloy, Grafana, Pyroscope

/** Alloy's default `scrape_interval` (60 s), the interval its per-series estimate is stated for. */
const ALLOY_DEFAULT_SCRAPE_SECONDS = 60;

/** Alloy's whole-cluster CPU and memory, per the estimate below. */
const alloyMillions = div(load("active_series"), 1e6);
const alloyCpu = add(mul(0.4, alloyMillions, div(ALLOY_DEFAULT_SCRAPE_SECONDS, load("scrape_interval_seconds"))), load("logsMiBps"), div(load("profiles_per_second"), 100));
const alloyMemory = add(mul(11, alloyMillions), mul(120 / 1024, load("logsMiBps")), div(mul(10, load("profiles_per_second")), 100));

/** The largest Fargate task (16 vCPU, 120 GiB): one Alloy task is sized up to it, no further. */
const LARGEST_TASK = { vcpu: 16, memoryGiB: 120 };

/**
 * Alloy's resource estimate (G5, grafana/alloy docs/sources/set-up/estimate-resource-usage.md, last
 * changed 2026-02-18 in commit 0533d385): per 1 M active series "with the default scrape interval"
 * 0.4 CPU and 11 GiB; per 1 MiB/s of logs 1 CPU and 120 MiB; per 100 profiles/s 1 CPU and 10 GiB.
 * No figure for traces. (est.) CPU per series scales with the sample rate (×60/interval); memory is
 * per series. Exactly one task, sized for the whole estimate: the stack's Alloy scrapes the stack
 * itself and polls CloudWatch, which unclustered replicas would each do again (duplicate samples,
 * twice the CloudWatch API calls). One task stops at Fargate's largest (about 10 M series at the
 * default interval); beyond that, collectors push straight to Mimir's remote-write endpoint.
 */
export const alloyRule: RoleRule = {
  minimum: 1,
  exactly: 1,
  perTask: {
    vcpu: ifAtMost(alloyCpu, LARGEST_TASK.vcpu, alloyCpu, LARGEST_TASK.vcpu),
    memoryGiB: ifAtMost(alloyMemory, LARGEST_TASK.memoryGiB, alloyMemory, LARGEST_TASK.memoryGiB),
    diskGiB: 0,
  },
  basis: "Alloy resource estimate (G5): per 1 M series, per MiB/s of logs, per 100 profiles/s, on one task (no clustering), at most Fargate's largest",
};

/**
 * Grafana: "Minimum recommended memory: 512 MB; Minimum recommended CPU: 1 core" (grafana.com
 * docs/grafana/v13.2/setup-grafana/installation). Exactly one task: its SQLite database lives on
 * EFS, and SQLite must not be shared by two writers.
 */
export const grafanaRule: RoleRule = {
  minimum: 1,
  exactly: 1,
  perTask: { vcpu: 1, memoryGiB: 0.5, diskGiB: 0 },
  basis: "Grafana installation minimum: 1 core, 512 MB; one task (SQLite on EFS)",
};

/**
 * Pyroscope monolithic, one task. Grafana publishes no per-throughput sizing for it (COST §3.5: the
 * Helm micro-services preset states no load; UNVERIFIED). (est.) The seed's 1 vCPU / 2 GB plus
 * Alloy's per-100-profiles/s figure (1 CPU, 10 GiB), since receiving a profile costs about what
 * forwarding it does.
 */
export const pyroscopeRule: RoleRule = {
  minimum: 1,
  exactly: 1,
  perTask: { vcpu: add(1, div(load("profiles_per_second"), 100)), memoryGiB: add(2, div(mul(10, load("profiles_per_second")), 100)), diskGiB: 0 },
  basis: "no Grafana throughput sizing for Pyroscope: (est.) seed size + Alloy's per-100-profiles/s figure",
};
