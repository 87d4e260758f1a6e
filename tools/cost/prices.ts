/**
 * List prices the estimator uses, USD before tax and credits, each with the source that states it
 * and that source's date. Keys A*, F* and G* are the source register of
 * ../shared/design/COST-AND-CAPACITY.md §0; S* are sources found since, while checking the items
 * that register marks UNVERIFIED. A price no dated source confirms for its region carries
 * `unverified`, saying what was found instead; the estimator prints it with the result.
 */

export const SOURCES = {
  A1: "GitHub lamngockhuong/aws-price @508fb452, lib/data/pricing/<service>.json: copies of AWS's pricing-calculator metered unit maps (date = the file's hawkFilePublicationDate)",
  A2: "GitHub file, search-index id 70957729921: ap-northeast-2 costs from the AWS Price List (PRICE_CHECKED 2026-10-05)",
  A6: "GitHub file, search-index id 70486781923: Seoul network price table quoting the AmazonVPC and AmazonRoute53 price lists (2026-10-01)",
  A17: "GitHub file, search-index id 69090583304: AMP and AMG prices checked against the AWS Price List (2026-09-21)",
  A18: "https://aws.amazon.com/prometheus/pricing/ (copy): free tier 40 M samples, 200 B query samples, 10 GB; GB = 2^30 bytes",
  A19: "https://aws.amazon.com/xray/pricing/ (copies) and awsnegotiations.com: X-Ray $5.00 per million traces recorded, $0.50 per million retrieved or scanned",
  A21: "GitHub api-evangelist/grafana-com plans/grafana-com-plans-pricing.yml (2026-05-25): Grafana Cloud Pro",
  A22: "GitHub api-evangelist/grafana-loki plans/grafana-loki-plans-pricing.yml (2026-08-27): Grafana Cloud Logs process/write/retain card",
  A23: "grafana.com/docs/grafana-cloud/cost-management-and-billing/understand-your-invoice/ (logs, metrics, profiles invoices)",
  S1: "GitHub file, search-index id 70068379380, 'AWS Fargate — pricing regimes (as of 2026-09-28)': AmazonECS/AmazonEC2/AmazonVPC Price List publication 2026-09-11 and the Fargate Spot feed behind aws.amazon.com/fargate/pricing (dftu77xade0tc.cloudfront.net/fargate-spot-prices.json) on 2026-09-28",
  S2: "GitHub file, search-index id 57441594759, 'Cost floor of the public stack on four hosts': us-east-1 list prices fetched 2026-08-22 from aws.amazon.com/elasticloadbalancing/pricing and /s3/pricing",
  S3: "GitHub api-evangelist/amazon-secrets-manager plans/amazon-secrets-manager-plans-pricing.yml (2026-09-20), quoted verbatim from aws.amazon.com/secrets-manager/pricing",
  S4: "AWS Prescriptive Guidance, Startup Security Baseline WKLD.12: gateway endpoints 'come at no additional charge'",
  S5: "AWS Price List offer AWSCloudMap as copied in huggingface.co/datasets/labofsahil/aws-pricing-dataset @465e0e8d AWSCloudMap.csv (EffectiveDate 2025-08-01)",
} as const;

export type SourceKey = keyof typeof SOURCES;

/** One price and where it comes from. */
export interface Price {
  readonly usd: number;
  readonly source: SourceKey;
  /** The date the source states for this figure. */
  readonly date: string;
  /** Present when no dated source confirms this figure for this region: what was found instead. */
  readonly unverified?: string;
}

function price(usd: number, source: SourceKey, date: string, unverified?: string): Price {
  return unverified ? { usd, source, date, unverified } : { usd, source, date };
}

export interface FargateRates {
  readonly vcpuHour: Price;
  readonly gbHour: Price;
}

export type Architecture = "x86_64" | "arm64";

