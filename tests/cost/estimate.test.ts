import { describe, expect, it } from "vitest";
import { REFERENCE_LOAD } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { CostEstimate, estimatePlan } from "../../tools/cost/estimate";
import { pricingOf } from "../../tools/cost/resource-types";
import { fargateApp, plan, resource } from "./plan-fixtures";

const line = (estimate: CostEstimate, id: string) => estimate.lines.find((found) => found.id === id);
const monthly = (estimate: CostEstimate, id: string) => line(estimate, id)?.monthlyUsd ?? 0;

/**
 * COST-AND-CAPACITY §4.3's self-hosted table: tasks, vCPU, GB and extra ephemeral GB per task of
 * every component the notes size for the reference workload, on ARM64 on demand.
 */
const NOTES_LAYOUT: [string, number, number, number, number][] = [
  ["mimir-distributor", 2, 2, 6, 0],
  ["mimir-ingester", 3, 4, 12, 30],
  ["mimir-querier", 1, 2, 6, 0],
  ["mimir-query-frontend", 1, 2, 4, 0],
  ["mimir-ruler", 1, 1, 3, 0],
  ["mimir-store-gateway", 3, 1, 3, 0],
  ["mimir-compactor", 1, 1, 3, 0],
  ["mimir-alertmanager", 2, 1, 2, 0],
  ["mimir-overrides-exporter", 1, 0.25, 0.5, 0],
  ["mimir-memcached-chunks", 2, 0.5, 4, 0],
  ["mimir-memcached-index", 2, 0.5, 2, 0],
  ["mimir-memcached-metadata", 1, 0.25, 1, 0],
  ["mimir-memcached-results", 1, 0.25, 1, 0],
  ["loki-distributor", 2, 1, 2, 0],
  ["loki-ingester", 3, 2, 4, 0],
  ["loki-index-gateway", 2, 0.5, 2, 0],
  ["loki-querier", 3, 1, 2, 0],
  ["loki-query-frontend", 2, 1, 2, 0],
  ["loki-query-scheduler", 2, 0.5, 1, 0],
  ["loki-compactor", 1, 2, 10, 0],
  ["loki-memcached-chunks", 1, 1, 8, 0],
  ["loki-memcached-results", 1, 0.5, 2, 0],
  ["tempo-distributor", 2, 2, 4, 0],
  ["tempo-ingester", 3, 2, 8, 0],
  ["tempo-querier", 2, 1, 4, 0],
  ["tempo-query-frontend", 2, 1, 4, 0],
  ["tempo-compactor", 1, 1, 4, 0],
  ["grafana", 2, 1, 2, 0],
  ["alloy-metrics", 2, 1, 8, 0],
  ["alloy-gateway", 2, 1, 2, 0],
];

const notesLayout = (arch: "ARM64" | "X86_64") =>
  NOTES_LAYOUT.flatMap(([name, tasks, vcpu, gb, extraDisk]) => fargateApp(name, { tasks, vcpu, gb, extraDisk, arch, registered: true }));

/** §4.3's "other costs of the self-hosted design": 3 NAT gateways and their EIPs, an internal ALB, Cloud Map, secrets, the stack's own logs. */
const NOTES_OTHER = [
  ...["a", "b", "c"].flatMap((az) => [resource("aws_nat_gateway", "nat", {}, az), resource("aws_eip", "nat", { domain: "vpc" }, az)]),
  resource("aws_lb", "internal", { load_balancer_type: "application", internal: true, subnets: ["s1", "s2", "s3"] }),
  resource("aws_service_discovery_private_dns_namespace", "lgtm", { name: "lgtm.local" }),
  ...[1, 2, 3, 4, 5].map((n) => resource("aws_secretsmanager_secret", "secret", {}, n)),
  ...Array.from({ length: 20 }, (_, n) => resource("aws_cloudwatch_log_group", "component", { retention_in_days: 30 }, n)),
];

