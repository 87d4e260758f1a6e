import { roleRules } from "./for-load";
import { deriveLoad, LgtmLoad, LOAD_LIMITS } from "./load";
import { LgtmSizing, RoleSize, SizedRole } from "./sizing";
import { needAt, replicasAt, RoleRule } from "./sizing-rules";

/**
 * The inverse of sizeForLoad: how much load a fixed layout (a profile) carries under the same
 * rules. For each role on a signal's path, the largest volume at which it has the replicas the
 * volume needs and the load-driven CPU, memory and disk the rules ask for, at the layout's task
 * count. What the guidance fixes per replica (Loki's tier requests, Tempo's 4 GB, query roles'
 * CPU) does not limit a volume; a layout below it is listed in `belowGuidance` instead.
 */

/** One signal's ceiling: the smallest of its roles' ceilings. */
export interface SignalCapacity {
  /** The largest value every role on the path carries. */
  readonly value: number;
  /** Its unit, e.g. "active series at 15 s". */
  readonly unit: string;
  /** The role whose ceiling that is. */
  readonly limitedBy: SizedRole;
  /** Each role's own ceiling (Infinity: no limit within the accepted loads). */
  readonly byRole: Readonly<Partial<Record<SizedRole, number>>>;
}

export interface LayoutCapacity {
  /** Active series at a 15 s scrape interval, through Mimir and Alloy. */
  readonly metrics: SignalCapacity;
  /** Log GB/day through Loki and Alloy. */
  readonly logs: SignalCapacity;
  /** Trace GB/day through Tempo (Alloy's estimate has no trace figure). */
  readonly traces: SignalCapacity;
  /** Roles below the per-replica CPU or memory Grafana publishes, at any volume. */
  readonly belowGuidance: readonly { role: SizedRole; resource: "cpu" | "memory"; has: number; guidance: number }[];
}

const NO_LOAD: LgtmLoad = { active_series: 1, scrape_interval_seconds: 15, logs_gb_per_day: 0, traces_gb_per_day: 0, profiles_per_second: 0 };

function fits(rule: RoleRule, size: RoleSize, load: LgtmLoad): boolean {
  const derived = deriveLoad(load);
  const replicas = replicasAt(rule, derived);
  if (replicas !== undefined && Math.ceil(replicas - 1e-9) > size.tasks) return false;
  const need = needAt(rule, derived, size.tasks);
  const disk = need.diskGiB > 0 ? need.diskGiB + 1 : 0;
  return (
    (need.fixedCpu || need.vcpu <= size.cpu / 1024 + 1e-9) &&
    (need.fixedMemory || need.memoryGiB <= size.memory / 1024 + 1e-9) &&
    disk <= (size.ephemeralStorageGiB ?? 20)
  );
}

/**
 * Largest value of one load field at which the role fits (bisection: the rules grow with load);
 * Infinity when it fits the largest load accepted.
 */
function roleCeiling(rule: RoleRule, size: RoleSize, field: keyof LgtmLoad): number {
  const fitsAt = (value: number) => fits(rule, size, { ...NO_LOAD, [field]: value });
  let low = 0;
  let high = LOAD_LIMITS[field].max;
  if (fitsAt(high)) return Infinity;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (fitsAt(middle)) low = middle;
    else high = middle;
  }
  return low;
}

function signal(sizing: LgtmSizing, roles: readonly SizedRole[], field: keyof LgtmLoad, unit: string): SignalCapacity {
  const rules = roleRules(sizing.replication);
  const byRole = Object.fromEntries(roles.map((role) => [role, roleCeiling(rules[role], sizing.roles[role], field)])) as Record<SizedRole, number>;
  const limitedBy = roles.reduce((lowest, role) => (byRole[role] < byRole[lowest] ? role : lowest));
  return { value: byRole[limitedBy], unit, limitedBy, byRole };
}

/** What a layout carries per signal under the sizing rules, and where it is below guidance. */
export function layoutCapacity(sizing: LgtmSizing): LayoutCapacity {
  const rules = roleRules(sizing.replication);
  const someLoad = deriveLoad({ ...NO_LOAD, logs_gb_per_day: 1, traces_gb_per_day: 1 });
  const belowGuidance = (Object.keys(rules) as SizedRole[]).flatMap((role) => {
    const size = sizing.roles[role];
    const need = needAt(rules[role], someLoad, size.tasks);
    const short: LayoutCapacity["belowGuidance"][number][] = [];
    if (need.fixedCpu && need.vcpu > size.cpu / 1024) short.push({ role, resource: "cpu", has: size.cpu / 1024, guidance: need.vcpu });
    if (need.fixedMemory && need.memoryGiB > size.memory / 1024) short.push({ role, resource: "memory", has: size.memory / 1024, guidance: need.memoryGiB });
    return short;
  });
  return {
    metrics: signal(sizing, ["mimir", "alloy"], "active_series", "active series at 15 s"),
    logs: signal(sizing, ["loki-distributor", "loki-ingester", "loki-querier", "loki-query-frontend", "loki-compactor", "alloy"], "logs_gb_per_day", "GB/day of logs"),
    traces: signal(
      sizing,
      ["tempo-distributor", "tempo-ingester", "tempo-querier", "tempo-query-frontend", "tempo-compactor", "tempo-metrics-generator"],
      "traces_gb_per_day",
      "GB/day of traces",
    ),
    belowGuidance,
  };
}
