import { describe, expect, it } from "vitest";
import { ENV_PROFILES } from "../../envs/profiles";
import { CostEstimate, estimatePlan, PlanEstimate } from "../../tools/cost/estimate";
import { pricingOf } from "../../tools/cost/resource-types";
import { Instance, instancesOf, PlanJson } from "../../tools/cost/plan-json";

/**
 * The estimator on each env as the harness plans it (the plan `npm run cost -- <env>` prices),
 * registered by the env test file so both share one plan per env. The envs grow as modules land,
 * so these tests derive what to expect from the plan's own resources rather than fixing a total.
 */
export function describeEnvCosts(planOf: (env: string) => PlanJson): void {
  const plans = new Map<string, { plan: PlanJson; estimate: PlanEstimate; instances: Instance[] }>();
  const get = (env: string) => {
    if (!plans.has(env)) {
      const plan = planOf(env);
      plans.set(env, { plan, estimate: estimatePlan(plan), instances: instancesOf(plan.planned_values?.root_module) });
    }
    return plans.get(env)!;
  };

  const quantity = (estimate: CostEstimate, id: string) => estimate.lines.find((line) => line.id === id)?.quantity ?? 0;

  describe.each(ENV_PROFILES.map((profile) => [profile.name, profile.region]))("env %s priced by the cost estimator", (env, region) => {

    it(`is priced in its region (${region}), from nothing before to everything it creates`, () => {
      const { estimate } = get(env);
      expect(estimate.region).toBe(region);
      expect(estimate.before).toMatchObject({ totalUsd: 0, lines: [] });
      expect(estimate.after.totalUsd).toBeGreaterThan(0);
      expect(estimate.deltaUsd).toBe(estimate.after.totalUsd);
    });

    it("prices, counts as free, or lists every resource it plans", () => {
      const { estimate, instances } = get(env);
      const listed = new Set(estimate.after.notPriced.map((item) => item.address));
      for (const instance of instances) {
        const kind = pricingOf(instance.type);
        if (kind === "not priced") expect(listed, instance.address).toContain(instance.address);
      }
      const planned = new Set(instances.map((instance) => instance.address));
      for (const line of estimate.after.lines) for (const address of line.resources) expect(planned, line.id).toContain(address);
    });

    it("prices the NAT gateways, public IPs, endpoints and log groups it has", () => {
      const { estimate, instances } = get(env);
      const count = (type: string) => instances.filter((instance) => instance.type === type).length;
      const nats = count("aws_nat_gateway");
      expect(nats).toBeGreaterThan(0);
      expect(quantity(estimate.after, "nat.hours")).toBe(nats * 730);
      expect(quantity(estimate.after, "ipv4.public")).toBeGreaterThanOrEqual(count("aws_eip") * 730);
      const interfaces = instances.filter((instance) => instance.type === "aws_vpc_endpoint" && instance.values.vpc_endpoint_type === "Interface");
      const azs = interfaces.reduce((sum, endpoint) => sum + (endpoint.values.subnet_ids as unknown[]).length, 0);
      expect(quantity(estimate.after, "endpoint.interface.hours")).toBe(azs * 730);
      expect(quantity(estimate.after, "logs.ingest.standard")).toBe(count("aws_cloudwatch_log_group") * 3);
      const services = count("aws_ecs_service");
      expect(estimate.after.services.length + estimate.after.notPriced.filter((item) => item.type === "aws_ecs_service").length).toBe(services);
    });

    it("prints every assumption it used", () => {
      const { estimate } = get(env);
      expect(estimate.after.assumptions.some((text) => text.startsWith("nat_gb_per_month = 50 GB/month"))).toBe(true);
    });
  });

  it("costs prod more than dev: a NAT gateway per AZ and interface endpoints", () => {
    const dev = get("dev").estimate.after;
    const prod = get("prod").estimate.after;
    expect(quantity(prod, "nat.hours")).toBeGreaterThan(quantity(dev, "nat.hours"));
    expect(quantity(prod, "endpoint.interface.hours")).toBeGreaterThan(quantity(dev, "endpoint.interface.hours"));
    expect(prod.totalUsd).toBeGreaterThan(dev.totalUsd);
  });
}
