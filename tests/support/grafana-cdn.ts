import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Lazy, Testing } from "cdktf";
import { ReadableStack } from "../../lib/readable-stack";
import { Alb } from "../../modules/alb/alb";
import { GrafanaCdn } from "../../modules/lgtm/cdn/grafana-cdn";
import { GrafanaCdnProps } from "../../modules/lgtm/cdn/props";
import { BASE_ALB, BASE_ROUTES, CERTIFICATE_ARN } from "./alb";
import { BadInput } from "./module-calls";
import { TerraformJson } from "./synth";

export const CDN_CERTIFICATE_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
export const CDN_WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";

/** The minimal valid CDN props, in front of BASE_ALB's Grafana host. */
export const BASE_CDN: GrafanaCdnProps = {
  name: "lgtm-test",
  originDomainName: "lgtm-test-123456789.eu-west-1.elb.amazonaws.com",
  aliases: [BASE_ROUTES.grafana.host],
  certificateArn: CDN_CERTIFICATE_ARN,
};

/** Synthesizes a stack holding one GrafanaCdn with the given literal props, as an env would. */
export function synthCdn(props: GrafanaCdnProps): TerraformJson {
  const stack = new ReadableStack(Testing.app(), "test");
  new GrafanaCdn(stack, "cdn", props);
  return JSON.parse(Testing.synth(stack));
}

/**
 * An env root as the composition will build it: the load balancer with Grafana's route behind
 * CloudFront and the distribution in front of it. Each needs the other's output (the origin is the
 * load balancer's DNS name; its rule needs the distribution's header), so the origin is a lazy token.
 */
export function synthCdnComposition(cdnProps: Partial<GrafanaCdnProps> = {}): string {
  const stack = new ReadableStack(Testing.app(), "composition");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  let alb: Alb | undefined;
  const cdn = new GrafanaCdn(stack, "cdn", { ...BASE_CDN, originDomainName: Lazy.stringValue({ produce: () => alb!.dnsName }), ...cdnProps });
  alb = new Alb(stack, "alb", {
    ...BASE_ALB,
    certificateArn: CERTIFICATE_ARN,
    routes: { ...BASE_ROUTES, grafana: { ...BASE_ROUTES.grafana, cloudfront_only: true } },
    cloudfrontOriginHeader: { name: cdn.originHeaderName, value: cdn.originHeaderValue },
  });
  return Testing.synth(stack);
}

/** Bad inputs and the words of the error each must produce, in TypeScript and in HCL. */
export const BAD_CDN_INPUTS: BadInput<GrafanaCdnProps>[] = [
  {
    case: "an upper-case name",
    props: { name: "LGTM" },
    variable: "name",
    message: 'name must be 2-64 lowercase letters, digits and hyphens, starting with a letter; got "LGTM".',
  },
  {
    case: "a URL as the origin",
    props: { originDomainName: "https://lgtm.elb.amazonaws.com" },
    variable: "origin_domain_name",
    message: 'origin_domain_name must be the load balancer\'s DNS name, such as "lgtm-123456789.eu-west-1.elb.amazonaws.com" (lowercase labels joined by dots); got "https://lgtm.elb.amazonaws.com".',
  },
  {
    case: "no aliases",
    props: { aliases: [] },
    variable: "aliases",
    message: 'aliases must list 1 to 100 distinct DNS names of lowercase labels joined by dots, without wildcards, such as "grafana.example.com"; got [].',
  },
  { case: "a wildcard alias", props: { aliases: ["*.lgtm.example.com"] }, variable: "aliases", message: "aliases must list 1 to 100 distinct DNS names" },
  { case: "an alias twice", props: { aliases: ["grafana.example.com", "grafana.example.com"] }, variable: "aliases", message: "aliases must list 1 to 100 distinct DNS names" },
  { case: "an upper-case alias", props: { aliases: ["Grafana.example.com"] }, variable: "aliases", message: 'got ["Grafana.example.com"].' },
  {
    case: "a certificate from the load balancer's region",
    props: { certificateArn: CERTIFICATE_ARN },
    variable: "certificate_arn",
    message: `certificate_arn must be the ARN of an ACM certificate in us-east-1, the only region CloudFront takes certificates from; got "${CERTIFICATE_ARN}".`,
  },
  { case: "an IAM server certificate", props: { certificateArn: "arn:aws:iam::123456789012:server-certificate/grafana" }, variable: "certificate_arn", message: "in us-east-1" },
  { case: "an unknown price class", props: { priceClass: "PriceClass_300" as never }, variable: "price_class", message: 'price_class must be one of "PriceClass_100", "PriceClass_200", "PriceClass_All"; got "PriceClass_300".' },
  {
    case: "a regional web ACL",
    props: { webAclArn: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/lgtm/a1b2c3d4" },
    variable: "web_acl_arn",
    message: "web_acl_arn must be null or the ARN of a WAFv2 web ACL with CLOUDFRONT scope (arn:aws:wafv2:us-east-1:<account>:global/webacl/...)",
  },
  {
    case: "a log bucket given as its domain name",
    props: { accessLogs: { bucket: "lgtm-logs.s3.amazonaws.com" } },
    variable: "access_logs",
    message: 'access_logs must be null or name an S3 bucket (3-63 lowercase letters, digits, dots and hyphens; its name, not its domain name) and a prefix that does not start with "/"',
  },
  { case: "a log prefix with a leading slash", props: { accessLogs: { bucket: "lgtm-logs", prefix: "/cdn/" } }, variable: "access_logs", message: "access_logs must be null or name an S3 bucket" },
];
