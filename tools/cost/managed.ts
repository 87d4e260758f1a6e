import { LgtmLoad, validateLoad } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { AssumptionLog, Assumptions, withDefaults } from "./assumptions";
import { AWS_MANAGED_PRICES, GRAFANA_CLOUD_PRO, Price, pricesFor, Tier } from "./prices";
import { DAYS_PER_MONTH, monthlyIngest, storedData } from "./stored-data";

/**
 * The same load on managed services, per month: (a) Amazon Managed Service for Prometheus +
 * CloudWatch Logs + X-Ray + Amazon Managed Grafana, and (a′) Grafana Cloud Pro. The arithmetic
 * follows COST-AND-CAPACITY §4.1 and §4.2; free allowances are applied where those sections apply
 * them (AMP storage and query samples, X-Ray, Grafana Cloud's included usage), not to AMP's 40 M
 * free samples (at most $3.60). Data transfer from the VPC to the service is not priced.
 */

export interface ManagedLine {
  readonly item: string;
  /** How the figure is reached, e.g. "170.8 B samples ÷ 10 M × $0.35". */
  readonly arithmetic: string;
  readonly monthlyUsd: number;
  /** The prices used. */
  readonly prices: readonly Price[];
}

export interface ManagedOption {
  readonly name: string;
  readonly lines: readonly ManagedLine[];
  readonly totalUsd: number;
  readonly notes: readonly string[];
}

export interface ManagedEstimate {
  readonly region: string;
  readonly options: readonly ManagedOption[];
  /** The S3 storage self-hosting the same load keeps, for plans that hold no bucket yet. */
  readonly selfHostedStorage: ManagedLine;
  readonly assumptions: readonly string[];
  /** Prices with no dated source for the region: `item: what was found`. */
  readonly unverified: readonly string[];
}

const usd = (value: number) => `$${value.toLocaleString("en-US", { maximumFractionDigits: 6 })}`;
const count = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** Cost of `units` through volume tiers priced per `per` units; the arithmetic for each tier used. */
function tiered(units: number, tiers: readonly Tier[], per: number): { usd: number; parts: string[]; prices: Price[] } {
  let from = 0;
  let total = 0;
  const parts: string[] = [];
  const used: Price[] = [];
  for (const tier of tiers) {
    const inTier = Math.max(0, Math.min(units, tier.upTo) - from);
    if (inTier > 0) {
      total += (inTier / per) * tier.rate.usd;
      parts.push(`${count(inTier / per)} × ${usd(tier.rate.usd)}`);
      used.push(tier.rate);
    }
    from = tier.upTo;
  }
  return { usd: total, parts, prices: used };
}

function option(name: string, lines: ManagedLine[], notes: string[]): ManagedOption {
  return { name, lines, totalUsd: lines.reduce((sum, line) => sum + line.monthlyUsd, 0), notes };
}

