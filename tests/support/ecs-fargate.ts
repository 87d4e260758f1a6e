import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { ReadableStack } from "../../lib/readable-stack";
import { EcsFargate } from "../../modules/ecs-fargate/ecs-fargate";
import { EcsFargateProps, EcsServiceInput } from "../../modules/ecs-fargate/props";
import { BAD_LGTM_INPUTS } from "./lgtm-inputs";
import { BadInput } from "./module-calls";
import { TerraformJson } from "./synth";

export const VPC_ID = "vpc-0123456789abcdef0";
export const SUBNET_IDS = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"];

/** The minimal valid props: the cluster inputs and one service. */
export const BASE_ECS: EcsFargateProps = {
  name: "lgtm-test",
  vpcId: VPC_ID,
  subnetIds: SUBNET_IDS,
  services: { api: { image: "nginx:1.27" } },
};

/** Synthesizes a stack holding one EcsFargate with the given literal props, as an env would. */
export function synthEcs(props: EcsFargateProps): TerraformJson {
  const stack = new ReadableStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new EcsFargate(stack, "ecs", props);
  return JSON.parse(Testing.synth(stack));
}

const service = (overrides: Partial<EcsServiceInput>): Pick<EcsFargateProps, "services"> => ({ services: { api: { image: "nginx:1.27", ...overrides } } });
const ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret";

