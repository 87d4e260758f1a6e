import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { registerEnvs } from "../../main";

const envs = Object.fromEntries(registerEnvs(Testing.app()).map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack))]));

describe("the ECS cluster of each env", () => {
  it.each(["dev", "prod"])("runs %s's cluster in the env network's private subnets", (env) => {
    const json = envs[env];
    expect(json.resource.aws_ecs_cluster.ecs_cluster.name).toBe(`lgtm-${env}`);
    expect(json.resource.aws_security_group.ecs_services.vpc_id).toBe("${aws_vpc.network.id}");
    expect(json.resource.aws_ecs_service.ecs_services.network_configuration.subnets).toContain("aws_subnet.network_private");
  });

  it("leans on Spot for stateless services in dev and keeps prod on FARGATE", () => {
    const strategy = (env: string) => envs[env].resource.aws_ecs_cluster_capacity_providers.ecs_cluster.dynamic.default_capacity_provider_strategy.for_each;
    expect(strategy("dev")).toContain('"capacity_provider" = "FARGATE_SPOT"');
    expect(strategy("prod")).not.toContain("FARGATE_SPOT");
  });
});
