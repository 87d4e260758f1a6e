import { join } from "node:path";
import { ModuleDefinition } from "../../lib/module-definition";
import { EcsFargate } from "./ecs-fargate";
import { ecsFargateInputs, ecsFargateRules } from "./inputs";
import { lgtmComponentsModule } from "./lgtm/module";
import { EcsFargateProps } from "./props";

/** The ecs-fargate construct as a published Terraform module. */
export const ecsFargateModule: ModuleDefinition<EcsFargateProps, EcsFargate> = {
  name: "ecs-fargate",
  summary:
    "An ECS cluster for Fargate (Container Insights enhanced, FARGATE and FARGATE_SPOT, ECS Exec logged to CloudWatch, " +
    "one task execution role) and a map of services on it, created with `for_each`: ARM64 tasks in private subnets " +
    "without public IPs, a security group, task role and log group each, config files delivered by an init container, " +
    "deployment circuit breaker with rollback, Spot only for stateless services, target tracking autoscaling, optional " +
    "Alloy (OTLP) and FireLens (Loki) sidecars, and Docker Hub images pulled directly, through an ECR pull-through cache, " +
    "or from a mirror (`image_source`; see the project README on which to pick). Config files travel in the task " +
    "definition, gzip-compressed: a service's container definitions must stay under 63488 bytes, checked at plan. " +
    "Terraform cannot ignore `desired_count` for some instances of a resource only, so autoscaled services are " +
    "`aws_ecs_service.services_autoscaled`: before turning `autoscaling` on or off for a running service, " +
    "`terraform state mv` it between the two addresses, or it is replaced. With `lgtm` set, the nested module " +
    "`modules/lgtm` runs the LGTM stack on the cluster, one service per role (`module.lgtm[0].aws_ecs_service.loki[\"ingester\"]`); " +
    "see the project README for its ports, endpoints, tenancy and rollouts.",
  props: { file: join(__dirname, "props.ts"), declaration: "EcsFargateProps" },
  construct: { file: join(__dirname, "ecs-fargate.ts"), declaration: "EcsFargate" },
  inputs: ecsFargateInputs,
  rules: ecsFargateRules,
  create: (scope, id, props) => new EcsFargate(scope, id, props),
  outputs: [
    "clusterId",
    "clusterArn",
    "clusterName",
    "executionRoleArn",
    "serviceNames",
    "serviceArns",
    "taskRoleArns",
    "securityGroupIds",
    "logGroupNames",
    "lgtmSecurityGroupIds",
    "lgtmEndpoints",
    "lgtmGrafanaAdminSecretArn",
  ],
  submodules: [lgtmComponentsModule],
};