describe("the notes' self-hosted reference layout (COST §4.3)", () => {
  const fargateTotal = (region: string, arch: "ARM64" | "X86_64") => {
    const after = estimatePlan(plan({ region, planned: notesLayout(arch) })).after;
    return after.lines.filter((found) => found.category === "compute").reduce((sum, found) => sum + found.monthlyUsd, 0);
  };

  it("prices its 54 Fargate tasks as the notes do, per region and architecture", () => {
    expect(fargateTotal("us-east-1", "ARM64")).toBeCloseTo(2214.62, 2);
    expect(fargateTotal("ap-northeast-2", "ARM64")).toBeCloseTo(2546.79, 2);
    expect(fargateTotal("us-east-1", "X86_64")).toBeCloseTo(2765.9, 2);
    expect(fargateTotal("ap-northeast-2", "X86_64")).toBeCloseTo(3180.87, 2);
  });

  it("itemizes Fargate by architecture with the ingesters' extra ephemeral storage", () => {
    const after = estimatePlan(plan({ region: "us-east-1", planned: notesLayout("ARM64") })).after;
    expect(line(after, "fargate.vcpu.arm64.on-demand")?.quantity).toBeCloseTo(69.25 * 730, 6);
    expect(line(after, "fargate.memory.arm64.on-demand")?.quantity).toBeCloseTo(219.5 * 730, 6);
    expect(line(after, "fargate.ephemeral")).toMatchObject({ quantity: 3 * 30 * 730, resources: ["aws_ecs_service.mimir-ingester"] });
    expect(after.services).toHaveLength(30);
    expect(after.services.reduce((sum, service) => sum + service.monthlyUsd, 0)).toBeCloseTo(after.totalUsd - monthly(after, "cloudmap.instances"), 6);
  });

  it("prices the networking, discovery, secrets and logs rows as the notes do", () => {
    const after = estimatePlan(plan({ region: "us-east-1", planned: [...notesLayout("ARM64"), ...NOTES_OTHER] }), { assumptions: { alb_lcu: 12 } }).after;
    // 3×730×0.045 + 50×0.045
    expect(monthly(after, "nat.hours") + monthly(after, "nat.data")).toBeCloseTo(100.8, 6);
    expect(monthly(after, "ipv4.public")).toBeCloseTo(10.95, 6);
    // 730×0.0225 + 12×730×0.008
    expect(monthly(after, "alb.hours") + monthly(after, "alb.lcu")).toBeCloseTo(86.505, 6);
    // 54 tasks × 0.10 + one private hosted zone
    expect(monthly(after, "cloudmap.instances") + monthly(after, "dns.zones")).toBeCloseTo(5.9, 6);
    expect(monthly(after, "secrets")).toBeCloseTo(2, 6);
    // 20 groups × 3 GB = the notes' 60 GB/month: 60×0.50 + 60×0.03
    expect(monthly(after, "logs.ingest.standard") + monthly(after, "logs.storage.standard")).toBeCloseTo(31.8, 6);
    expect(after.unverified).toEqual([
      "Cloud Map registered instances (tasks): the us-east-1 row was not seen; every region row seen in the Price List copy (eu-south-2, us-gov-west-1) and Seoul (A2) is $0.10",
    ]);
  });

  it("stores the reference load in S3 at the top of the notes' range", () => {
    const planned = [resource("aws_s3_bucket", "data", { bucket: "lgtm" })];
    // Mimir 345.6 GB + Loki 3,000 ÷ 5 + Tempo 1,500 uncompressed = 2,445.6 GB × 0.023 (notes: 32.10–56.25).
    expect(monthly(estimatePlan(plan({ region: "us-east-1", planned }), { load: REFERENCE_LOAD }).after, "s3.storage")).toBeCloseTo(56.25, 2);
    expect(monthly(estimatePlan(plan({ region: "ap-northeast-2", planned }), { load: REFERENCE_LOAD }).after, "s3.storage")).toBeCloseTo(61.14, 2);
    // The notes' lower end: 10x log compression, Tempo at half size.
    const low = estimatePlan(plan({ region: "us-east-1", planned }), { load: REFERENCE_LOAD, assumptions: { logs_compression: 10, traces_compression: 2 } });
    expect(monthly(low.after, "s3.storage")).toBeCloseTo(32.1, 2);
    // The notes' request assumption: 6 M PUT/LIST + 80 M GET.
    const requests = estimatePlan(plan({ region: "us-east-1", planned }), { assumptions: { s3_put_millions: 6, s3_get_millions: 80 } }).after;
    expect(monthly(requests, "s3.put") + monthly(requests, "s3.get")).toBeCloseTo(62, 6);
    expect(requests.notes).toContain("S3 storage is not estimated: give the load (--load ...) to price retention × ingest.");
  });
});

