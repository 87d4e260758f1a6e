import { InputRule, InputSpecs } from "../../lib/inputs";
import { objectType } from "../../lib/object-type";
import { oneOf } from "../../lib/rules";
import { IMAGE_SOURCE_TYPE } from "../ecs-fargate/image-source";
import { loadInput, loadInputRules } from "../ecs-fargate/lgtm/sizing/inputs";
import { CERTIFICATE_PATTERN as CDN_CERTIFICATE_PATTERN, DEFAULT_PRICE_CLASS, DNS_NAME_HCL, MAX_DNS_NAME, isDnsName } from "./cdn/inputs";
import { PROFILE_NAMES } from "./profiles";
import { LgtmProps } from "./props";

const EXISTING_NETWORK = { vpc_id: "string", public_subnet_ids: "list(string)", private_subnet_ids: "list(string)" };

const CDN = {
  certificate_arn: { type: "string" },
  aliases: { type: "list(string)", default: null },
  price_class: { type: "string", default: DEFAULT_PRICE_CLASS },
  web_acl_arn: { type: "string", default: null },
  access_logs: { type: objectType({ bucket: { type: "string" }, prefix: { type: "string", default: "" } }), default: null },
};

export const lgtmInputs: InputSpecs<LgtmProps> = {
  name: { type: "string" },
  cidr: { type: "string", default: null },
  azs: { type: "list(string)", default: null },
  domain: { type: "string" },
  certificateArn: { type: "string", default: null },
  profile: { type: "string", default: "prod" },
  existingNetwork: { type: objectType(Object.fromEntries(Object.entries(EXISTING_NETWORK).map(([name, type]) => [name, { type }]))), default: null, attributes: EXISTING_NETWORK },
  alertSnsTopicArn: { type: "string", default: null },
  cdn: { type: objectType(CDN), default: null, attributes: Object.fromEntries(Object.entries(CDN).map(([name, attribute]) => [name, attribute.type])) },
  imageSource: { type: IMAGE_SOURCE_TYPE, default: {} },
  load: loadInput,
  tags: { type: "map(string)", default: {} },
};

const NAME_PATTERN = "^[a-z][a-z0-9-]{0,22}[a-z0-9]$";
const VPC_ID_PATTERN = "^vpc-[0-9a-f]{8}([0-9a-f]{9})?$";
const SUBNET_ID_PATTERN = "^subnet-[0-9a-f]{8}([0-9a-f]{9})?$";
const SNS_TOPIC_PATTERN = "^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$";
/** The longest host prefix, `pyroscope.`, goes in front of the domain. */
const MAX_DOMAIN = MAX_DNS_NAME - "pyroscope.".length;

const json = (value: unknown) => JSON.stringify(value);
const matches = (pattern: string, value: string) => new RegExp(pattern).test(value);
const subnetIds = (ids: string[], min: number) => ids.length >= min && new Set(ids).size === ids.length && ids.every((id) => matches(SUBNET_ID_PATTERN, id));
const subnetIdsHcl = (ids: string, min: number) =>
  `length(${ids}) >= ${min} && length(distinct(${ids})) == length(${ids}) && alltrue([for id in ${ids} : can(regex(${json(SUBNET_ID_PATTERN)}, id))])`;

/** A rule that an input of the network the stack creates is given exactly when no existing network is. */
function neededWithoutExistingNetwork(input: "cidr" | "azs", example: string): InputRule<LgtmProps> {
  return {
    input,
    reads: ["existingNetwork"],
    allowed: `must be set (${example}) unless existing_network is given, and null when it is (the stack then creates no network)`,
    valid: (p) => (p.existingNetwork === null) === (p[input] !== null),
    condition: `(var.existing_network == null) == (var.${input} != null)`,
  };
}

export const lgtmRules: InputRule<LgtmProps>[] = [
  {
    input: "name",
    allowed: "must be 2-24 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it names the load balancer, whose target groups add 8 characters)",
    valid: (p) => matches(NAME_PATTERN, p.name),
    condition: `can(regex(${json(NAME_PATTERN)}, var.name))`,
  },
  neededWithoutExistingNetwork("cidr", 'a VPC CIDR such as "10.20.0.0/16"'),
  neededWithoutExistingNetwork("azs", 'two or more availability zones such as ["eu-west-1a", "eu-west-1b"]'),
  {
    input: "domain",
    allowed: `must be a DNS name of lowercase labels joined by dots, such as "lgtm.example.com", of at most ${MAX_DOMAIN} characters (the hosts grafana., mimir., loki., tempo. and pyroscope. go in front of it)`,
    valid: (p) => isDnsName(p.domain) && p.domain.length <= MAX_DOMAIN,
    condition: `${DNS_NAME_HCL("var.domain")} && length(var.domain) <= ${MAX_DOMAIN}`,
  },
  oneOf("profile", PROFILE_NAMES),
  ...loadInputRules<LgtmProps>("load"),
  {
    input: "existingNetwork",
    allowed: 'must be null or give vpc_id (such as "vpc-0123456789abcdef0"), at least 2 distinct public_subnet_ids (in different availability zones, for the load balancer) and at least 1 private_subnet_ids, each a subnet ID',
    valid: (p) => p.existingNetwork === null || (matches(VPC_ID_PATTERN, p.existingNetwork.vpc_id) && subnetIds(p.existingNetwork.public_subnet_ids, 2) && subnetIds(p.existingNetwork.private_subnet_ids, 1)),
    condition:
      `var.existing_network == null ? true : can(regex(${json(VPC_ID_PATTERN)}, var.existing_network.vpc_id)) && ` +
      `${subnetIdsHcl("var.existing_network.public_subnet_ids", 2)} && ${subnetIdsHcl("var.existing_network.private_subnet_ids", 1)}`,
  },
  {
    input: "alertSnsTopicArn",
    allowed: 'must be null or the ARN of an SNS topic, such as "arn:aws:sns:eu-west-1:123456789012:alerts"',
    valid: (p) => p.alertSnsTopicArn === null || matches(SNS_TOPIC_PATTERN, p.alertSnsTopicArn),
    condition: `var.alert_sns_topic_arn == null ? true : can(regex(${json(SNS_TOPIC_PATTERN)}, var.alert_sns_topic_arn))`,
  },
  {
    input: "cdn",
    reads: ["certificateArn"],
    allowed: "must be null unless certificate_arn is set (behind CloudFront, Grafana's load balancer route is HTTPS only)",
    valid: (p) => p.cdn === null || p.certificateArn !== null,
    condition: "var.cdn == null || var.certificate_arn != null",
  },
  {
    input: "cdn",
    allowed:
      "must be null or give certificate_arn as the ARN of an ACM certificate in us-east-1 (the only region CloudFront takes certificates from) " +
      "and aliases as null or a list of one DNS name (the load balancer routes one host to Grafana)",
    valid: (p) =>
      p.cdn === null || (matches(CDN_CERTIFICATE_PATTERN, p.cdn.certificate_arn) && (p.cdn.aliases == null || (p.cdn.aliases.length === 1 && isDnsName(p.cdn.aliases[0])))),
    condition:
      `var.cdn == null ? true : can(regex(${json(CDN_CERTIFICATE_PATTERN)}, var.cdn.certificate_arn)) && ` +
      `(var.cdn.aliases == null ? true : length(var.cdn.aliases) == 1 && alltrue([for alias in var.cdn.aliases : ${DNS_NAME_HCL("alias")}]))`,
  },
];
