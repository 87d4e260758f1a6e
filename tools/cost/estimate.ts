import { LgtmLoad } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { AssumptionLog, Assumptions, withDefaults } from "./assumptions";
import { FargateService, fargateServices } from "./fargate-services";
import { Instance, instancesOf, PlanJson, planRegion } from "./plan-json";
import { Architecture, Price, pricesFor, RegionPrices } from "./prices";
import { pricingOf } from "./resource-types";
import { storedData } from "./stored-data";

/**
 * A monthly estimate of what a Terraform plan runs, itemized, for both the state before the plan
 * (`prior_state`) and after it (`planned_values`), so a PR comment can show before → after.
 * A month is 730 hours (AWS's convention).
 */

export const HOURS_PER_MONTH = 730;

export type CostCategory = "compute" | "network" | "storage" | "logs" | "discovery" | "secrets";

/** One priced quantity: what, how much, at what price from which source. */
export interface CostLine {
  /** Stable id, for matching lines between two estimates (e.g. `fargate.vcpu.arm64.spot`). */
  readonly id: string;
  readonly category: CostCategory;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitPrice: Price;
  readonly monthlyUsd: number;
  /** Addresses of the resources the line prices. */
  readonly resources: readonly string[];
}

/** A resource the estimate counts as $0 because it has no price here, and why. */
export interface NotPriced {
  readonly address: string;
  readonly type: string;
  readonly reason: string;
}

/** A Fargate service with its monthly cost. */
export interface ServiceCost extends FargateService {
  readonly monthlyUsd: number;
}

export interface CostEstimate {
  readonly region: string;
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
  /** Every Fargate service, joined to its task definition. */
  readonly services: readonly ServiceCost[];
  readonly notPriced: readonly NotPriced[];
  /** The usage assumptions the lines read, as printed. */
  readonly assumptions: readonly string[];
  /** Prices used that no dated source confirms for the region: `item: what was found`. */
  readonly unverified: readonly string[];
  /** Other things the reader must know (derived Spot prices, joins that fell back). */
  readonly notes: readonly string[];
}

export interface PlanEstimate {
  readonly region: string;
  /** The prior state (empty for a first apply). */
  readonly before: CostEstimate;
  /** The planned state. */
  readonly after: CostEstimate;
  readonly deltaUsd: number;
}

export interface EstimateOptions {
  /** Overrides the region read from the plan. */
  readonly region?: string;
  /** The load, for S3 storage (retention × ingest). Without it S3 storage is not estimated. */
  readonly load?: LgtmLoad;
  readonly assumptions?: Partial<Assumptions>;
  /**
   * Prices every Fargate task on this architecture, all on demand, whatever the plan says: the same
   * layout's cost without ARM64 and Spot (`npm run bench` compares prod with it on x86_64).
   */
  readonly fargateOnDemand?: Architecture;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Builds the lines of one estimate, skipping zero quantities. */
class Lines {
  readonly lines: CostLine[] = [];

