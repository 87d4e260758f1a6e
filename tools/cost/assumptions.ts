/**
 * Usage a plan cannot tell: data volumes, retention, query rates, users. Each has a default, a
 * unit and the reason for the default, and every one an estimate uses is printed with it. Override
 * with `--assume name=value,...`.
 */
export const ASSUMPTIONS = {
  nat_gb_per_month: { value: 50, unit: "GB/month", about: "data through all NAT gateways together", basis: "COST §4.3's figure (image pulls, AWS APIs)" },
  endpoint_gb_per_month: { value: 50, unit: "GB/month", about: "data through all interface endpoints together", basis: "(est.) image layers, logs and secrets of a small stack" },
  alb_lcu: { value: 1, unit: "LCU", about: "average load balancer capacity units per ALB", basis: "(est.) one LCU = 1 GB/h processed or 25 new connections/s (COST §1.2); COST §4.3 uses 12 for the reference workload" },
  efs_gb: { value: 1, unit: "GB", about: "data stored per EFS file system", basis: "(est.) Grafana's SQLite database and plugins" },
  log_group_gb_per_month: { value: 3, unit: "GB/month", about: "log ingest per CloudWatch log group", basis: "(est.) COST §4.3 assumes 60 GB/month for a 54-task stack" },
  never_expire_months: { value: 12, unit: "months", about: "months of data a log group without retention holds", basis: "(est.) a year of accumulation" },
  metrics_retention_days: { value: 30, unit: "days", about: "metrics retention", basis: "COST §4 (one month everywhere, as the managed options are priced)" },
  logs_retention_days: { value: 30, unit: "days", about: "logs retention", basis: "COST §4" },
  traces_retention_days: { value: 30, unit: "days", about: "traces retention", basis: "COST §4" },
  profiles_retention_days: { value: 30, unit: "days", about: "profiles retention", basis: "seed 004 (Pyroscope: 30 days)" },
  bytes_per_sample: { value: 2, unit: "bytes", about: "stored bytes per metric sample", basis: "Mimir capacity planning: 2 bytes per sample in compacted blocks (G1)" },
  logs_compression: { value: 5, unit: "x", about: "log compression in object storage", basis: "Loki: 5-10x (G3); the low end, so storage is an upper bound" },
  traces_compression: { value: 1, unit: "x", about: "trace compression in object storage", basis: "Tempo Parquet ratio UNVERIFIED; none, so storage is an upper bound" },
  profile_kb: { value: 0, unit: "KB", about: "size of one stored profile (0: profiles not priced)", basis: "no published figure; give one to price profile storage" },
  s3_put_millions: { value: 0, unit: "M/month", about: "S3 PUT/LIST requests", basis: "not estimated by default; COST §4.3 assumes 6 for the reference workload" },
  s3_get_millions: { value: 0, unit: "M/month", about: "S3 GET requests", basis: "not estimated by default; COST §4.3 assumes 80 for the reference workload" },
  amp_qsp_billions: { value: 1000, unit: "B/month", about: "AMP query samples processed", basis: "COST §4.1 (range 200-5,000)" },
  logs_insights_scanned_gb: { value: 10_000, unit: "GB/month", about: "CloudWatch Logs Insights data scanned", basis: "COST §4.1" },
  xray_trace_kb: { value: 10, unit: "KB", about: "average trace size (X-Ray bills per trace)", basis: "COST §4.1 (2 KB: 5x the cost; 50 KB: a fifth)" },
  xray_scanned_millions: { value: 10, unit: "M/month", about: "X-Ray traces retrieved or scanned", basis: "COST §4.1" },
  amg_editors: { value: 5, unit: "users", about: "Managed Grafana editors/admins", basis: "COST §4.1" },
  amg_viewers: { value: 20, unit: "users", about: "Managed Grafana viewers", basis: "COST §4.1" },
  grafana_cloud_users: { value: 25, unit: "users", about: "Grafana Cloud active users", basis: "COST §4.2" },
} as const;

export type AssumptionKey = keyof typeof ASSUMPTIONS;
export type Assumptions = Readonly<Record<AssumptionKey, number>>;

/** The defaults with the given overrides. */
export function withDefaults(overrides: Partial<Assumptions> = {}): Assumptions {
  const values = Object.fromEntries(Object.entries(ASSUMPTIONS).map(([key, assumption]) => [key, assumption.value])) as Record<AssumptionKey, number>;
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in ASSUMPTIONS)) throw new Error(`Unknown assumption "${key}"; known: ${Object.keys(ASSUMPTIONS).join(", ")}.`);
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new Error(`Assumption ${key} must be a number ≥ 0 (got ${String(value)}).`);
    if (key.endsWith("_compression") && value === 0) throw new Error(`Assumption ${key} must be above 0 (it divides stored volume).`);
    values[key as AssumptionKey] = value;
  }
  return values;
}

/** Parses `name=value,name=value`. */
export function parseAssumptions(text: string): Partial<Assumptions> {
  const parsed: Record<string, number> = {};
  for (const pair of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [name, value, extra] = pair.split("=");
    if (value === undefined || extra !== undefined || value.trim() === "") throw new Error(`Invalid assumption "${pair}": expected name=value.`);
    parsed[name.trim()] = Number(value);
  }
  withDefaults(parsed);
  return parsed;
}

/** One assumption as printed: name, value, unit, what it is, why. */
export function describeAssumption(key: AssumptionKey, value: number): string {
  const assumption = ASSUMPTIONS[key];
  const marker = value === assumption.value ? "" : " (given)";
  return `${key} = ${value} ${assumption.unit}${marker}: ${assumption.about}; ${value === assumption.value ? assumption.basis : `default ${assumption.value}`}`;
}

/** Records which assumptions an estimate reads, so only those are printed. */
export class AssumptionLog {
  private readonly used = new Set<AssumptionKey>();
  constructor(readonly values: Assumptions) {}

  get(key: AssumptionKey): number {
    this.used.add(key);
    return this.values[key];
  }

  describe(): string[] {
    return (Object.keys(ASSUMPTIONS) as AssumptionKey[]).filter((key) => this.used.has(key)).map((key) => describeAssumption(key, this.values[key]));
  }
}
