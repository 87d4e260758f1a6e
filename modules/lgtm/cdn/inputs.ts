import { InputRule, InputSpecs } from "../../../lib/inputs";
import { objectType, withObjectDefaults } from "../../../lib/object-type";
import { oneOf } from "../../../lib/rules";
import { CdnAccessLogs, GrafanaCdnProps } from "./props";

const ACCESS_LOGS_SPEC = { bucket: { type: "string" }, prefix: { type: "string", default: "" } };

/**
 * PriceClass_200 by default: with 100 a team in Seoul or Tokyo (the project prices ap-northeast-2)
 * would reach Grafana through North American or European edges, slower than without a CDN. Grafana's
 * traffic is small, so the dearer edges cost little.
 */
export const DEFAULT_PRICE_CLASS = "PriceClass_200";

export const grafanaCdnInputs: InputSpecs<GrafanaCdnProps> = {
  name: { type: "string" },
  originDomainName: { type: "string" },
  aliases: { type: "list(string)" },
  certificateArn: { type: "string" },
  priceClass: { type: "string", default: DEFAULT_PRICE_CLASS },
  webAclArn: { type: "string", default: null },
  accessLogs: { type: objectType(ACCESS_LOGS_SPEC), default: null },
  tags: { type: "map(string)", default: {} },
};

/** Access logs of literal props with the prefix default filled in. */
export function completeAccessLogs(logs: CdnAccessLogs | null): Required<CdnAccessLogs> | null {
  return withObjectDefaults(logs, ACCESS_LOGS_SPEC) as Required<CdnAccessLogs> | null;
}

const NAME_PATTERN = "^[a-z][a-z0-9-]{1,63}$";
/** A DNS name: lowercase labels of 1-63 letters, digits and hyphens (none at either end), ending in a top-level domain of letters. */
export const DNS_NAME_PATTERN = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?[.])+[a-z]{2,63}$";
export const MAX_DNS_NAME = 253;
/** CloudFront quota: alternate domain names per distribution. */
const MAX_ALIASES = 100;
/** CloudFront reads viewer certificates from ACM in us-east-1 only. */
export const CERTIFICATE_PATTERN = "^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$";
/** A web ACL for CloudFront has CLOUDFRONT scope: `global/` in its ARN, created in us-east-1. */
const WEB_ACL_PATTERN = "^arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global/webacl/[^/]+/[^/]+$";
const BUCKET_PATTERN = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";

const hclString = (text: string) => JSON.stringify(text);
const matches = (pattern: string, value: string) => new RegExp(pattern).test(value);
export const isDnsName = (name: string) => name.length <= MAX_DNS_NAME && matches(DNS_NAME_PATTERN, name);
export const DNS_NAME_HCL = (x: string) => `length(${x}) <= ${MAX_DNS_NAME} && can(regex(${hclString(DNS_NAME_PATTERN)}, ${x}))`;

export const grafanaCdnRules: InputRule<GrafanaCdnProps>[] = [
  {
    input: "name",
    allowed: "must be 2-64 lowercase letters, digits and hyphens, starting with a letter",
    valid: (p) => matches(NAME_PATTERN, p.name),
    condition: `can(regex(${hclString(NAME_PATTERN)}, var.name))`,
  },
  {
    input: "originDomainName",
    allowed: 'must be the load balancer\'s DNS name, such as "lgtm-123456789.eu-west-1.elb.amazonaws.com" (lowercase labels joined by dots)',
    valid: (p) => isDnsName(p.originDomainName),
    condition: DNS_NAME_HCL("var.origin_domain_name"),
  },
  {
    input: "aliases",
    allowed: `must list 1 to ${MAX_ALIASES} distinct DNS names of lowercase labels joined by dots, without wildcards, such as "grafana.example.com"`,
    valid: (p) => p.aliases.length >= 1 && p.aliases.length <= MAX_ALIASES && new Set(p.aliases).size === p.aliases.length && p.aliases.every(isDnsName),
    condition:
      `length(var.aliases) >= 1 && length(var.aliases) <= ${MAX_ALIASES} && length(distinct(var.aliases)) == length(var.aliases) && ` +
      `alltrue([for a in var.aliases : ${DNS_NAME_HCL("a")}])`,
  },
  {
    input: "certificateArn",
    allowed: "must be the ARN of an ACM certificate in us-east-1, the only region CloudFront takes certificates from",
    valid: (p) => matches(CERTIFICATE_PATTERN, p.certificateArn),
    condition: `can(regex(${hclString(CERTIFICATE_PATTERN)}, var.certificate_arn))`,
  },
  oneOf("priceClass", ["PriceClass_100", "PriceClass_200", "PriceClass_All"]),
  {
    input: "webAclArn",
    allowed: "must be null or the ARN of a WAFv2 web ACL with CLOUDFRONT scope (arn:aws:wafv2:us-east-1:<account>:global/webacl/...)",
    valid: (p) => p.webAclArn === null || matches(WEB_ACL_PATTERN, p.webAclArn),
    condition: `var.web_acl_arn == null ? true : can(regex(${hclString(WEB_ACL_PATTERN)}, var.web_acl_arn))`,
  },
  {
    input: "accessLogs",
    allowed: 'must be null or name an S3 bucket (3-63 lowercase letters, digits, dots and hyphens; its name, not its domain name) and a prefix that does not start with "/"',
    valid: (p) => {
      const logs = completeAccessLogs(p.accessLogs);
      return logs === null || (matches(BUCKET_PATTERN, logs.bucket) && !logs.bucket.endsWith(".amazonaws.com") && !logs.prefix.startsWith("/"));
    },
    condition:
      `var.access_logs == null ? true : can(regex(${hclString(BUCKET_PATTERN)}, var.access_logs.bucket)) && ` +
      `!endswith(var.access_logs.bucket, ".amazonaws.com") && !startswith(var.access_logs.prefix, "/")`,
  },
];