export interface RegionPrices {
  readonly fargate: Readonly<Record<Architecture, FargateRates>>;
  readonly fargateSpot: Readonly<Record<Architecture, FargateRates>>;
  /** Ephemeral storage beyond the included 20 GB, per GB-hour. */
  readonly ephemeralGbHour: Price;
  readonly natGatewayHour: Price;
  readonly natGatewayGb: Price;
  /** Public IPv4 address, in use or idle, per hour. */
  readonly publicIpv4Hour: Price;
  readonly albHour: Price;
  readonly albLcuHour: Price;
  /** Interface VPC endpoint, per endpoint per AZ per hour. */
  readonly interfaceEndpointAzHour: Price;
  /** Interface endpoint data processed, first PB tier. */
  readonly interfaceEndpointGb: Price;
  /** Gateway endpoints (S3, DynamoDB). */
  readonly gatewayEndpoint: Price;
  /** S3 Standard, first 50 TB, per GB-month. */
  readonly s3StandardGbMonth: Price;
  readonly s3PutPer1000: Price;
  readonly s3GetPer1000: Price;
  /** EFS Standard (General Purpose) storage, per GB-month. */
  readonly efsStandardGbMonth: Price;
  /** CloudWatch Logs ingestion, Standard class, per GB. */
  readonly logsIngestGb: Price;
  /** CloudWatch Logs ingestion, Infrequent Access class, per GB. */
  readonly logsIngestInfrequentGb: Price;
  readonly logsStorageGbMonth: Price;
  readonly logsInsightsScannedGb: Price;
  readonly secretMonth: Price;
  readonly secretApiPer10k: Price;
  /** Cloud Map registered resource (a service instance, e.g. an ECS task), per month. */
  readonly cloudMapResourceMonth: Price;
  /** Route 53 hosted zone, first 25, per month (also the private zone behind a Cloud Map DNS namespace). */
  readonly hostedZoneMonth: Price;
}

/**
 * Fargate Spot price ÷ on-demand price. In the 2026-09-28 us-east-1 feed (S1) every Spot rate is
 * 0.3184 of its on-demand rate (x86 vCPU 0.01288871 / 0.04048, memory 0.00141527 / 0.004445; ARM
 * 0.01030969 / 0.03238, 0.00113349 / 0.00356), a 68.2% discount. AWS says "up to a 70% discount"
 * and moves the price over time. Used where no Spot price was found (ap-northeast-2).
 */
export const SPOT_TO_ON_DEMAND = 0.3184;

const NO_SEOUL_SPOT =
  "no ap-northeast-2 Fargate Spot price found (searched the Spot feed copies and Price List copies); on-demand × 0.3184, the us-east-1 Spot ratio of 2026-09-28 (S1)";

function spotFrom(onDemand: FargateRates): FargateRates {
  const derive = (rate: Price) => price(Math.round(rate.usd * SPOT_TO_ON_DEMAND * 1e8) / 1e8, "S1", "2026-09-28", NO_SEOUL_SPOT);
  return { vcpuHour: derive(onDemand.vcpuHour), gbHour: derive(onDemand.gbHour) };
}

const SEOUL_FARGATE: Record<Architecture, FargateRates> = {
  x86_64: { vcpuHour: price(0.04656, "A2", "2026-10-05"), gbHour: price(0.00511, "A2", "2026-10-05") },
  arm64: { vcpuHour: price(0.03725, "A2", "2026-10-05"), gbHour: price(0.00409, "A2", "2026-10-05") },
};

const GATEWAY_ENDPOINT_FREE = price(0, "S4", "undated");

