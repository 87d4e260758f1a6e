import { FARGATE_CPUS, FARGATE_MEMORY_BY_CPU, roundUpToFargate } from "../../../shared/fargate";
import { add, ceil, Env, evaluate, Expr, ifAtMost, max, mul, ref, sub } from "./expr";
import { deriveLoad, DerivedLoad, LgtmLoad, validateLoad } from "./load";
import { cache, DEV_SIZING, LgtmSizing, MEMCACHED_OVERHEAD, ReplicationFactors, RoleSizes, sized, SizedRole } from "./sizing";
import { alloyRule, grafanaRule, lokiRule, mimirRule, pyroscopeRule, RoleRule, tempoRule } from "./sizing-rules";

/**
 * The layout for a load: the rules of sizing-rules.ts turned into task counts and Fargate sizes.
 * What can be arithmetic is an {@link Expr} here too (the task count, the request before rounding,
 * the cost a count is chosen by), so for-load-hcl.ts renders the same expressions for Terraform;
 * only the list work (rounding up to a Fargate pair, picking the cheapest count) is written twice,
 * here and there, and a terraform test checks the two agree.
 */

/** Replication factors for a sized-from-load stack: the systems' HA defaults (Mimir and Loki default to 3; Tempo's doc example uses 3). */
export const LOAD_REPLICATION: ReplicationFactors = { mimir: 3, loki: 3, tempo: 3, pyroscope: 1 };

