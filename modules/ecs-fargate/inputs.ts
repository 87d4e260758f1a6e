import { InputRule, InputSpecs } from "../../lib/inputs";
import { ObjectSpec, objectType, withObjectDefaults } from "../../lib/object-type";
import { logRetentionRule } from "../shared/cloudwatch-logs";
import {
  CORE_RULES,
  POLICY_ALLOWED,
  STRATEGY_ALLOWED,
  ServiceRule,
  ipv4NetworkHcl,
  isIpv4Network,
  isPolicyWithoutUnexplainedWildcards,
  isPort,
  isStrategy,
  policyCondition,
  portHcl,
  showing,
  sidecarPortsRule,
  strategyCondition,
} from "./fargate-service/service-rules";
import { CAPACITY_PROVIDER_STRATEGY_TYPE, SERVICE_CORE, TELEMETRY, Telemetry } from "./fargate-service/spec";
import { IMAGE_SOURCE, IMAGE_SOURCE_MODES, IMAGE_SOURCE_TYPE, ImageSource } from "./image-source";
import { lgtmInputRules } from "./lgtm/settings-rules";
import { LGTM_SERVICE_NAMES } from "./lgtm/service-names";
import { LGTM_SETTINGS_TYPE } from "./lgtm/settings";
import { EcsClusterProps, EcsFargateProps, EcsServiceInput } from "./props";

/** The attributes of {@link EcsServiceInput}, with their defaults. */
const ECS_SERVICE_INPUT: ObjectSpec = {
  ...SERVICE_CORE,
  port: { type: "number", default: null },
  target_group_arn: { type: "string", default: null },
  ingress_security_group_ids: { type: "list(string)", default: [] },
  ingress_cidrs: { type: "list(string)", default: [] },
  ingress_from_services: { type: "list(string)", default: [] },
  service_registry_arn: { type: "string", default: null },
  policy_json: { type: "string", default: null },
};

const NAME_PATTERN = "^[a-z][a-z0-9-]{0,30}[a-z0-9]$";
const SECRET_ARN = "^arn:[^:]+:secretsmanager:[^:]+:[0-9]{12}:secret:.+$";
const CACHE_CREDENTIALS_ARN = "^arn:[^:]+:secretsmanager:[^:]+:[0-9]{12}:secret:ecr-pullthroughcache/.+$";
const REGISTRY_PREFIX = "^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*$";
const ECR_PREFIX = "^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$";
const KMS_KEY_ARN = "^arn:[^:]+:kms:[^:]+:[0-9]{12}:(key|alias)/.+$";
const OTLP_ENDPOINT = "^https?://[^/[:space:]]+(/.*)?$";
const OTLP_ENDPOINT_TS = /^https?:\/\/[^/\s]+(\/.*)?$/;

export const clusterInputs: InputSpecs<EcsClusterProps> = {
  name: { type: "string" },
  capacityProviderStrategy: { type: CAPACITY_PROVIDER_STRATEGY_TYPE, default: [{ capacity_provider: "FARGATE", weight: 1, base: 0 }] },
  logRetentionDays: { type: "number", default: 30 },
  imageSource: { type: IMAGE_SOURCE_TYPE, default: {} },
  executeCommandKmsKeyArn: { type: "string", default: null },
  tags: { type: "map(string)", default: {} },
};

export const ecsFargateInputs: InputSpecs<EcsFargateProps> = {
  ...clusterInputs,
  vpcId: { type: "string" },
  subnetIds: { type: "list(string)" },
  services: { type: `map(${objectType(ECS_SERVICE_INPUT)})`, default: {} },
  telemetry: { type: objectType(TELEMETRY), default: null },
  lgtm: { type: LGTM_SETTINGS_TYPE, default: null },
};

function source(p: { imageSource: ImageSource }): Required<ImageSource> {
  return withObjectDefaults(p.imageSource, IMAGE_SOURCE) as Required<ImageSource>;
}