/** Bad inputs and the words of the error each must produce, in TypeScript and in HCL. */
export const BAD_ECS_INPUTS: BadInput<EcsFargateProps>[] = [
  { case: "an upper-case name", props: { name: "Shop" }, variable: "name", message: 'name must be 2-32 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, and not starting with "sg-"; got "Shop".' },
  { case: 'a name starting with "sg-"', props: { name: "sg-shop" }, variable: "name", message: 'not starting with "sg-"; got "sg-shop".' },
  { case: "an EC2 capacity provider", props: { capacityProviderStrategy: [{ capacity_provider: "EC2" }] }, variable: "capacity_provider_strategy", message: "capacity_provider_strategy must list FARGATE and/or FARGATE_SPOT once each" },
  {
    case: "two bases",
    props: { capacityProviderStrategy: [{ capacity_provider: "FARGATE", base: 1 }, { capacity_provider: "FARGATE_SPOT", base: 1 }] },
    variable: "capacity_provider_strategy",
    message: "(at most one above 0)",
  },
  { case: "a retention CloudWatch refuses", props: { logRetentionDays: 10 }, variable: "log_retention_days", message: "log_retention_days must be a retention period CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30" },
  { case: "an unknown image source", props: { imageSource: { mode: "mirror" as never } }, variable: "image_source", message: 'image_source must have a mode of "docker_hub", "pull_through_cache", "registry_prefix"' },
  { case: "a pull-through cache without credentials", props: { imageSource: { mode: "pull_through_cache" } }, variable: "image_source", message: "image_source must give credentials_secret_arn as a Secrets Manager ARN" },
  {
    case: "cache credentials outside ecr-pullthroughcache/",
    props: { imageSource: { mode: "pull_through_cache", credentials_secret_arn: `${ARN}:dockerhub-AbCdEf` } },
    variable: "image_source",
    message: 'required in pull_through_cache mode with a secret named "ecr-pullthroughcache/..."',
  },
  { case: "a mirror without a prefix", props: { imageSource: { mode: "registry_prefix" } }, variable: "image_source", message: "image_source must give registry_prefix" },
  { case: "a prefix without mirror mode", props: { imageSource: { registry_prefix: "registry.example.com/mirror" } }, variable: "image_source", message: "in registry_prefix mode, and only then" },
  { case: "an upper-case cache prefix", props: { imageSource: { docker_hub_cache_prefix: "DockerHub" } }, variable: "image_source", message: "image_source must give two different ECR repository prefixes" },
  { case: "a KMS key ID instead of an ARN", props: { executeCommandKmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" }, variable: "execute_command_kms_key_arn", message: "execute_command_kms_key_arn must be a KMS key or alias ARN, or null" },
  { case: "a VPC name", props: { vpcId: "shop" }, variable: "vpc_id", message: 'vpc_id must be a VPC ID such as "vpc-0123456789abcdef0"; got "shop".' },
  { case: "no subnets", props: { subnetIds: [] }, variable: "subnet_ids", message: "subnet_ids must list one or more distinct subnet IDs" },
  { case: "an OTLP endpoint without scheme", props: { telemetry: { otlp_endpoint: "alloy:4318" } }, variable: "telemetry", message: "telemetry must be null or give otlp_endpoint as an OTLP/HTTP URL" },
  { case: "an upper-case service key", props: { services: { API: { image: "nginx:1.27" } } }, variable: "services", message: 'services must be keyed by names of 1-24 lowercase letters, digits and hyphens, starting with a letter, other than config-files, alloy, log-router (the module\'s own containers): "API"' },
  { case: "a service named like a sidecar", props: { services: { alloy: { image: "grafana/alloy:v1.18.1" } } }, variable: "services", message: '(the module\'s own containers): "alloy"' },
  {
    case: "a memory cpu 256 cannot have",
    props: service({ cpu: 256, memory: 4096 }),
    variable: "services",
    message: 'services must give each service a cpu and memory pair Fargate accepts: "api" has cpu 256 and memory 4096, and with cpu 256, memory must be one of 512, 1024, 2048',
  },
  {
    case: "a cpu Fargate does not have",
    props: service({ cpu: 300, memory: 512 }),
    variable: "services",
    message: '"api" has cpu 300 and memory 512, and cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384',
  },
  { case: "a lower-case architecture", props: service({ cpu_architecture: "arm64" }), variable: "services", message: 'services must give each service a cpu_architecture of "ARM64" or "X86_64": "api" has cpu_architecture "arm64"' },
  { case: "a negative count", props: service({ desired_count: -1 }), variable: "services", message: 'services must give each service a whole desired_count of 0 or more: "api" has desired_count -1' },
  {
    case: "a command in one string",
    props: service({ command: ["run /etc/alloy/x.alloy"] }),
    variable: "services",
    message: 'services must give each command as a list with one argument per element and no whitespace in the first: ECS passes ["run /etc/alloy/x.alloy"] as one argument; write ["run", "/etc/alloy/x.alloy"]: "api" has command ["run /etc/alloy/x.alloy"]',
  },
  { case: "a secret value", props: service({ secrets: { PASSWORD: "hunter2" } }), variable: "services", message: 'services must give each secret as the ARN of a Secrets Manager secret or SSM parameter, never a value: "api" has secrets ["PASSWORD"] not all ARNs' },
  { case: "a relative file path", props: service({ files: { "config.yaml": "x: 1" } }), variable: "services", message: 'services must give each config file an absolute path of plain names inside a directory other than /, and no directory of files inside another: "api" has files at ["config.yaml"]' },
  { case: "nested file directories", props: service({ files: { "/etc/app/a.yaml": "a", "/etc/app/conf.d/b.yaml": "b" } }), variable: "services", message: '"api" has files at ["/etc/app/a.yaml","/etc/app/conf.d/b.yaml"]' },
  { case: "a relative writable path", props: service({ writable_paths: ["tmp"] }), variable: "services", message: 'services must give writable_paths as distinct absolute paths of plain names: "api" has writable_paths ["tmp"]' },
  { case: "a service on EC2", props: service({ capacity_provider_strategy: [{ capacity_provider: "EC2" }] }), variable: "services", message: "services must give a capacity_provider_strategy that is null or list FARGATE" },
  {
    case: "a stateful service on Spot",
    props: service({ capacity_provider_strategy: [{ capacity_provider: "FARGATE_SPOT" }] }),
    variable: "services",
    message: 'services must keep stateful services off FARGATE_SPOT (a Spot interruption would lose their state); set stateless = true only for services that hold none: "api" is stateful and asks for FARGATE_SPOT',
  },
  { case: "a deployment that cannot move", props: service({ deployment_minimum_healthy_percent: 100, deployment_maximum_percent: 100 }), variable: "services", message: 'services must give deployment_minimum_healthy_percent 0-100 and deployment_maximum_percent 100-200, the maximum above the minimum, or null for the defaults: "api" has 100/100' },
  { case: "autoscaling below the desired count", props: service({ desired_count: 1, autoscaling: { min_capacity: 2, max_capacity: 4, cpu_target: 60 } }), variable: "services", message: "services must give autoscaling whole capacities with min_capacity <= desired_count <= max_capacity" },
  { case: "autoscaling with no target", props: service({ autoscaling: { min_capacity: 1, max_capacity: 4 } }), variable: "services", message: "at least one target" },
  { case: "a Loki host instead of a URL", props: service({ firelens_to_loki: "loki:3100" }), variable: "services", message: 'services must give firelens_to_loki as a Loki push URL (http or https, host, optional port and path) or null: "api" has firelens_to_loki "loki:3100"' },
  { case: "a sidecar without telemetry", props: service({ alloy_sidecar: true }), variable: "services", message: 'services must not ask for an Alloy sidecar or FireLens without telemetry: set telemetry to where they send: "api" asks for a sidecar' },
  {
    case: "an app port the Alloy sidecar binds",
    props: { ...service({ alloy_sidecar: true, port: 4318 }), telemetry: { otlp_endpoint: "http://alloy:4318" } },
    variable: "services",
    message: 'services must leave ports 4317, 4318, 12345 to the Alloy sidecar in services that have one: "api" has port 4318',
  },
  { case: "a port out of range", props: service({ port: 70000 }), variable: "services", message: 'services must give port as a whole number 1-65535 or null: "api" has port 70000' },
  { case: "a target group without a port", props: service({ target_group_arn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123456789abcdef" }), variable: "services", message: 'services must set port for a service with target_group_arn or any ingress_* source: they all address that port: "api" has no port' },
  { case: "ingress from a service that is not there", props: service({ port: 8080, ingress_from_services: ["ghost"] }), variable: "services", message: 'services must name only services of this map in ingress_from_services: "api" has ingress_from_services ["ghost"]' },
  { case: "ingress from a host address", props: service({ port: 8080, ingress_cidrs: ["10.0.0.1/16"] }), variable: "services", message: 'services must give ingress_cidrs as IPv4 network addresses such as "10.0.0.0/16": "api" has ingress_cidrs ["10.0.0.1/16"]' },
  {
    case: "request scaling without a target group",
    props: service({ autoscaling: { min_capacity: 1, max_capacity: 2, requests_per_target: 100, load_balancer_arn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/lgtm/0123456789abcdef" } }),
    variable: "services",
    message: 'services must give a service a target_group_arn before scaling it on requests_per_target: "api" has target_group_arn null',
  },
  {
    case: "a task role allowed everything",
    props: service({ policy_json: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }),
    variable: "services",
    message: 'services must give task roles JSON policy documents with no wildcard action ("*" or "service:*") outside a statement whose Sid states the reason: "api" has such a policy_json',
  },
  ...BAD_LGTM_INPUTS,
];
