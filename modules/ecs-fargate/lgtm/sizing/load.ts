import { ObjectSpec, withObjectDefaults } from "../../../../lib/object-type";
import { div, Env, evaluate, Expr, mul, ref } from "./expr";

/**
 * The load an LGTM stack is sized for, as a user states it. Field names follow issue 11 so the
 * same object can come from a CLI flag (`active_series=1000000,...`) or a Terraform variable.
 */
export interface LgtmLoad {
  /** Active series before replication: `sum(prometheus_tsdb_head_series)` across your Prometheus servers. */
  readonly active_series: number;
  /** How often each series is sampled, in seconds (Alloy's default is 60, Grafana's sizing docs assume 15). */
  readonly scrape_interval_seconds: number;
  /** Raw (uncompressed) log volume ingested per day, in GB (10^9 bytes). 0 means no logs. */
  readonly logs_gb_per_day: number;
  /** Raw trace volume ingested per day, in GB (10^9 bytes). 0 means no traces. */
  readonly traces_gb_per_day: number;
  /** Profiles ingested per second. 0 means no profiling. */
  readonly profiles_per_second: number;
}

/** A load as a user writes it: series and interval required, the volumes 0 (none) when left out. */
export type LgtmLoadInput = Pick<LgtmLoad, "active_series" | "scrape_interval_seconds"> & Partial<LgtmLoad>;

/** {@link LgtmLoadInput} as a Terraform object type's attributes, with the volumes' defaults. */
export const LOAD_SPEC: ObjectSpec = {
  active_series: { type: "number" },
  scrape_interval_seconds: { type: "number" },
  logs_gb_per_day: { type: "number", default: 0 },
  traces_gb_per_day: { type: "number", default: 0 },
  profiles_per_second: { type: "number", default: 0 },
};

/** The load with the volumes left out set to 0. */
export function completeLoad(load: LgtmLoadInput): LgtmLoad {
  return withObjectDefaults(load, LOAD_SPEC) as LgtmLoad;
}

/** The reference workload of issue 11 and COST-AND-CAPACITY §4: 1 M series at 15 s, 100 GB/day of logs, 50 GB/day of traces. */
export const REFERENCE_LOAD: LgtmLoad = {
  active_series: 1_000_000,
  scrape_interval_seconds: 15,
  logs_gb_per_day: 100,
  traces_gb_per_day: 50,
  profiles_per_second: 0,
};

/**
 * Accepted ranges. Logs stop at the top of Loki's largest sizing tier (30 TB/day), beyond which the
 * rules would only extrapolate; profiles at what one monolithic Pyroscope task can take on the
 * largest Fargate size (about 1,000/s by the estimate in sizing-rules.ts). Series stop at 10 times
 * Grafana's largest Mimir preset (large.yaml, ≈ 10 M). Real loads pass; typos of orders of
 * magnitude fail.
 */
export const LOAD_LIMITS: Readonly<Record<keyof LgtmLoad, LoadLimit>> = {
  active_series: { min: 1, max: 100_000_000, integer: true, unit: "series" },
  scrape_interval_seconds: { min: 1, max: 3600, unit: "s" },
  logs_gb_per_day: { min: 0, max: 30_000, unit: "GB/day" },
  traces_gb_per_day: { min: 0, max: 100_000, unit: "GB/day" },
  profiles_per_second: { min: 0, max: 1_000, unit: "profiles/s" },
};

export interface LoadLimit {
  readonly min: number;
  readonly max: number;
  /** Only whole numbers. */
  readonly integer?: boolean;
  readonly unit: string;
}

/** True when the value is a number the limit accepts. */
export function withinLimit(value: unknown, limit: LoadLimit): boolean {
  return typeof value === "number" && value >= limit.min && value <= limit.max && (!limit.integer || Number.isInteger(value));
}

/** Returns the load unchanged when every field is a number in range; otherwise throws one error naming every bad field. */
export function validateLoad(load: LgtmLoad): LgtmLoad {
  const problems: string[] = [];
  for (const [field, limit] of Object.entries(LOAD_LIMITS) as [keyof LgtmLoad, (typeof LOAD_LIMITS)[keyof LgtmLoad]][]) {
    const value: unknown = (load as unknown as Record<string, unknown>)[field];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      problems.push(`${field} must be a number (got ${JSON.stringify(value)})`);
    } else if (value < limit.min || value > limit.max) {
      problems.push(`${field} = ${value} is outside ${limit.min}..${limit.max} ${limit.unit}`);
    } else if (limit.integer && !Number.isInteger(value)) {
      problems.push(`${field} = ${value} must be a whole number`);
    }
  }
  const unknown = Object.keys(load).filter((field) => !(field in LOAD_LIMITS));
  if (unknown.length > 0) problems.push(`unknown field(s) ${unknown.join(", ")}; expected ${Object.keys(LOAD_LIMITS).join(", ")}`);
  if (problems.length > 0) throw new Error(`Invalid load: ${problems.join("; ")}.`);
  return load;
}

/** Parses `active_series=1000000,scrape_interval_seconds=15,...`; omitted volumes default to 0, series and interval are required. */
export function parseLoad(text: string): LgtmLoad {
  const fields: Record<string, number> = {};
  for (const pair of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [name, value, extra] = pair.split("=");
    if (value === undefined || extra !== undefined || value.trim() === "") throw new Error(`Invalid load: "${pair}" is not name=value.`);
    fields[name.trim()] = Number(value);
  }
  return validateLoad(completeLoad(fields as unknown as LgtmLoadInput));
}

/** Quantities the rules work in, derived once. Decimal units, as the sources state their rates. */
export interface DerivedLoad extends LgtmLoad {
  /** Samples per second: series ÷ interval (Mimir capacity-planning doc, "estimated rate"). */
  readonly samplesPerSecond: number;
  /** Log ingest in MB/s (10^6 bytes). */
  readonly logsMBps: number;
  /** Log ingest in MiB/s, the unit of Alloy's estimate. */
  readonly logsMiBps: number;
  /** Trace ingest in MB/s, the unit of Tempo's sizing page. */
  readonly tracesMBps: number;
}

const SECONDS_PER_DAY = 86_400;
const logsBytesPerSecond = div(mul(ref("logs_gb_per_day"), 1e9), SECONDS_PER_DAY);

/** The derived quantities as expressions over the load's fields, for both faces of the rules. */
export const DERIVED_LOAD: Readonly<Record<Exclude<keyof DerivedLoad, keyof LgtmLoad>, Expr>> = {
  samplesPerSecond: div(ref("active_series"), ref("scrape_interval_seconds")),
  logsMBps: div(logsBytesPerSecond, 1e6),
  logsMiBps: div(logsBytesPerSecond, 2 ** 20),
  tracesMBps: div(div(mul(ref("traces_gb_per_day"), 1e9), SECONDS_PER_DAY), 1e6),
};

export function deriveLoad(load: LgtmLoad): DerivedLoad {
  const fields = load as unknown as Env;
  return { ...load, ...(Object.fromEntries(Object.entries(DERIVED_LOAD).map(([name, expr]) => [name, evaluate(expr, fields)])) as Omit<DerivedLoad, keyof LgtmLoad>) };
}