export const REGION_PRICES: Readonly<Record<string, RegionPrices>> = {
  "us-east-1": {
    fargate: {
      x86_64: { vcpuHour: price(0.04048, "S1", "2026-09-11"), gbHour: price(0.004445, "S1", "2026-09-11") },
      arm64: { vcpuHour: price(0.03238, "S1", "2026-09-11"), gbHour: price(0.00356, "S1", "2026-09-11") },
    },
    fargateSpot: {
      x86_64: { vcpuHour: price(0.01288871, "S1", "2026-09-28"), gbHour: price(0.00141527, "S1", "2026-09-28") },
      arm64: { vcpuHour: price(0.01030969, "S1", "2026-09-28"), gbHour: price(0.00113349, "S1", "2026-09-28") },
    },
    ephemeralGbHour: price(0.000111, "S1", "2026-09-11"),
    natGatewayHour: price(0.045, "S1", "2026-09-11"),
    natGatewayGb: price(0.045, "S1", "2026-09-11"),
    publicIpv4Hour: price(0.005, "S1", "2026-09-11"),
    albHour: price(0.0225, "S2", "2026-08-22"),
    albLcuHour: price(0.008, "S2", "2026-08-22"),
    interfaceEndpointAzHour: price(0.01, "A1", "2025-11-04"),
    interfaceEndpointGb: price(0.01, "A1", "2025-11-04"),
    gatewayEndpoint: GATEWAY_ENDPOINT_FREE,
    s3StandardGbMonth: price(0.023, "S2", "2026-08-22"),
    s3PutPer1000: price(0.005, "S2", "2026-08-22"),
    s3GetPer1000: price(0.0004, "S2", "2026-08-22"),
    efsStandardGbMonth: price(0.3, "A1", "2025-09-25"),
    logsIngestGb: price(0.5, "A1", "2025-09-23"),
    logsIngestInfrequentGb: price(0.25, "A1", "2025-09-23"),
    logsStorageGbMonth: price(0.03, "A1", "2025-09-23"),
    logsInsightsScannedGb: price(0.005, "A1", "2025-09-23"),
    secretMonth: price(0.4, "S3", "2026-09-20"),
    secretApiPer10k: price(0.05, "S3", "2026-09-20"),
    cloudMapResourceMonth: price(
      0.1,
      "S5",
      "2025-08-01",
      "the us-east-1 row was not seen; every region row seen in the Price List copy (eu-south-2, us-gov-west-1) and Seoul (A2) is $0.10",
    ),
    hostedZoneMonth: price(0.5, "A6", "2026-10-01"),
  },
  "ap-northeast-2": {
    fargate: SEOUL_FARGATE,
    fargateSpot: { x86_64: spotFrom(SEOUL_FARGATE.x86_64), arm64: spotFrom(SEOUL_FARGATE.arm64) },
    ephemeralGbHour: price(0.000127, "A1", "2025-10-27"),
    natGatewayHour: price(0.059, "A2", "2026-10-05"),
    natGatewayGb: price(0.059, "A2", "2026-10-05"),
    publicIpv4Hour: price(0.005, "A2", "2026-10-05"),
    // A4 (2026-08) says $0.025; the Price List (A2) and billed usage (COST §0 A5: 11.57 USD / 514 h) say $0.0225.
    albHour: price(0.0225, "A2", "2026-10-05"),
    albLcuHour: price(0.008, "A2", "2026-10-05"),
    interfaceEndpointAzHour: price(0.013, "A6", "2026-10-01"),
    interfaceEndpointGb: price(0.01, "A6", "2026-10-01"),
    gatewayEndpoint: GATEWAY_ENDPOINT_FREE,
    s3StandardGbMonth: price(0.025, "A2", "2026-10-05"),
    s3PutPer1000: price(0.0045, "A2", "2026-10-05"),
    s3GetPer1000: price(0.00035, "A1", "2025-10-22"),
    efsStandardGbMonth: price(0.33, "A1", "2025-09-25"),
    logsIngestGb: price(0.76, "A2", "2026-10-05"),
    logsIngestInfrequentGb: price(0.38, "A1", "2025-09-23"),
    logsStorageGbMonth: price(0.0314, "A2", "2026-10-05"),
    logsInsightsScannedGb: price(0.0076, "A1", "2025-09-23"),
    secretMonth: price(0.4, "A2", "2026-10-05"),
    secretApiPer10k: price(0.05, "S3", "2026-09-20", "the pricing page states one API rate without a region; no Seoul Price List row seen"),
    cloudMapResourceMonth: price(0.1, "A2", "2026-10-05"),
    hostedZoneMonth: price(0.5, "A6", "2026-10-01"),
  },
};

export const PRICED_REGIONS = Object.keys(REGION_PRICES);

export function pricesFor(region: string): RegionPrices {
  const prices = REGION_PRICES[region];
  if (!prices) throw new Error(`No price table for region "${region}"; priced regions: ${PRICED_REGIONS.join(", ")}.`);
  return prices;
}

// -------------------------------------------------------------------------------------------------
// Managed alternatives

const AMP_NOT_SEOUL = "AMP runs in ap-northeast-2 (billed APN2-AMP rows seen) but no Seoul price was found; us-east-1 rate used";
const XRAY_NOT_SEOUL = "no authoritative ap-northeast-2 X-Ray price found (only a test fixture at the same rate); us-east-1 rate used";
const AMG_NOT_SEOUL = "no ap-northeast-2 Managed Grafana price found; us-east-1 rate used";