function awsManaged(load: LgtmLoad, region: string, log: AssumptionLog): ManagedOption {
  const aws = AWS_MANAGED_PRICES[region];
  if (!aws) throw new Error(`No managed-service prices for region "${region}".`);
  const logsPrices = pricesFor(region);
  const ingest = monthlyIngest(load, log);
  const lines: ManagedLine[] = [];

  const ampIngest = tiered(ingest.samples, aws.ampIngestPer10M, 1e7);
  lines.push({ item: "AMP ingestion", arithmetic: `${count(ingest.samples / 1e9)} B samples: ${ampIngest.parts.join(" + ")} per 10 M`, monthlyUsd: ampIngest.usd, prices: ampIngest.prices });

  const storedGiB = (ingest.samples * log.get("bytes_per_sample") * (log.get("metrics_retention_days") / DAYS_PER_MONTH)) / 2 ** 30;
  const billedGiB = Math.max(0, storedGiB - aws.ampFree.storageGb);
  lines.push({
    item: "AMP storage",
    arithmetic: `${count(storedGiB)} GiB (samples × bytes, GB = 2^30) − ${aws.ampFree.storageGb} free × ${usd(aws.ampStorageGbMonth.usd)}`,
    monthlyUsd: billedGiB * aws.ampStorageGbMonth.usd,
    prices: [aws.ampStorageGbMonth, aws.ampFree.source],
  });

  const qsp = Math.max(0, log.get("amp_qsp_billions") - aws.ampFree.qspBillions);
  lines.push({ item: "AMP query samples", arithmetic: `(${count(log.get("amp_qsp_billions"))} B − ${aws.ampFree.qspBillions} B free) × ${usd(aws.ampQspPerBillion.usd)} per B`, monthlyUsd: qsp * aws.ampQspPerBillion.usd, prices: [aws.ampQspPerBillion] });

  lines.push({ item: "CloudWatch Logs ingestion", arithmetic: `${count(ingest.logsGb)} GB × ${usd(logsPrices.logsIngestGb.usd)}`, monthlyUsd: ingest.logsGb * logsPrices.logsIngestGb.usd, prices: [logsPrices.logsIngestGb] });
  const logMonths = log.get("logs_retention_days") / DAYS_PER_MONTH;
  lines.push({
    item: "CloudWatch Logs storage (upper bound: billed compressed)",
    arithmetic: `${count(ingest.logsGb * logMonths)} GB-months × ${usd(logsPrices.logsStorageGbMonth.usd)}`,
    monthlyUsd: ingest.logsGb * logMonths * logsPrices.logsStorageGbMonth.usd,
    prices: [logsPrices.logsStorageGbMonth],
  });
  const scanned = log.get("logs_insights_scanned_gb");
  lines.push({ item: "Logs Insights queries", arithmetic: `${count(scanned)} GB scanned × ${usd(logsPrices.logsInsightsScannedGb.usd)}`, monthlyUsd: scanned * logsPrices.logsInsightsScannedGb.usd, prices: [logsPrices.logsInsightsScannedGb] });

  const traces = (ingest.tracesGb * 1e9) / (log.get("xray_trace_kb") * 1e3);
  const billedTraces = Math.max(0, traces - aws.xrayFree.recorded);
  lines.push({
    item: "X-Ray traces recorded",
    arithmetic: `${count(ingest.tracesGb)} GB ÷ ${log.get("xray_trace_kb")} KB = ${count(traces / 1e6)} M traces − 0.1 M free × ${usd(aws.xrayRecordedPerMillion.usd)} per M`,
    monthlyUsd: (billedTraces / 1e6) * aws.xrayRecordedPerMillion.usd,
    prices: [aws.xrayRecordedPerMillion],
  });
  const scannedTraces = Math.max(0, log.get("xray_scanned_millions") * 1e6 - aws.xrayFree.scanned);
  lines.push({
    item: "X-Ray traces retrieved or scanned",
    arithmetic: `(${count(log.get("xray_scanned_millions"))} M − 1 M free) × ${usd(aws.xrayScannedPerMillion.usd)} per M`,
    monthlyUsd: (scannedTraces / 1e6) * aws.xrayScannedPerMillion.usd,
    prices: [aws.xrayScannedPerMillion],
  });

  const editors = log.get("amg_editors");
  const viewers = log.get("amg_viewers");
  lines.push({
    item: "Managed Grafana users",
    arithmetic: `${editors} editors × ${usd(aws.amgEditorMonth.usd)} + ${viewers} viewers × ${usd(aws.amgViewerMonth.usd)}`,
    monthlyUsd: editors * aws.amgEditorMonth.usd + viewers * aws.amgViewerMonth.usd,
    prices: [aws.amgEditorMonth, aws.amgViewerMonth],
  });

  const notes = ["Data transfer from the VPC to the services (NAT or interface endpoints) is not priced."];
  if (load.profiles_per_second > 0) notes.push("AWS has no managed continuous-profiling service: profiles are not priced here.");
  notes.push("AMP keeps data 150 days unless the workspace retention is set; storage assumes it is set to metrics_retention_days.");
  return option("AWS managed: AMP + CloudWatch Logs + X-Ray + Managed Grafana", lines, notes);
}

/** Process + write (+ retain) of one Grafana Cloud logs-card signal. */
function grafanaCloudSignal(name: string, gb: number, retentionDays: number): ManagedLine[] {
  const card = GRAFANA_CLOUD_PRO;
  const process = tiered(gb, card.processPerGb, 1);
  const written = Math.max(0, gb - card.includedWriteGb);
  const write = tiered(written, card.writePerGb, 1);
  const extraPeriods = Math.max(0, retentionDays - 30) / 30;
  const lines: ManagedLine[] = [
    { item: `${name}: process`, arithmetic: `${count(gb)} GB: ${process.parts.join(" + ") || "0"}`, monthlyUsd: process.usd, prices: process.prices },
    { item: `${name}: write`, arithmetic: `${count(written)} GB after ${card.includedWriteGb} GB free: ${write.parts.join(" + ") || "0"}`, monthlyUsd: write.usd, prices: write.prices },
  ];
  if (extraPeriods > 0) {
    lines.push({
      item: `${name}: retain beyond 30 days`,
      arithmetic: `${count(gb)} GB × ${count(extraPeriods)} extra 30-day periods × ${usd(card.retainPerGbPer30Days.usd)}`,
      monthlyUsd: gb * extraPeriods * card.retainPerGbPer30Days.usd,
      prices: [card.retainPerGbPer30Days],
    });
  }
  return lines;
}

