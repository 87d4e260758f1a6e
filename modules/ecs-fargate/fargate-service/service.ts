import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { TerraformIterator, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { tagged } from "../../../lib/choose";
import { hcl, hclLines, hclNumber, hclString, raw } from "../../../lib/hcl";
import { ClusterRef } from "../cluster-ref";

/** What the ECS services are built from, all keyed by service. */
export interface ServiceInputs {
  readonly cluster: ClusterRef;
  readonly specs: TerraformLocal;
  readonly names: TerraformLocal;
  readonly taskDefinitions: EcsTaskDefinition;
  readonly securityGroups: SecurityGroup;
  readonly subnetIds: string[];
}

/** The ECS services: those with a fixed count, and the autoscaled ones. */
export interface Services {
  readonly fixed: EcsService;
  readonly autoscaled: EcsService;
}

/** The target tracking metric of each `autoscaling` target. */
const SCALING_METRICS = { cpu: "ECSServiceAverageCPUUtilization", memory: "ECSServiceAverageMemoryUtilization", requests: "ALBRequestCountPerTarget" };

/**
 * ECS services in private subnets without public IPs, rolled out with a circuit breaker that rolls
 * back. Terraform cannot vary `ignore_changes` per instance, so services whose desired count
 * autoscaling owns are a second resource, `<name>_autoscaled`, that ignores `desired_count`.
 */
export function addServices(scope: Construct, inputs: ServiceInputs): Services {
  const { cluster, specs, names } = inputs;
  // Stateful services never land on Spot: an interruption would lose what they hold.
  const strategies = new TerraformLocal(
    scope,
    "capacity_provider_strategies",
    hclLines`{ for k, s in ${specs.fqn} : k => s.capacity_provider_strategy != null ? s.capacity_provider_strategy
      : s.stateless ? ${cluster.capacityProviderStrategy} : [{ capacity_provider = "FARGATE", weight = 1, base = 0 }] }`,
  );
  const service = (id: string, autoscaled: boolean) => {
    const ecsService = new EcsService(scope, id, {
      forEach: TerraformIterator.fromMap(hcl`{ for k, s in ${specs.fqn} : k => s if s.autoscaling ${raw(autoscaled ? "!=" : "==")} null }`),
      name: hclString`${names.fqn}[each.key].service`,
      cluster: cluster.arn,
      taskDefinition: hclString`${inputs.taskDefinitions.fqn}[each.key].arn`,
      desiredCount: hclNumber`each.value.desired_count`,
      platformVersion: "LATEST",
      deploymentCircuitBreaker: { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: hclNumber`coalesce(each.value.deployment_minimum_healthy_percent, each.value.stateless ? 100 : 0)`,
      deploymentMaximumPercent: hclNumber`coalesce(each.value.deployment_maximum_percent, each.value.stateless ? 200 : 100)`,
      availabilityZoneRebalancing: "ENABLED",
      enableExecuteCommand: Token.asAny(hcl`each.value.enable_execute_command`),
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      healthCheckGracePeriodSeconds: hclNumber`length(each.value.load_balancers) > 0 ? coalesce(each.value.health_check_grace_period_seconds, 60) : null`,
      networkConfiguration: {
        subnets: inputs.subnetIds,
        securityGroups: [hclString`${inputs.securityGroups.fqn}[each.key].id`],
        assignPublicIp: false,
      },
      waitForSteadyState: false,
      // Without it the provider replaces the service (an outage) when its capacity providers change.
      forceNewDeployment: true,
      lifecycle: autoscaled ? { ignoreChanges: ["desired_count"] } : undefined,
      tags: tagged(cluster.tags, hclString`${names.fqn}[each.key].qualified`),
    });
    ecsService.addOverride("dynamic.capacity_provider_strategy", {
      for_each: Token.asString(hcl`${strategies.fqn}[each.key]`),
      content: {
        capacity_provider: "${capacity_provider_strategy.value.capacity_provider}",
        weight: "${capacity_provider_strategy.value.weight}",
        base: "${capacity_provider_strategy.value.base}",
      },
    });
    ecsService.addOverride("dynamic.load_balancer", {
      for_each: "${each.value.load_balancers}",
      content: { target_group_arn: "${load_balancer.value.target_group_arn}", container_name: "${each.key}", container_port: "${load_balancer.value.port}" },
    });
    ecsService.addOverride("dynamic.service_registries", {
      for_each: "${each.value.service_registry == null ? [] : [each.value.service_registry]}",
      content: {
        registry_arn: "${service_registries.value.arn}",
        container_name: "${service_registries.value.port == null ? null : each.key}",
        container_port: "${service_registries.value.port}",
      },
    });
    return ecsService;
  };
  const fixed = service("this:service", false);
  const autoscaled = service("autoscaled", true);

  const targets = new AppautoscalingTarget(scope, "this:scaling", {
    forEach: TerraformIterator.fromResources(autoscaled),
    serviceNamespace: "ecs",
    scalableDimension: "ecs:service:DesiredCount",
    resourceId: hclString`"service/\${${cluster.name}}/\${each.value.name}"`,
    minCapacity: hclNumber`${specs.fqn}[each.key].autoscaling.min_capacity`,
    maxCapacity: hclNumber`${specs.fqn}[each.key].autoscaling.max_capacity`,
    tags: tagged(cluster.tags, hclString`${names.fqn}[each.key].qualified`),
  });
  const policies = TerraformIterator.fromMap(
    hclLines`{ for policy in flatten([for k, s in ${specs.fqn} : s.autoscaling == null ? [] : [
      for metric, target in { cpu = s.autoscaling.cpu_target, memory = s.autoscaling.memory_target, requests = s.autoscaling.requests_per_target } : {
        key = "\${k}/\${metric}", service = k, metric = metric, target = target,
        scale_in_cooldown = s.autoscaling.scale_in_cooldown, scale_out_cooldown = s.autoscaling.scale_out_cooldown,
        resource_label = metric == "requests" ? format("%s/%s", regex("loadbalancer/(.+)$", s.autoscaling.load_balancer_arn)[0],
          regex("targetgroup/.+$", s.load_balancers[0].target_group_arn)) : null
      } if target != null]]) : policy.key => policy }`,
  );
  new AppautoscalingPolicy(scope, "this:scaling-policy", {
    forEach: policies,
    name: hclString`"\${${names.fqn}[each.value.service].qualified}-\${each.value.metric}"`,
    policyType: "TargetTrackingScaling",
    serviceNamespace: hclString`${targets.fqn}[each.value.service].service_namespace`,
    scalableDimension: hclString`${targets.fqn}[each.value.service].scalable_dimension`,
    resourceId: hclString`${targets.fqn}[each.value.service].resource_id`,
    targetTrackingScalingPolicyConfiguration: {
      targetValue: hclNumber`each.value.target`,
      scaleInCooldown: hclNumber`each.value.scale_in_cooldown`,
      scaleOutCooldown: hclNumber`each.value.scale_out_cooldown`,
      predefinedMetricSpecification: {
        predefinedMetricType: hclString`${SCALING_METRICS}[each.value.metric]`,
        resourceLabel: hclString`each.value.resource_label`,
      },
    },
  });
  return { fixed, autoscaled };
}
