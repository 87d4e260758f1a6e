import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { ReadableStack } from "../../lib/readable-stack";
import { Lgtm, LgtmOptions } from "../../modules/lgtm/lgtm";
import { ExistingNetwork, LgtmProps } from "../../modules/lgtm/props";
import { CERTIFICATE_ARN } from "./alb";
import { CDN_CERTIFICATE_ARN } from "./grafana-cdn";
import { BadInput } from "./module-calls";
import { TerraformJson } from "./synth";

/** The whole stack with its own network, as a module user calls it at the least. */
export const BASE_STACK: LgtmProps = {
  name: "observability",
  cidr: "10.20.0.0/16",
  azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  domain: "lgtm.example.com",
};

/** A VPC a team already has, by literal IDs. */
export const EXISTING_NETWORK: ExistingNetwork = {
  vpc_id: "vpc-0a1b2c3d4e5f60718",
  public_subnet_ids: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
  private_subnet_ids: ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"],
};

/** The stack in an existing VPC: no `cidr`, no `azs`. */
export const EXISTING_STACK: LgtmProps = { name: "trial", domain: "lgtm.internal.example.com", existingNetwork: EXISTING_NETWORK };

/** HTTPS and CloudFront in front of Grafana. */
export const CDN_STACK: LgtmProps = { ...BASE_STACK, certificateArn: CERTIFICATE_ARN, cdn: { certificate_arn: CDN_CERTIFICATE_ARN } };

/** Synthesizes an env-like root (a provider, the construct at `Default`) with literal props. */
export function synthStack(props: LgtmProps, options?: LgtmOptions): TerraformJson & { output?: unknown } {
  const stack = new ReadableStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new Lgtm(stack, "Default", props, options);
  return JSON.parse(Testing.synth(stack));
}

const withoutNetwork = { cidr: null, azs: null };

/** Bad inputs and the words of the error each must produce, in TypeScript and in HCL. */
export const BAD_STACK_INPUTS: BadInput<LgtmProps>[] = [
  {
    case: "an upper-case name",
    props: { name: "Observability" },
    variable: "name",
    message:
      'name must be 2-24 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it names the load balancer, whose target groups add 8 characters); got "Observability".',
  },
  { case: "no cidr for the network it creates", props: { cidr: null }, variable: "cidr", message: 'cidr must be set (a VPC CIDR such as "10.20.0.0/16") unless existing_network is given, and null when it is (the stack then creates no network); got null.' },
  { case: "no azs for the network it creates", props: { azs: null }, variable: "azs", message: "azs must be set (two or more availability zones such as" },
  { case: "a cidr beside an existing network", props: { azs: null, existingNetwork: EXISTING_NETWORK }, variable: "cidr", message: 'cidr must be set (a VPC CIDR such as "10.20.0.0/16") unless existing_network is given, and null when it is' },
  {
    case: "a domain with upper-case letters",
    props: { domain: "LGTM.example.com" },
    variable: "domain",
    message: 'domain must be a DNS name of lowercase labels joined by dots, such as "lgtm.example.com", of at most 243 characters (the hosts grafana., mimir., loki., tempo. and pyroscope. go in front of it); got "LGTM.example.com".',
  },
  { case: "an unknown profile", props: { profile: "staging" as never }, variable: "profile", message: 'profile must be one of "dev", "prod"; got "staging".' },
  {
    case: "an existing network with one public subnet",
    props: { ...withoutNetwork, existingNetwork: { ...EXISTING_NETWORK, public_subnet_ids: ["subnet-0a1b2c3d4e5f60001"] } },
    variable: "existing_network",
    message: 'existing_network must be null or give vpc_id (such as "vpc-0123456789abcdef0"), at least 2 distinct public_subnet_ids',
  },
  { case: "an existing network named instead of its ID", props: { ...withoutNetwork, existingNetwork: { ...EXISTING_NETWORK, vpc_id: "main" } }, variable: "existing_network", message: "existing_network must be null or give vpc_id" },
  { case: "an alert topic that is no SNS ARN", props: { alertSnsTopicArn: "alerts" }, variable: "alert_sns_topic_arn", message: 'alert_sns_topic_arn must be null or the ARN of an SNS topic, such as "arn:aws:sns:eu-west-1:123456789012:alerts"; got "alerts".' },
  {
    case: "a CDN without the load balancer's certificate",
    props: { cdn: { certificate_arn: CDN_CERTIFICATE_ARN } },
    variable: "cdn",
    message: "cdn must be null unless certificate_arn is set (behind CloudFront, Grafana's load balancer route is HTTPS only)",
  },
  {
    case: "a CDN certificate outside us-east-1",
    props: { certificateArn: CERTIFICATE_ARN, cdn: { certificate_arn: CERTIFICATE_ARN } },
    variable: "cdn",
    message: "cdn must be null or give certificate_arn as the ARN of an ACM certificate in us-east-1 (the only region CloudFront takes certificates from) and aliases as null or a list of one DNS name",
  },
  {
    case: "two CDN aliases",
    props: { certificateArn: CERTIFICATE_ARN, cdn: { certificate_arn: CDN_CERTIFICATE_ARN, aliases: ["grafana.lgtm.example.com", "grafana.example.com"] } },
    variable: "cdn",
    message: "cdn must be null or give certificate_arn as the ARN of an ACM certificate in us-east-1",
  },
  ...(
    [
      ["active_series", { active_series: 1.5, scrape_interval_seconds: 15 }, "a whole number from 1 to 100000000 series"],
      ["scrape_interval_seconds", { active_series: 1000, scrape_interval_seconds: 0 }, "a number from 1 to 3600 s"],
      ["logs_gb_per_day", { active_series: 1000, scrape_interval_seconds: 15, logs_gb_per_day: 40_000 }, "a number from 0 to 30000 GB/day"],
      ["traces_gb_per_day", { active_series: 1000, scrape_interval_seconds: 15, traces_gb_per_day: -1 }, "a number from 0 to 100000 GB/day"],
      ["profiles_per_second", { active_series: 1000, scrape_interval_seconds: 15, profiles_per_second: 2000 }, "a number from 0 to 1000 profiles/s"],
    ] as const
  ).map(([field, load, allowed]) => ({ case: `a load with a bad ${field}`, props: { load }, variable: "load", message: `load must be null or give ${field} as ${allowed}` })),
];