export const clusterRules: InputRule<EcsClusterProps>[] = [
  {
    input: "name",
    allowed: 'must be 2-32 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, and not starting with "sg-"',
    valid: (p) => new RegExp(NAME_PATTERN).test(p.name) && !p.name.startsWith("sg-"),
    condition: `can(regex("${NAME_PATTERN}", var.name)) && !startswith(var.name, "sg-")`,
  },
  {
    input: "capacityProviderStrategy",
    allowed: `must ${STRATEGY_ALLOWED}`,
    valid: (p) => isStrategy(p.capacityProviderStrategy),
    condition: strategyCondition("var.capacity_provider_strategy"),
  },
  logRetentionRule("logRetentionDays"),
  {
    input: "imageSource",
    allowed: `must have a mode of ${IMAGE_SOURCE_MODES.map((m) => `"${m}"`).join(", ")}`,
    valid: (p) => (IMAGE_SOURCE_MODES as readonly string[]).includes(source(p).mode),
    condition: `contains(${JSON.stringify(IMAGE_SOURCE_MODES)}, var.image_source.mode)`,
  },
  {
    input: "imageSource",
    allowed:
      'must give credentials_secret_arn as a Secrets Manager ARN: required in pull_through_cache mode with a secret named "ecr-pullthroughcache/...", optional in docker_hub mode, unused (null) in registry_prefix mode',
    valid: (p) => {
      const s = source(p);
      const arn = s.credentials_secret_arn;
      if (s.mode === "pull_through_cache") return arn !== null && new RegExp(CACHE_CREDENTIALS_ARN).test(arn);
      if (s.mode === "registry_prefix") return arn === null;
      return arn === null || new RegExp(SECRET_ARN).test(arn);
    },
    condition:
      `var.image_source.mode == "pull_through_cache" ? can(regex("${CACHE_CREDENTIALS_ARN}", var.image_source.credentials_secret_arn)) : ` +
      `var.image_source.mode == "registry_prefix" ? var.image_source.credentials_secret_arn == null : ` +
      `(var.image_source.credentials_secret_arn == null ? true : can(regex("${SECRET_ARN}", var.image_source.credentials_secret_arn)))`,
  },
  {
    input: "imageSource",
    allowed: 'must give registry_prefix (a registry host and path such as "registry.example.com/mirror", no scheme) in registry_prefix mode, and only then',
    valid: (p) => {
      const s = source(p);
      return s.mode === "registry_prefix" ? s.registry_prefix !== null && new RegExp(REGISTRY_PREFIX).test(s.registry_prefix) : s.registry_prefix === null;
    },
    condition:
      `var.image_source.mode == "registry_prefix" ? can(regex("${REGISTRY_PREFIX}", var.image_source.registry_prefix)) : var.image_source.registry_prefix == null`,
  },
  {
    input: "imageSource",
    allowed: "must give two different ECR repository prefixes of 2-30 lowercase letters, digits, and . _ - / separators",
    valid: (p) => {
      const s = source(p);
      const ok = (prefix: string) => prefix.length >= 2 && prefix.length <= 30 && new RegExp(ECR_PREFIX).test(prefix);
      return ok(s.docker_hub_cache_prefix) && ok(s.ecr_public_cache_prefix) && s.docker_hub_cache_prefix !== s.ecr_public_cache_prefix;
    },
    condition: ["docker_hub_cache_prefix", "ecr_public_cache_prefix"]
      .map((a) => `length(var.image_source.${a}) >= 2 && length(var.image_source.${a}) <= 30 && can(regex("${ECR_PREFIX}", var.image_source.${a}))`)
      .concat(["var.image_source.docker_hub_cache_prefix != var.image_source.ecr_public_cache_prefix"])
      .join(" && "),
  },
  {
    input: "executeCommandKmsKeyArn",
    allowed: "must be a KMS key or alias ARN, or null",
    valid: (p) => p.executeCommandKmsKeyArn === null || new RegExp(KMS_KEY_ARN).test(p.executeCommandKmsKeyArn),
    condition: `var.execute_command_kms_key_arn == null ? true : can(regex("${KMS_KEY_ARN}", var.execute_command_kms_key_arn))`,
  },
];

type Input = EcsServiceInput;
const portsOf = (s: Input) => (s.port === null || s.port === undefined ? [] : [s.port]);

/** Rules on the published `services` beyond those every spec shares. */
export const SERVICE_INPUT_RULES: ServiceRule<Input>[] = [
  ...(CORE_RULES as ServiceRule<Input>[]),
  sidecarPortsRule<Input>("port", portsOf, `s.port == null ? [] : [s.port]`),
  {
    reads: ["port"],
    allowed: "must give port as a whole number 1-65535 or null",
    valid: (s) => s.port === null || isPort(s.port!),
    condition: `s.port == null ? true : ${portHcl("s.port")}`,
    ...showing<Input>("port"),
  },
  {
    reads: ["port", "target_group_arn", "ingress_security_group_ids", "ingress_cidrs", "ingress_from_services"],
    allowed: "must set port for a service with target_group_arn or any ingress_* source: they all address that port",
    valid: (s) => s.port !== null || (s.target_group_arn === null && [s.ingress_security_group_ids, s.ingress_cidrs, s.ingress_from_services].every((list) => list!.length === 0)),
    condition: `s.port != null || (s.target_group_arn == null && length(concat(s.ingress_security_group_ids, s.ingress_cidrs, s.ingress_from_services)) == 0)`,
    describe: (_s, k) => `${JSON.stringify(k)} has no port`,
    describeHcl: `format("%q has no port", k)`,
  },
  {
    reads: ["ingress_from_services"],
    allowed: "must name only services of this map in ingress_from_services",
    valid: (s, _k, context) => s.ingress_from_services!.every((from) => context.keys.includes(from)),
    condition: `length(setsubtract(s.ingress_from_services, keys(var.services))) == 0`,
    ...showing<Input>("ingress_from_services"),
  },
  {
    reads: ["ingress_cidrs"],
    allowed: 'must give ingress_cidrs as IPv4 network addresses such as "10.0.0.0/16"',
    valid: (s) => s.ingress_cidrs!.every(isIpv4Network),
    condition: `alltrue([for cidr in s.ingress_cidrs : ${ipv4NetworkHcl("cidr")}])`,
    ...showing<Input>("ingress_cidrs"),
  },
  {
    reads: ["autoscaling", "target_group_arn"],
    allowed: "must give a service a target_group_arn before scaling it on requests_per_target",
    valid: (s) => (s.autoscaling?.requests_per_target ?? null) === null || s.target_group_arn !== null,
    condition: `s.autoscaling == null ? true : (s.autoscaling.requests_per_target == null || s.target_group_arn != null)`,
    ...showing<Input>("target_group_arn"),
  },
  {
    reads: ["policy_json"],
    allowed: POLICY_ALLOWED,
    valid: (s) => s.policy_json === null || isPolicyWithoutUnexplainedWildcards(s.policy_json!),
    condition: `s.policy_json == null ? true : (${policyCondition("s.policy_json")})`,
    describe: (_s, k) => `${JSON.stringify(k)} has such a policy_json`,
    describeHcl: `format("%q has such a policy_json", k)`,
  },
];