  add(id: string, category: CostCategory, item: string, quantity: number, unit: string, unitPrice: Price, resources: readonly string[]): void {
    if (quantity <= 0) return;
    this.lines.push({ id, category, item, quantity, unit, unitPrice, monthlyUsd: quantity * unitPrice.usd, resources });
  }
}

function priceFargate(services: readonly FargateService[], prices: RegionPrices, lines: Lines): ServiceCost[] {
  const costs: ServiceCost[] = [];
  for (const architecture of ["arm64", "x86_64"] as const) {
    for (const purchase of ["on-demand", "spot"] as const) {
      const rates = purchase === "spot" ? prices.fargateSpot[architecture] : prices.fargate[architecture];
      const tasks = (service: FargateService) => (purchase === "spot" ? service.spotTasks : service.tasks - service.spotTasks);
      const matching = services.filter((service) => service.architecture === architecture && tasks(service) > 0);
      const addresses = matching.map((service) => service.address);
      const label = `Fargate ${architecture === "arm64" ? "ARM64" : "x86_64"} ${purchase}`;
      const vcpuHours = matching.reduce((sum, service) => sum + tasks(service) * service.vcpu * HOURS_PER_MONTH, 0);
      const gbHours = matching.reduce((sum, service) => sum + tasks(service) * service.memoryGb * HOURS_PER_MONTH, 0);
      lines.add(`fargate.vcpu.${architecture}.${purchase}`, "compute", `${label} vCPU`, vcpuHours, "vCPU-hours", rates.vcpuHour, addresses);
      lines.add(`fargate.memory.${architecture}.${purchase}`, "compute", `${label} memory`, gbHours, "GB-hours", rates.gbHour, addresses);
    }
  }
  const extraStorage = (service: FargateService) => Math.max(0, service.ephemeralGiB - 20);
  const withStorage = services.filter((service) => extraStorage(service) > 0);
  lines.add(
    "fargate.ephemeral",
    "compute",
    "Fargate ephemeral storage beyond 20 GB",
    withStorage.reduce((sum, service) => sum + service.tasks * extraStorage(service) * HOURS_PER_MONTH, 0),
    "GB-hours",
    prices.ephemeralGbHour,
    withStorage.map((service) => service.address),
  );
  for (const service of services) {
    const cost = (purchase: "on-demand" | "spot") => {
      const rates = purchase === "spot" ? prices.fargateSpot[service.architecture] : prices.fargate[service.architecture];
      const tasks = purchase === "spot" ? service.spotTasks : service.tasks - service.spotTasks;
      return tasks * HOURS_PER_MONTH * (service.vcpu * rates.vcpuHour.usd + service.memoryGb * rates.gbHour.usd);
    };
    const storage = service.tasks * extraStorage(service) * HOURS_PER_MONTH * prices.ephemeralGbHour.usd;
    costs.push({ ...service, monthlyUsd: cost("on-demand") + cost("spot") + storage });
  }
  return costs;
}

/** How many AZs (subnets) an interface endpoint sits in; unknown subnet lists fall back to the plan's AZ count. */
function endpointAzs(endpoint: Instance, instances: readonly Instance[], notes: Set<string>): number {
  const subnets = endpoint.values.subnet_ids;
  if (Array.isArray(subnets)) return subnets.length;
  const azs = new Set(instances.filter((instance) => instance.type === "aws_subnet").map((subnet) => subnet.values.availability_zone));
  notes.add(`Interface endpoints with unknown subnets are priced in ${Math.max(1, azs.size)} AZ(s), the AZs of the plan's subnets.`);
  return Math.max(1, azs.size);
}

/** The itemized monthly cost of one state's resources. */
export function estimateInstances(plan: PlanJson, instances: readonly Instance[], region: string, options: EstimateOptions = {}): CostEstimate {
  const prices = pricesFor(region);
  const log = new AssumptionLog(withDefaults(options.assumptions));
  const lines = new Lines();
  const notes = new Set<string>();
  const of = (type: string | readonly string[]) => instances.filter((instance) => (typeof type === "string" ? [type] : type).includes(instance.type));
  const addresses = (found: readonly Instance[]) => found.map((instance) => instance.address);
  const notPriced: NotPriced[] = [];

  const joined = fargateServices(plan, instances);
  joined.notes.forEach((note) => notes.add(note));
  for (const failure of joined.notPriced) notPriced.push({ address: failure.address, type: "aws_ecs_service", reason: failure.reason });
  const onDemand = options.fargateOnDemand;
  if (onDemand) notes.add(`Fargate priced as ${onDemand} on demand for every task, not as planned.`);
  const services = priceFargate(
    onDemand ? joined.services.map((service) => ({ ...service, architecture: onDemand, spotTasks: 0 })) : joined.services,
    prices,
    lines,
  );

  const nats = of("aws_nat_gateway");
  lines.add("nat.hours", "network", "NAT gateway hours", nats.length * HOURS_PER_MONTH, "hours", prices.natGatewayHour, addresses(nats));
  if (nats.length > 0) lines.add("nat.data", "network", "NAT gateway data processed", log.get("nat_gb_per_month"), "GB", prices.natGatewayGb, addresses(nats));

  const albs = of(["aws_lb", "aws_alb"]).filter((lb) => (lb.values.load_balancer_type ?? "application") === "application");
  for (const other of of(["aws_lb", "aws_alb"]).filter((lb) => !albs.includes(lb))) {
    notPriced.push({ address: other.address, type: other.type, reason: `a ${String(other.values.load_balancer_type)} load balancer; only ALBs are priced` });
  }
  lines.add("alb.hours", "network", "Application Load Balancer hours", albs.length * HOURS_PER_MONTH, "hours", prices.albHour, addresses(albs));
  if (albs.length > 0) lines.add("alb.lcu", "network", "ALB capacity units", albs.length * log.get("alb_lcu") * HOURS_PER_MONTH, "LCU-hours", prices.albLcuHour, addresses(albs));

  const publicAlbs = albs.filter((lb) => lb.values.internal !== true);
  const albIps = publicAlbs.reduce((sum, lb) => sum + Math.max(list(lb.values.subnets).length, list(lb.values.subnet_mapping).length, 1), 0);
  const eips = of("aws_eip");
  const publicTasks = services.filter((service) => service.publicIp);
  const ipCount = eips.length + albIps + publicTasks.reduce((sum, service) => sum + service.tasks, 0);
  const ipOwners = [...addresses(eips), ...addresses(publicAlbs), ...publicTasks.map((service) => service.address)];
  lines.add("ipv4.public", "network", "Public IPv4 addresses (EIPs, internet-facing ALB nodes, tasks)", ipCount * HOURS_PER_MONTH, "IP-hours", prices.publicIpv4Hour, ipOwners);

  const endpoints = of("aws_vpc_endpoint");
  const interfaces = endpoints.filter((endpoint) => endpoint.values.vpc_endpoint_type === "Interface");
  const gateways = endpoints.filter((endpoint) => endpoint.values.vpc_endpoint_type === "Gateway");
  for (const other of endpoints.filter((endpoint) => !interfaces.includes(endpoint) && !gateways.includes(endpoint))) {
    notPriced.push({ address: other.address, type: other.type, reason: `a ${String(other.values.vpc_endpoint_type)} endpoint; only Interface and Gateway are priced` });
  }
  const azHours = interfaces.reduce((sum, endpoint) => sum + endpointAzs(endpoint, instances, notes) * HOURS_PER_MONTH, 0);
  lines.add("endpoint.interface.hours", "network", "Interface endpoint AZ-hours", azHours, "AZ-hours", prices.interfaceEndpointAzHour, addresses(interfaces));
  if (interfaces.length > 0) lines.add("endpoint.interface.data", "network", "Interface endpoint data processed", log.get("endpoint_gb_per_month"), "GB", prices.interfaceEndpointGb, addresses(interfaces));
  lines.add("endpoint.gateway", "network", "Gateway endpoints", gateways.length, "endpoints", prices.gatewayEndpoint, addresses(gateways));

  const efs = of("aws_efs_file_system");
  if (efs.length > 0) lines.add("efs.storage", "storage", "EFS Standard storage", efs.length * log.get("efs_gb"), "GB-months", prices.efsStandardGbMonth, addresses(efs));

  const secrets = of("aws_secretsmanager_secret");
  lines.add("secrets", "secrets", "Secrets Manager secrets", secrets.length, "secret-months", prices.secretMonth, addresses(secrets));
  if (secrets.length > 0) notes.add("Secrets Manager API calls ($0.05 per 10,000) are not priced: ECS reads a secret once per task start.");

  const zones = of(["aws_service_discovery_private_dns_namespace", "aws_service_discovery_public_dns_namespace", "aws_route53_zone"]);
  lines.add("dns.zones", "discovery", "Hosted zones (incl. Cloud Map DNS namespaces)", zones.length, "zone-months", prices.hostedZoneMonth, addresses(zones));
  const registering = services.filter((service) => service.registersInCloudMap);
  const instancesInMap = of("aws_service_discovery_instance");
  lines.add(
    "cloudmap.instances",
    "discovery",
    "Cloud Map registered instances (tasks)",
    registering.reduce((sum, service) => sum + service.tasks, 0) + instancesInMap.length,
    "resource-months",
    prices.cloudMapResourceMonth,
    [...registering.map((service) => service.address), ...addresses(instancesInMap)],
  );

  const groups = of("aws_cloudwatch_log_group");
  for (const infrequent of [false, true]) {
    const matching = groups.filter((group) => (group.values.log_group_class === "INFREQUENT_ACCESS") === infrequent);
    if (matching.length === 0) continue;
    const ingest = matching.length * log.get("log_group_gb_per_month");
    const stored = matching.reduce((sum, group) => {
      const days = Number(group.values.retention_in_days ?? 0);
      return sum + log.get("log_group_gb_per_month") * (days > 0 ? days / 30 : log.get("never_expire_months"));
    }, 0);
    const kind = infrequent ? "Infrequent Access" : "Standard";
    lines.add(`logs.ingest.${infrequent ? "infrequent" : "standard"}`, "logs", `CloudWatch Logs ingestion (${kind})`, ingest, "GB", infrequent ? prices.logsIngestInfrequentGb : prices.logsIngestGb, addresses(matching));
    lines.add(`logs.storage.${infrequent ? "infrequent" : "standard"}`, "logs", `CloudWatch Logs storage (${kind})`, stored, "GB-months", prices.logsStorageGbMonth, addresses(matching));
  }

  const buckets = of("aws_s3_bucket");
  if (buckets.length > 0 && options.load) {
    const stored = storedData(options.load, log);
    const total = stored.metricsGb + stored.logsGb + stored.tracesGb + (stored.profilesGb ?? 0);
    lines.add("s3.storage", "storage", "S3 Standard storage (metrics, logs, traces)", total, "GB-months", prices.s3StandardGbMonth, addresses(buckets));
    if (stored.profilesGb === undefined) notes.add("Profiles in S3 are not priced: no size per profile given (--assume profile_kb=...).");
  } else if (buckets.length > 0) {
    notes.add("S3 storage is not estimated: give the load (--load ...) to price retention × ingest.");
  }
  if (buckets.length > 0) {
    lines.add("s3.put", "storage", "S3 PUT/LIST requests", log.get("s3_put_millions") * 1000, "1,000 requests", prices.s3PutPer1000, addresses(buckets));
    lines.add("s3.get", "storage", "S3 GET requests", log.get("s3_get_millions") * 1000, "1,000 requests", prices.s3GetPer1000, addresses(buckets));
  }

  for (const instance of instances) {
    if (pricingOf(instance.type) === "not priced") {
      notPriced.push({ address: instance.address, type: instance.type, reason: "no price for this resource type in the estimator" });
    }
  }

  const unverified = [...new Map(lines.lines.filter((line) => line.unitPrice.unverified).map((line) => [line.item, `${line.item}: ${line.unitPrice.unverified}`])).values()];
  return {
    region,
    lines: lines.lines,
    totalUsd: lines.lines.reduce((sum, line) => sum + line.monthlyUsd, 0),
    services,
    notPriced,
    assumptions: log.describe(),
    unverified,
    notes: [...notes],
  };
}

/** Before (prior state) and after (planned values) estimates of a `terraform show -json` plan. */
export function estimatePlan(plan: PlanJson, options: EstimateOptions = {}): PlanEstimate {
  const region = options.region ?? planRegion(plan);
  if (!region) throw new Error("The plan names no region (no literal provider region, no resource region); pass one (--region).");
  const before = estimateInstances(plan, instancesOf(plan.prior_state?.values?.root_module), region, options);
  const after = estimateInstances(plan, instancesOf(plan.planned_values?.root_module), region, options);
  return { region, before, after, deltaUsd: after.totalUsd - before.totalUsd };
}