/** The rule for each role at the given replication factors; caches are fixed sizes, not rules. */
export function roleRules(replication: ReplicationFactors): Readonly<Record<SizedRole, RoleRule>> {
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
 * takes 1 vCPU / 8 GB and the item memory that leaves (8192 ÷ 1.2). A sized-from-load stack always
 * runs both: Grafana's Loki tiers all assume them.
 */
export const LOAD_CACHES = {
  "loki-chunks-cache": cache("loki-chunks-cache", 1024, 8192, Math.floor(8192 / MEMCACHED_OVERHEAD), "Loki chart default 8 GiB, capped at 1 vCPU / 8 GB"),
  "loki-results-cache": cache("loki-results-cache", 512, 2048, 1024, "Loki chart defaults (1024 MB, 500m)"),
};

/** Fargate's limits, and where a cost-chosen count stops. */
export const LIMITS = {
  cpu: FARGATE_CPUS[FARGATE_CPUS.length - 1],
  memory: Math.max(...FARGATE_MEMORY_BY_CPU[FARGATE_CPUS[FARGATE_CPUS.length - 1]]),
  /** Ephemeral storage included in every task, and the most a task can have (GiB). */
  includedDiskGiB: 20,
  diskGiB: 200,
  /** The most tasks a cost-chosen count may reach before the load is rejected as beyond Fargate. */
  splitTasks: 600,
};

/** Room left on the task's disk for the image and logs when a role writes to it (GiB). */
const IMAGE_GIB = 1;

/**
 * Rounds up, ignoring a billionth: Terraform computes with more precision than TypeScript's
 * doubles, so a need that is a whole number in one face may be a hair above it in the other.
 */
const roundUp = (value: Expr): Expr => ceil(sub(value, 1e-9));

/**
 * The task count of a role that has one: its fixed count, or the replicas its volume needs, never
 * below its minimum. Undefined for a role whose count is chosen by cost ({@link COST}).
 */
export function taskCount(rule: RoleRule): Expr | undefined {
  if (rule.exactly !== undefined) return rule.exactly;
  if (rule.throughputReplicas === undefined) return undefined;
  return max(rule.minimum, roundUp(rule.throughputReplicas));
}

/** What one task asks of Fargate before rounding to a pair: CPU units, MiB, and GiB of disk (0: it writes none). */
export interface Request {
  readonly cpu: Expr;
  readonly memory: Expr;
  readonly disk: Expr;
}

/** A role's {@link Request} over the load and its task count, never below its dev size (the smallest it starts in). */
export function request(role: SizedRole, rule: RoleRule): Request {
  const floor = DEV_SIZING.roles[role];
  const need = rule.perTask;
  return {
    cpu: max(roundUp(mul(need.vcpu, 1024)), floor.cpu),
    memory: max(roundUp(mul(need.memoryGiB, 1024)), floor.memory),
    disk: ifAtMost(need.diskGiB, 0, 0, roundUp(add(need.diskGiB, IMAGE_GIB))),
  };
}

/**
 * Fargate charges about 9.1 GB-hours for one vCPU-hour, in both regions and architectures priced
 * in COST §1.1 (x86 us-east-1 0.04048 / 0.004445; ARM 0.03238 / 0.00356; Seoul x86 0.04656 /
 * 0.00511; ARM 0.03725 / 0.00409), and ephemeral storage beyond 20 GiB about 0.031 GB-hours per
 * GiB (0.000111 / 0.00356). Used to compare task splits, not to price them.
 */
const VCPU_COST_IN_GB = 9.1;
const EPHEMERAL_GIB_COST_IN_GB = 0.031;

/**
 * The relative cost of `tasks` tasks of a Fargate size (`cpu`, `memory`, `disk` as in {@link Request}),
 * in 1/1,024,000 GB-hours: whole numbers, so equal costs tie exactly in both faces.
 */
export const COST: Expr = mul(
  ref("tasks"),
  add(
    mul(ref("cpu"), Math.round(VCPU_COST_IN_GB * 1000)),
    mul(ref("memory"), 1000),
    mul(max(sub(ref("disk"), LIMITS.includedDiskGiB), 0), Math.round(EPHEMERAL_GIB_COST_IN_GB * 1024 * 1000)),
  ),
);

/** A role's count and Fargate size; `disk` as in {@link Request}. */
interface Layout {
  readonly tasks: number;
  readonly cpu: number;
  readonly memory: number;
  readonly disk: number;
}

/** The role at `tasks` tasks on the smallest Fargate pair that holds its request; undefined when none does. */
function layoutAt(asks: Request, derived: DerivedLoad, tasks: number): Layout | undefined {
  const env: Env = { ...(derived as unknown as Env), tasks };
  const [cpu, memory, disk] = [asks.cpu, asks.memory, asks.disk].map((expr) => evaluate(expr, env));
  if (cpu > LIMITS.cpu || memory > LIMITS.memory || disk > LIMITS.diskGiB) return undefined;
  return { tasks, ...roundUpToFargate(cpu, memory), disk };
}

/**
 * The layout of a role whose work splits evenly: of every count from the minimum up (in steps of
 * `step`), the one whose Fargate sizes cost least, fewer tasks on a tie. Rounding to Fargate pairs
 * is what makes this matter: 4.6 vCPU of need rounds up to an 8-vCPU task.
 */
function cheapestSplit(role: SizedRole, rule: RoleRule, asks: Request, derived: DerivedLoad): Layout {
  let best: { layout: Layout; cost: number } | undefined;
  for (let tasks = rule.minimum; tasks <= LIMITS.splitTasks; tasks += rule.step ?? 1) {
    const layout = layoutAt(asks, derived, tasks);
    if (!layout) continue;
    const cost = evaluate(COST, layout as unknown as Env);
    if (!best || cost < best.cost) best = { layout, cost };
  }
  if (!best) throw new Error(`${role}: the load needs more than ${LIMITS.splitTasks} of the largest Fargate tasks.`);
  return best.layout;
}

function layoutFor(role: SizedRole, rule: RoleRule, derived: DerivedLoad): Layout {
  const asks = request(role, rule);
  const count = taskCount(rule);
  if (count === undefined) return cheapestSplit(role, rule, asks, derived);
  const tasks = evaluate(count, derived as unknown as Env);
  const layout = layoutAt(asks, derived, tasks);
  if (!layout) throw new Error(`${role}: no Fargate task is large enough for this load at ${tasks} tasks.`);
  return layout;
}

/**
 * The layout Grafana's guidance gives for a load: every role's count and Fargate size, never below
 * the HA minimums (replication factor 3 ⇒ at least 3 Mimir tasks and Loki/Tempo ingesters; 2
 * distributors, queriers, query-frontends and Alloy tasks). Throws on a load outside
 * {@link LOAD_LIMITS}.
 */
export function sizeForLoad(load: LgtmLoad): LgtmSizing {
  const derived = deriveLoad(validateLoad(load));
  const roles = Object.fromEntries(
    (Object.entries(roleRules(LOAD_REPLICATION)) as [SizedRole, RoleRule][]).map(([role, rule]) => {
      const { tasks, cpu, memory, disk } = layoutFor(role, rule, derived);
      return [role, sized(role, tasks, cpu, memory, rule.basis, disk > LIMITS.includedDiskGiB ? { ephemeralStorageGiB: disk } : {})];
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
