import { describe, expect, it } from "vitest";
import { fargateServices, splitByCapacityProvider } from "../../tools/cost/fargate-services";
import { instancesOf, PlanJson } from "../../tools/cost/plan-json";
import { plan, resource } from "./plan-fixtures";

const definition = (name: string, index?: string | number, module?: string, values: Record<string, unknown> = {}) =>
  resource("aws_ecs_task_definition", name, { family: `${name}-${String(index ?? "")}`, cpu: "512", memory: "1024", ...values }, index, module);
const service = (name: string, index?: string | number, module?: string, values: Record<string, unknown> = {}) =>
  resource("aws_ecs_service", name, { desired_count: 1, launch_type: "FARGATE", ...values }, index, module);
const referencing = (name: string, references: string[]) => ({ address: `aws_ecs_service.${name}`, type: "aws_ecs_service", name, expressions: { task_definition: { references } } });
const joined = (planJson: PlanJson) => {
  const result = fargateServices(planJson, instancesOf(planJson.planned_values?.root_module));
  return { pairs: Object.fromEntries(result.services.map((found) => [found.address, found.taskDefinition])), notPriced: result.notPriced, services: result.services };
};

describe("splitByCapacityProvider", () => {
  it("puts base tasks first, then splits the rest by weight", () => {
    expect(splitByCapacityProvider(5, [{ capacity_provider: "FARGATE", base: 2, weight: 1 }, { capacity_provider: "FARGATE_SPOT", weight: 2 }])).toEqual({ FARGATE: 3, FARGATE_SPOT: 2 });
    expect(splitByCapacityProvider(3, [{ capacity_provider: "FARGATE_SPOT", weight: 1 }])).toEqual({ FARGATE_SPOT: 3 });
    expect(splitByCapacityProvider(1, [{ capacity_provider: "FARGATE", base: 2, weight: 0 }, { capacity_provider: "FARGATE_SPOT", weight: 1 }])).toEqual({ FARGATE: 1, FARGATE_SPOT: 0 });
  });

  it("gives expected, fractional shares where ECS's placement alternates", () => {
    expect(splitByCapacityProvider(3, [{ capacity_provider: "FARGATE", weight: 1 }, { capacity_provider: "FARGATE_SPOT", weight: 1 }])).toEqual({ FARGATE: 1.5, FARGATE_SPOT: 1.5 });
  });
});

describe("joining services to task definitions", () => {
  it("follows a known task_definition value by ARN, family or family:revision", () => {
    const planned = [
      definition("a", undefined, undefined, { arn: "arn:aws:ecs:us-east-1:1:task-definition/a:3", family: "a", revision: 3 }),
      definition("b", undefined, undefined, { family: "b", revision: 7 }),
      service("by_arn", undefined, undefined, { task_definition: "arn:aws:ecs:us-east-1:1:task-definition/a:3" }),
      service("by_family", undefined, undefined, { task_definition: "b" }),
      service("by_revision", undefined, undefined, { task_definition: "b:7" }),
    ];
    expect(joined(plan({ planned })).pairs).toEqual({
      "aws_ecs_service.by_arn": "aws_ecs_task_definition.a",
      "aws_ecs_service.by_family": "aws_ecs_task_definition.b",
      "aws_ecs_service.by_revision": "aws_ecs_task_definition.b",
    });
  });

  it("follows configuration references: a literal key, the service's own key, or no key", () => {
    const planned = [
      definition("td", "querier"),
      definition("td", "ingester"),
      definition("single"),
      service("literal"),
      service("keyed", "ingester"),
      service("keyed", "querier"),
      service("by_value", "querier"),
      service("unkeyed"),
    ];
    const config = [
      referencing("literal", ['aws_ecs_task_definition.td["querier"].arn', 'aws_ecs_task_definition.td["querier"]', "aws_ecs_task_definition.td"]),
      referencing("keyed", ["aws_ecs_task_definition.td", "each.key"]),
      referencing("by_value", ["each.value.arn", "each.value", "aws_ecs_task_definition.td"]),
      referencing("unkeyed", ["aws_ecs_task_definition.single.arn", "aws_ecs_task_definition.single"]),
    ];
    expect(joined(plan({ planned, config })).pairs).toEqual({
      "aws_ecs_service.literal": 'aws_ecs_task_definition.td["querier"]',
      'aws_ecs_service.keyed["ingester"]': 'aws_ecs_task_definition.td["ingester"]',
      'aws_ecs_service.keyed["querier"]': 'aws_ecs_task_definition.td["querier"]',
      'aws_ecs_service.by_value["querier"]': 'aws_ecs_task_definition.td["querier"]',
      "aws_ecs_service.unkeyed": "aws_ecs_task_definition.single",
    });
  });

  it("stays inside the service's module instance", () => {
    const planned = [definition("td", undefined, 'module.loki["a"]'), definition("td", undefined, 'module.loki["b"]'), service("svc", undefined, 'module.loki["b"]')];
    const planJson: PlanJson = {
      ...plan({ planned }),
      configuration: { root_module: { module_calls: { loki: { module: { resources: [referencing("svc", ["aws_ecs_task_definition.td.arn", "aws_ecs_task_definition.td"])] } } } } },
    };
    expect(joined(planJson).pairs).toEqual({ 'module.loki["b"].aws_ecs_service.svc': 'module.loki["b"].aws_ecs_task_definition.td' });
  });

  it("reports a service it cannot join, with the reason", () => {
    const planned = [definition("td"), service("from_variable")];
    const config = [referencing("from_variable", ["var.task_definition_arn"])];
    expect(joined(plan({ planned, config })).notPriced).toEqual([
      { address: "aws_ecs_service.from_variable", reason: "its task definition could not be joined (see tools/cost/fargate-services.ts for the rules)" },
    ]);
  });

  it("uses the cluster's default strategy when a service names neither launch type nor strategy", () => {
    const planned = [
      definition("td"),
      service("svc", undefined, undefined, { launch_type: null, desired_count: 4, task_definition: "td-" }),
      resource("aws_ecs_cluster_capacity_providers", "main", { default_capacity_provider_strategy: [{ capacity_provider: "FARGATE_SPOT", base: 0, weight: 1 }] }),
    ];
    expect(joined(plan({ planned })).services[0]).toMatchObject({ tasks: 4, spotTasks: 4 });
  });

  it("reads architecture, ephemeral storage, Cloud Map registration and public IPs", () => {
    const planned = [
      definition("td", undefined, undefined, { runtime_platform: [{ cpu_architecture: "ARM64" }], ephemeral_storage: [{ size_in_gib: 50 }] }),
      service("svc", undefined, undefined, { task_definition: "td-", service_registries: [{ registry_arn: null }], network_configuration: [{ assign_public_ip: true }] }),
    ];
    expect(joined(plan({ planned })).services[0]).toMatchObject({ architecture: "arm64", vcpu: 0.5, memoryGb: 1, ephemeralGiB: 50, registersInCloudMap: true, publicIp: true });
  });
});