/** A volume tier: the rate applies to the units above the previous tier's `upTo`, up to this one. */
export interface Tier {
  readonly upTo: number;
  readonly rate: Price;
}

export interface AwsManagedPrices {
  /** AMP ingestion per 10 M samples, by monthly volume (samples). */
  readonly ampIngestPer10M: readonly Tier[];
  readonly ampStorageGbMonth: Price;
  readonly ampQspPerBillion: Price;
  /** AMP free tier: samples, GB stored, billion query samples processed per month. */
  readonly ampFree: { readonly samples: number; readonly storageGb: number; readonly qspBillions: number; readonly source: Price };
  readonly xrayRecordedPerMillion: Price;
  readonly xrayScannedPerMillion: Price;
  /** X-Ray free traces per month: recorded, and retrieved or scanned. */
  readonly xrayFree: { readonly recorded: number; readonly scanned: number };
  readonly amgEditorMonth: Price;
  readonly amgViewerMonth: Price;
}

function awsManaged(unverified?: { amp: string; xray: string; amg: string }): AwsManagedPrices {
  const amp = (usd: number) => price(usd, "A17", "2026-09-21", unverified?.amp);
  return {
    ampIngestPer10M: [
      { upTo: 2e9, rate: amp(0.9) },
      { upTo: 252e9, rate: amp(0.35) },
      { upTo: Infinity, rate: amp(0.16) },
    ],
    ampStorageGbMonth: amp(0.03),
    ampQspPerBillion: amp(0.1),
    ampFree: { samples: 40e6, storageGb: 10, qspBillions: 200, source: price(0, "A18", "undated") },
    xrayRecordedPerMillion: price(5, "A19", "undated", unverified?.xray),
    xrayScannedPerMillion: price(0.5, "A19", "undated", unverified?.xray),
    xrayFree: { recorded: 100_000, scanned: 1_000_000 },
    amgEditorMonth: price(9, "A17", "2026-09-21", unverified?.amg),
    amgViewerMonth: price(5, "A17", "2026-09-21", unverified?.amg),
  };
}

export const AWS_MANAGED_PRICES: Readonly<Record<string, AwsManagedPrices>> = {
  "us-east-1": awsManaged(),
  "ap-northeast-2": awsManaged({ amp: AMP_NOT_SEOUL, xray: XRAY_NOT_SEOUL, amg: AMG_NOT_SEOUL }),
};

/**
 * Grafana Cloud Pro, global USD list prices. Metrics $6.50 per 1,000 series (A21; an older undated
 * page says $8, not used). Logs use the tiered process/write card (A22, A23) rather than A21's
 * flat "$0.50/GB"; traces use the same card, which A23 states but whose volume tiers were verified
 * for logs only.
 */
export const GRAFANA_CLOUD_PRO = {
  platformMonth: price(19, "A21", "2026-05-25"),
  metricsPer1000Series: price(6.5, "A21", "2026-05-25"),
  /** Series included, and data points per minute included per series ("Pro includes 1 DPM per active series", A23). */
  includedSeries: 10_000,
  includedDpmPerSeries: 1,
  /** Process, per GB, by monthly volume in GB. */
  processPerGb: [
    { upTo: 10_000, rate: price(0.05, "A22", "2026-08-27") },
    { upTo: 25_000, rate: price(0.046, "A22", "2026-08-27") },
    { upTo: Infinity, rate: price(0.044, "A22", "2026-08-27") },
  ] as readonly Tier[],
  /** Write, per GB after the included 50 GB, by monthly volume in GB. */
  writePerGb: [
    { upTo: 1_000, rate: price(0.4, "A22", "2026-08-27") },
    { upTo: 2_500, rate: price(0.37, "A22", "2026-08-27") },
    { upTo: Infinity, rate: price(0.355, "A22", "2026-08-27") },
  ] as readonly Tier[],
  /** GB of logs, and of traces, written free per month. */
  includedWriteGb: 50,
  /** Retention beyond the included 30 days, per GB per extra 30 days. */
  retainPerGbPer30Days: price(0.1, "A22", "2026-08-27"),
  profilesPerGb: price(0.5, "A23", "undated"),
  includedProfilesGb: 50,
  userMonth: price(8, "A21", "2026-05-25", "whether Pro includes 3 users is not stated; every user is charged"),
} as const;