function grafanaCloud(load: LgtmLoad, log: AssumptionLog): ManagedOption {
  const card = GRAFANA_CLOUD_PRO;
  const ingest = monthlyIngest(load, log);
  const dpmPerSeries = 60 / load.scrape_interval_seconds;
  const billedSeries = load.active_series * Math.max(1, dpmPerSeries / card.includedDpmPerSeries);
  const lines: ManagedLine[] = [
    { item: "Platform fee", arithmetic: "Pro", monthlyUsd: card.platformMonth.usd, prices: [card.platformMonth] },
    {
      item: "Metrics",
      arithmetic: `${count(load.active_series)} series × max(1, ${count(dpmPerSeries)} DPM ÷ ${card.includedDpmPerSeries} included) = ${count(billedSeries)} billed − ${count(card.includedSeries)} included, ÷ 1,000 × ${usd(card.metricsPer1000Series.usd)}`,
      monthlyUsd: (Math.max(0, billedSeries - card.includedSeries) / 1000) * card.metricsPer1000Series.usd,
      prices: [card.metricsPer1000Series],
    },
    ...grafanaCloudSignal("Logs", ingest.logsGb, log.get("logs_retention_days")),
    ...grafanaCloudSignal("Traces", ingest.tracesGb, log.get("traces_retention_days")),
  ];
  const notes = [
    "Traces are priced on the logs card (process + write); Grafana's docs state the same model, volume tiers verified for logs only.",
    "Data transfer out of AWS to Grafana Cloud is not priced (AWS internet egress rate UNVERIFIED).",
  ];
  if (ingest.profilesGb !== undefined) {
    const billed = Math.max(0, ingest.profilesGb - card.includedProfilesGb);
    lines.push({ item: "Profiles", arithmetic: `${count(ingest.profilesGb)} GB − ${card.includedProfilesGb} GB included × ${usd(card.profilesPerGb.usd)}`, monthlyUsd: billed * card.profilesPerGb.usd, prices: [card.profilesPerGb] });
  } else if (load.profiles_per_second > 0) {
    notes.push("Profiles are not priced: no size per profile given (--assume profile_kb=...).");
  }
  const users = log.get("grafana_cloud_users");
  lines.push({ item: "Users", arithmetic: `${users} × ${usd(card.userMonth.usd)}`, monthlyUsd: users * card.userMonth.usd, prices: [card.userMonth] });
  return option("Grafana Cloud Pro", lines, notes);
}

function selfHostedStorage(load: LgtmLoad, region: string, log: AssumptionLog): ManagedLine {
  const stored = storedData(load, log);
  const gb = stored.metricsGb + stored.logsGb + stored.tracesGb + (stored.profilesGb ?? 0);
  const s3 = pricesFor(region).s3StandardGbMonth;
  const parts = [`metrics ${count(stored.metricsGb)}`, `logs ${count(stored.logsGb)}`, `traces ${count(stored.tracesGb)}`, ...(stored.profilesGb === undefined ? [] : [`profiles ${count(stored.profilesGb)}`])];
  return { item: "S3 storage self-hosting keeps", arithmetic: `(${parts.join(" + ")}) GB × ${usd(s3.usd)}`, monthlyUsd: gb * s3.usd, prices: [s3] };
}

/** A load priced on the managed alternatives, with the assumptions and unverified prices it used. */
export function estimateManaged(load: LgtmLoad, region: string, overrides: Partial<Assumptions> = {}): ManagedEstimate {
  validateLoad(load);
  const log = new AssumptionLog(withDefaults(overrides));
  const options = [awsManaged(load, region, log), grafanaCloud(load, log)];
  const storage = selfHostedStorage(load, region, log);
  const unverified = new Map<string, string>();
  for (const line of options.flatMap((managed) => managed.lines)) {
    for (const used of line.prices) if (used.unverified) unverified.set(line.item, `${line.item}: ${used.unverified}`);
  }
  return { region, options, selfHostedStorage: storage, assumptions: log.describe(), unverified: [...unverified.values()] };
}