/** A rule on one service as a rule on the `services` variable; its message names the failing services. */
function servicesRule(rule: ServiceRule<Input>): InputRule<EcsFargateProps> {
  const failing = (p: Required<EcsFargateProps>) => {
    const services = defaulted(p.services);
    const context = { keys: Object.keys(services), telemetry: p.telemetry };
    return Object.keys(services)
      .sort()
      .filter((k) => !rule.valid(services[k], k, context))
      .map((k) => rule.describe(services[k], k));
  };
  return {
    input: "services",
    reads: rule.readsTelemetry ? ["telemetry"] : undefined,
    allowed: rule.allowed,
    valid: (p) => failing(p).length === 0,
    condition: `alltrue([for k, s in var.services : ${rule.condition}])`,
    detail: {
      text: (p) => failing(p).join("; "),
      template: `\${join("; ", [for k, s in var.services : ${rule.describeHcl} if !(${rule.condition})])}`,
    },
  };
}

/** The services with every absent attribute set to its default, as Terraform sets them. */
export function defaulted(services: Record<string, Input>): Record<string, Input> {
  return Object.fromEntries(Object.entries(services).map(([k, s]) => [k, withObjectDefaults(s, ECS_SERVICE_INPUT)]));
}

const servicesRules = SERVICE_INPUT_RULES.map(servicesRule);
const lgtmRules = lgtmInputRules<EcsFargateProps>();

/** Rules the construct checks part by part on literal props (a service at a time, an lgtm attribute at a time), so values of other constructs inside do not skip them. */
export const RULES_CHECKED_BY_PART: ReadonlySet<InputRule<EcsFargateProps>> = new Set([...servicesRules, ...lgtmRules]);

export const ecsFargateRules: InputRule<EcsFargateProps>[] = [
  ...(clusterRules as InputRule<EcsFargateProps>[]),
  {
    input: "vpcId",
    allowed: 'must be a VPC ID such as "vpc-0123456789abcdef0"',
    valid: (p) => /^vpc-[0-9a-f]{8,17}$/.test(p.vpcId),
    condition: `can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))`,
  },
  {
    input: "subnetIds",
    allowed: 'must list one or more distinct subnet IDs such as "subnet-0123456789abcdef0"',
    valid: (p) => p.subnetIds.length > 0 && new Set(p.subnetIds).size === p.subnetIds.length && p.subnetIds.every((id) => /^subnet-[0-9a-f]{8,17}$/.test(id)),
    condition: `length(var.subnet_ids) > 0 && length(distinct(var.subnet_ids)) == length(var.subnet_ids) && alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", id))])`,
  },
  {
    input: "telemetry",
    allowed: 'must be null or give otlp_endpoint as an OTLP/HTTP URL such as "http://alloy.lgtm.local:4318" and tenant as null or a non-empty name',
    valid: (p) => {
      if (p.telemetry === null) return true;
      const t = withObjectDefaults(p.telemetry, TELEMETRY) as Telemetry;
      return OTLP_ENDPOINT_TS.test(t.otlp_endpoint) && (t.tenant === null || t.tenant !== "");
    },
    condition: `var.telemetry == null ? true : (can(regex("${OTLP_ENDPOINT}", var.telemetry.otlp_endpoint)) && (var.telemetry.tenant == null ? true : var.telemetry.tenant != ""))`,
  },
  ...servicesRules,
  {
    input: "services",
    reads: ["lgtm"],
    allowed: `must leave the LGTM services' names (${LGTM_SERVICE_NAMES.join(", ")}) free when lgtm is set`,
    valid: (p) => p.lgtm === null || !Object.keys(p.services).some((key) => LGTM_SERVICE_NAMES.includes(key)),
    condition: `var.lgtm == null ? true : length(setintersection(keys(var.services), ${JSON.stringify(LGTM_SERVICE_NAMES)})) == 0`,
  },
  ...lgtmRules,
];