describe("estimatePlan", () => {
  it("prices the prior state and the planned state, and their difference", () => {
    const prior = [...fargateApp("api", { tasks: 2, vcpu: 1, gb: 2 }), resource("aws_nat_gateway", "nat")];
    const planned = [...fargateApp("api", { tasks: 4, vcpu: 1, gb: 2 }), resource("aws_nat_gateway", "nat")];
    const estimate = estimatePlan(plan({ region: "us-east-1", planned, prior }));
    const perTask = 730 * (0.03238 + 2 * 0.00356);
    expect(estimate.after.totalUsd - estimate.before.totalUsd).toBeCloseTo(2 * perTask, 6);
    expect(estimate.deltaUsd).toBeCloseTo(2 * perTask, 6);
    expect(estimate.before.services[0].tasks).toBe(2);
  });

  it("treats a plan without prior state as a first apply", () => {
    const estimate = estimatePlan(plan({ region: "us-east-1", planned: [resource("aws_nat_gateway", "nat")] }));
    expect(estimate.before).toMatchObject({ totalUsd: 0, lines: [] });
  });

  it("prices the same layout with every task on demand on one architecture, on request", () => {
    const planned = [...fargateApp("querier", { tasks: 4, vcpu: 1, gb: 2, spot: { base: 1, onDemandWeight: 1, spotWeight: 2 } }), resource("aws_nat_gateway", "nat")];
    const x86 = estimatePlan(plan({ region: "us-east-1", planned }), { fargateOnDemand: "x86_64" }).after;
    expect(x86.services[0]).toMatchObject({ tasks: 4, spotTasks: 0, architecture: "x86_64" });
    expect(monthly(x86, "fargate.vcpu.x86_64.on-demand")).toBeCloseTo(4 * 730 * 0.04048, 6);
    expect(monthly(x86, "fargate.memory.x86_64.on-demand")).toBeCloseTo(4 * 2 * 730 * 0.004445, 6);
    expect(monthly(x86, "nat.hours")).toBeCloseTo(730 * 0.045, 6);
    expect(x86.lines.map((line) => line.id)).not.toContain("fargate.vcpu.arm64.spot");
    expect(x86.notes).toContain("Fargate priced as x86_64 on demand for every task, not as planned.");
  });

  it("prices Spot tasks at the region's Spot rates, derived and flagged where none was found", () => {
    const planned = fargateApp("querier", { tasks: 4, vcpu: 1, gb: 2, spot: { base: 1, onDemandWeight: 1, spotWeight: 2 } });
    const east = estimatePlan(plan({ region: "us-east-1", planned })).after;
    // base 1 on demand, the other 3 split 1:2 → 2 on Spot.
    expect(east.services[0]).toMatchObject({ tasks: 4, spotTasks: 2 });
    expect(monthly(east, "fargate.vcpu.arm64.spot")).toBeCloseTo(2 * 730 * 0.01030969, 6);
    expect(east.unverified).toEqual([]);
    const seoul = estimatePlan(plan({ region: "ap-northeast-2", planned })).after;
    expect(line(seoul, "fargate.vcpu.arm64.spot")?.unitPrice.usd).toBeCloseTo(0.03725 * 0.3184, 8);
    expect(seoul.unverified.join("\n")).toMatch(/no ap-northeast-2 Fargate Spot price found/);
  });

  it("prices interface endpoints per subnet and gateway endpoints at nothing", () => {
    const planned = [
      resource("aws_vpc_endpoint", "interface", { vpc_endpoint_type: "Interface", subnet_ids: [null, null, null] }, "logs"),
      resource("aws_vpc_endpoint", "interface", { vpc_endpoint_type: "Interface", subnet_ids: [null, null] }, "ecr.api"),
      resource("aws_vpc_endpoint", "s3", { vpc_endpoint_type: "Gateway" }),
    ];
    const after = estimatePlan(plan({ region: "ap-northeast-2", planned })).after;
    expect(line(after, "endpoint.interface.hours")).toMatchObject({ quantity: 5 * 730 });
    expect(monthly(after, "endpoint.interface.hours")).toBeCloseTo(5 * 730 * 0.013, 6);
    expect(line(after, "endpoint.gateway")).toMatchObject({ quantity: 1, monthlyUsd: 0 });
  });

  it("gives internet-facing ALBs a public IPv4 address per subnet and prices only ALBs", () => {
    const planned = [
      resource("aws_lb", "public", { load_balancer_type: "application", internal: false, subnets: ["a", "b"] }),
      resource("aws_lb", "nlb", { load_balancer_type: "network", internal: true }),
    ];
    const after = estimatePlan(plan({ region: "us-east-1", planned })).after;
    expect(line(after, "ipv4.public")?.quantity).toBe(2 * 730);
    expect(line(after, "alb.hours")?.quantity).toBe(730);
    expect(after.notPriced).toEqual([{ address: "aws_lb.nlb", type: "aws_lb", reason: "a network load balancer; only ALBs are priced" }]);
  });

  it("keeps log groups without retention for the assumed months, and prices Infrequent Access ingest apart", () => {
    const planned = [
      resource("aws_cloudwatch_log_group", "forever", { retention_in_days: 0 }),
      resource("aws_cloudwatch_log_group", "cold", { retention_in_days: 60, log_group_class: "INFREQUENT_ACCESS" }),
    ];
    const after = estimatePlan(plan({ region: "us-east-1", planned })).after;
    expect(line(after, "logs.storage.standard")?.quantity).toBe(3 * 12);
    expect(line(after, "logs.ingest.infrequent")).toMatchObject({ quantity: 3, monthlyUsd: 0.75 });
    expect(line(after, "logs.storage.infrequent")?.quantity).toBe(6);
    expect(after.assumptions.map((text) => text.split(" ")[0])).toEqual(["log_group_gb_per_month", "never_expire_months"]);
  });

  it("lists every resource it cannot price, never dropping one silently", () => {
    const planned = [resource("aws_kms_key", "data"), resource("aws_vpc", "main"), resource("aws_ecs_service", "ec2", { launch_type: "EC2", desired_count: 1 })];
    const after = estimatePlan(plan({ region: "us-east-1", planned })).after;
    expect(after.notPriced).toEqual([
      { address: "aws_ecs_service.ec2", type: "aws_ecs_service", reason: "launch type EC2, not Fargate" },
      { address: "aws_kms_key.data", type: "aws_kms_key", reason: "no price for this resource type in the estimator" },
    ]);
    expect(after.totalUsd).toBe(0);
    expect([pricingOf("aws_vpc"), pricingOf("aws_nat_gateway"), pricingOf("aws_kms_key")]).toEqual(["no charge", "priced", "not priced"]);
  });

  it("reads the region from the provider, else from resources, and lets an option override it", () => {
    const planned = [resource("aws_nat_gateway", "nat", { region: "ap-northeast-2" })];
    expect(estimatePlan(plan({ region: "us-east-1", planned })).region).toBe("us-east-1");
    expect(estimatePlan(plan({ planned })).region).toBe("ap-northeast-2");
    expect(estimatePlan(plan({ planned }), { region: "us-east-1" }).after.lines[0].unitPrice.usd).toBe(0.045);
    expect(() => estimatePlan(plan({ planned: [resource("aws_vpc", "main")] }))).toThrow("The plan names no region");
    expect(() => estimatePlan(plan({ region: "eu-west-1", planned }))).toThrow('No price table for region "eu-west-1"; priced regions: us-east-1, ap-northeast-2.');
  });

  it("prints only the assumptions it used, marking overrides", () => {
    const after = estimatePlan(plan({ region: "us-east-1", planned: [resource("aws_nat_gateway", "nat")] }), { assumptions: { nat_gb_per_month: 500 } }).after;
    expect(after.assumptions).toEqual(["nat_gb_per_month = 500 GB/month (given): data through all NAT gateways together; default 50"]);
    expect(monthly(after, "nat.data")).toBeCloseTo(22.5, 6);
  });
});
