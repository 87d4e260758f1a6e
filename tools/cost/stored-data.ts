import { deriveLoad, LgtmLoad } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { AssumptionLog } from "./assumptions";

/** Volumes are per 30-day month (COST conventions): 2,592,000 s. */
export const SECONDS_PER_MONTH = 30 * 86_400;
export const DAYS_PER_MONTH = 30;

/** What a load writes per month, GB (10^9 bytes); profiles only when a profile size is assumed. */
export interface MonthlyIngest {
  readonly samples: number;
  readonly logsGb: number;
  readonly tracesGb: number;
  readonly profilesGb?: number;
}

export function monthlyIngest(load: LgtmLoad, log: AssumptionLog): MonthlyIngest {
  const profileKb = log.get("profile_kb");
  return {
    samples: deriveLoad(load).samplesPerSecond * SECONDS_PER_MONTH,
    logsGb: load.logs_gb_per_day * DAYS_PER_MONTH,
    tracesGb: load.traces_gb_per_day * DAYS_PER_MONTH,
    ...(profileKb > 0 ? { profilesGb: (load.profiles_per_second * profileKb * 1e3 * SECONDS_PER_MONTH) / 1e9 } : {}),
  };
}

/** What the self-hosted stack keeps in S3 at steady state: a retention's worth of each signal, as stored. */
export interface StoredData {
  readonly metricsGb: number;
  readonly logsGb: number;
  readonly tracesGb: number;
  readonly profilesGb?: number;
}

export function storedData(load: LgtmLoad, log: AssumptionLog): StoredData {
  const ingest = monthlyIngest(load, log);
  const months = (key: "metrics_retention_days" | "logs_retention_days" | "traces_retention_days" | "profiles_retention_days") => log.get(key) / DAYS_PER_MONTH;
  return {
    metricsGb: (ingest.samples * log.get("bytes_per_sample") * months("metrics_retention_days")) / 1e9,
    logsGb: (ingest.logsGb * months("logs_retention_days")) / log.get("logs_compression"),
    tracesGb: (ingest.tracesGb * months("traces_retention_days")) / log.get("traces_compression"),
    ...(ingest.profilesGb !== undefined ? { profilesGb: ingest.profilesGb * months("profiles_retention_days") } : {}),
  };
}
