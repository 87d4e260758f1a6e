import { InputRule, InputSpecs } from "../../lib/inputs";
import { isNetworkAddress, parseCidr } from "../../lib/ipv4";
import { objectType, withObjectDefaults } from "../../lib/object-type";
import { AccessLogs, AlbProps } from "./props";
import { CompleteRoute, EXPLICIT_PRIORITY, ROUTE_SPEC, completeRoutes, priorityHcl, priorityOf } from "./route-spec";

const ACCESS_LOGS_SPEC = { bucket: { type: "string" }, prefix: { type: "string", default: "" } };
const ORIGIN_HEADER_SPEC = { name: { type: "string" }, value: { type: "string" } };

export const albInputs: InputSpecs<AlbProps> = {
  name: { type: "string" },
  vpcId: { type: "string" },
  subnetIds: { type: "list(string)" },
  internal: { type: "bool", default: false },
  certificateArn: { type: "string", default: null },
  routes: { type: `map(${objectType(ROUTE_SPEC)})` },
  ingressCidrs: { type: "list(string)", default: ["0.0.0.0/0"] },
  ingestionCidrs: { type: "list(string)", default: null },
  accessLogs: { type: objectType(ACCESS_LOGS_SPEC), default: null },
  wafAclArn: { type: "string", default: null },
  idleTimeout: { type: "number", default: 60 },
  deletionProtection: { type: "bool", default: false },
  cloudfrontOriginHeader: { type: objectType(ORIGIN_HEADER_SPEC), default: null, sensitive: true },
  tags: { type: "map(string)", default: {} },
};

/** Access logs of literal props with the prefix default filled in. */
export function completeAccessLogs(accessLogs: AccessLogs | null): Required<AccessLogs> | null {
  return withObjectDefaults(accessLogs, ACCESS_LOGS_SPEC) as Required<AccessLogs> | null;
}

// ALB quotas and formats (Elastic Load Balancing user guide: quotas, listener rule conditions,
// target group health checks); each would otherwise fail only at apply.
const MAX_ROUTES = 100;
const MAX_CONDITION_VALUES = 5;
const MAX_WILDCARDS = 5;
const MAX_IDLE_TIMEOUT = 4000;
/** Protocol versions that need HTTP/2 from the client, which an ALB speaks only over HTTPS. */
const HTTP2_ONLY = ["HTTP2", "GRPC"];
const PROTOCOL_VERSIONS = ["HTTP1", ...HTTP2_ONLY];

const NAME_PATTERN = "^[a-z][a-z0-9-]{0,22}[a-z0-9]$";
const VPC_ID_PATTERN = "^vpc-[0-9a-f]+$";
const SUBNET_ID_PATTERN = "^subnet-[0-9a-f]+$";
const CERTIFICATE_PATTERN = "^arn:aws[a-z-]*:(acm:[a-z0-9-]+:[0-9]{12}:certificate/.+|iam::[0-9]{12}:server-certificate/.+)$";
const WEB_ACL_PATTERN = "^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:[0-9]{12}:regional/webacl/[^/]+/[^/]+$";
/** Host conditions: at least one dot, only letters after the last one (and 128 characters at most). */
const HOST_PATTERN = "^[A-Za-z0-9_.*?-]*[.][A-Za-z]+$";
const MAX_HOST_LENGTH = 128;
/** Path conditions: up to 128 characters of these. */
const PATH_PATTERN = "^/[A-Za-z0-9_.$/~\"'@:+&*?-]{0,127}$";
const HTTP_HEALTH_PATH_PATTERN = "^/[^\\s]*$";
const MAX_HEALTH_PATH_LENGTH = 1024;
/** A GRPC health check calls a gRPC method: /package.service/method. */
const GRPC_HEALTH_PATH_PATTERN = "^/[A-Za-z0-9_.]+/[A-Za-z0-9_]+$";
const BUCKET_PATTERN = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";
/** http-header conditions: a name of up to 40 characters; a value without wildcards, long enough to be a secret. */
const HEADER_NAME_PATTERN = "^[A-Za-z0-9-]{1,40}$";
const HEADER_SECRET_PATTERN = "^[A-Za-z0-9_-]{16,128}$";

const hclString = (text: string) => JSON.stringify(text);
const matches = (pattern: string, value: string) => new RegExp(pattern).test(value);
const isCidr = (text: string) => {
  const cidr = parseCidr(text);
  return !!cidr && isNetworkAddress(cidr);
};
const CIDR_HCL = (x: string) => `can(regex("^[0-9.]+/[0-9]+$", ${x})) && cidrsubnet(${x}, 0, 0) == ${x}`;

function everyRoute(p: Required<AlbProps>, check: (route: CompleteRoute, key: string) => boolean): boolean {
  return completeRoutes(p.routes).every(([key, route]) => check(route, key));
}
/** HCL true when `check` (over `r`, and `k` for the key) holds for every route. */
const everyRouteHcl = (check: string) => `alltrue([for k, r in var.routes : ${check}])`;

function cidrListRule(input: "ingressCidrs" | "ingestionCidrs", variable: string, nullable: boolean): InputRule<AlbProps> {
  const condition = `length(distinct(${variable})) == length(${variable}) && alltrue([for c in ${variable} : try(${CIDR_HCL("c")}, false)])`;
  return {
    input,
    allowed: `must list distinct IPv4 networks in CIDR notation such as "10.0.0.0/16"${nullable ? ", at least one (or be null for the VPC's CIDR)" : ""}`,
    valid: (p) => {
      const cidrs = p[input];
      if (cidrs === null) return nullable;
      return (!nullable || cidrs.length > 0) && new Set(cidrs).size === cidrs.length && cidrs.every(isCidr);
    },
    condition: nullable ? `${variable} == null ? true : length(${variable}) > 0 && ${condition}` : condition,
  };
}

const ingestionCidrCount = (p: Required<AlbProps>) => (p.ingestionCidrs === null ? 1 : p.ingestionCidrs.length);

export const albRules: InputRule<AlbProps>[] = [
  {
    input: "name",
    allowed:
      'must be 2-24 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen and not starting with "internal-" ' +
      "(target group names add 8 characters and AWS allows 32)",
    valid: (p) => matches(NAME_PATTERN, p.name) && !p.name.startsWith("internal-"),
    condition: `can(regex(${hclString(NAME_PATTERN)}, var.name)) && !startswith(var.name, "internal-")`,
  },
  {
    input: "vpcId",
    allowed: 'must be a VPC ID such as "vpc-0123456789abcdef0"',
    valid: (p) => matches(VPC_ID_PATTERN, p.vpcId),
    condition: `can(regex(${hclString(VPC_ID_PATTERN)}, var.vpc_id))`,
  },
  {
    input: "subnetIds",
    allowed: "must list at least 2 distinct subnet IDs (in different availability zones)",
    valid: (p) => p.subnetIds.length >= 2 && new Set(p.subnetIds).size === p.subnetIds.length && p.subnetIds.every((id) => matches(SUBNET_ID_PATTERN, id)),
    condition:
      `length(var.subnet_ids) >= 2 && length(distinct(var.subnet_ids)) == length(var.subnet_ids) && ` +
      `alltrue([for id in var.subnet_ids : can(regex(${hclString(SUBNET_ID_PATTERN)}, id))])`,
  },
  {
    input: "certificateArn",
    allowed: "must be null or the ARN of an ACM certificate (or an IAM server certificate)",
    valid: (p) => p.certificateArn === null || matches(CERTIFICATE_PATTERN, p.certificateArn),
    condition: `var.certificate_arn == null ? true : can(regex(${hclString(CERTIFICATE_PATTERN)}, var.certificate_arn))`,
  },
  {
    input: "routes",
    allowed: `must hold 1 to ${MAX_ROUTES} routes (a load balancer takes ${MAX_ROUTES} listener rules and target groups)`,
    valid: (p) => Object.keys(p.routes).length >= 1 && Object.keys(p.routes).length <= MAX_ROUTES,
    condition: `length(var.routes) >= 1 && length(var.routes) <= ${MAX_ROUTES}`,
  },
  {
    input: "routes",
    allowed: 'must give each route a host of up to 128 letters, digits, "-", "_", "." and wildcards "*" "?", with at least one dot and only letters after the last',
    valid: (p) => everyRoute(p, (r) => matches(HOST_PATTERN, r.host) && r.host.length <= MAX_HOST_LENGTH),
    condition: everyRouteHcl(`can(regex(${hclString(HOST_PATTERN)}, r.host)) && length(r.host) <= ${MAX_HOST_LENGTH}`),
  },
  {
    input: "routes",
    allowed: "must give each route at least one path pattern, each starting with \"/\" and up to 128 characters (letters, digits, _-.$/~\"'@:+& and wildcards * ?)",
    valid: (p) => everyRoute(p, (r) => r.paths.length > 0 && r.paths.every((path) => matches(PATH_PATTERN, path))),
    condition: everyRouteHcl(`length(r.paths) > 0 && alltrue([for path in r.paths : can(regex(${hclString(PATH_PATTERN)}, path))])`),
  },
  {
    input: "routes",
    allowed: "must give each route a port, and any health_check_port, as whole numbers from 1 to 65535",
    valid: (p) => everyRoute(p, (r) => [r.port, r.health_check_port ?? r.port].every((port) => Number.isInteger(port) && port >= 1 && port <= 65535)),
    condition: everyRouteHcl(`alltrue([for port in [r.port, coalesce(r.health_check_port, r.port)] : floor(port) == port && port >= 1 && port <= 65535])`),
  },
  {
    input: "routes",
    allowed: `must give each route a protocol_version of ${PROTOCOL_VERSIONS.map((v) => JSON.stringify(v)).join(", ")}`,
    valid: (p) => everyRoute(p, (r) => PROTOCOL_VERSIONS.includes(r.protocol_version)),
    condition: everyRouteHcl(`contains(${JSON.stringify(PROTOCOL_VERSIONS)}, r.protocol_version)`),
  },
  {
    input: "routes",
    allowed:
      'must give each route a health_check_path: a URL path starting with "/" for HTTP1 and HTTP2, and a gRPC method "/package.service/method" for GRPC ' +
      '(such as "/AWS.ALB/healthcheck", which a live gRPC server answers with UNIMPLEMENTED, a code the health check accepts)',
    valid: (p) =>
      everyRoute(
        p,
        (r) => matches(r.protocol_version === "GRPC" ? GRPC_HEALTH_PATH_PATTERN : HTTP_HEALTH_PATH_PATTERN, r.health_check_path) && r.health_check_path.length <= MAX_HEALTH_PATH_LENGTH,
      ),
    condition: everyRouteHcl(
      `can(regex(r.protocol_version == "GRPC" ? ${hclString(GRPC_HEALTH_PATH_PATTERN)} : ${hclString(HTTP_HEALTH_PATH_PATTERN)}, r.health_check_path)) && length(r.health_check_path) <= ${MAX_HEALTH_PATH_LENGTH}`,
    ),
  },
  {
    input: "routes",
    reads: ["certificateArn"],
    allowed: 'must not use protocol_version "GRPC" or "HTTP2" without certificate_arn (a load balancer speaks HTTP/2, and so gRPC, only over HTTPS)',
    valid: (p) => p.certificateArn !== null || everyRoute(p, (r) => !HTTP2_ONLY.includes(r.protocol_version)),
    condition: `var.certificate_arn != null || ${everyRouteHcl(`!contains(${JSON.stringify(HTTP2_ONLY)}, r.protocol_version)`)}`,
  },
  {
    input: "routes",
    allowed: `must give priorities as whole numbers from ${EXPLICIT_PRIORITY.min} to ${EXPLICIT_PRIORITY.max} (or none, for one derived from the route)`,
    valid: (p) => everyRoute(p, (r) => r.priority === null || (Number.isInteger(r.priority) && r.priority >= EXPLICIT_PRIORITY.min && r.priority <= EXPLICIT_PRIORITY.max)),
    condition: everyRouteHcl(`r.priority == null ? true : floor(r.priority) == r.priority && r.priority >= ${EXPLICIT_PRIORITY.min} && r.priority <= ${EXPLICIT_PRIORITY.max}`),
  },
  {
    input: "routes",
    allowed: "must have distinct listener rule priorities (where two derived priorities collide, give one of the routes an explicit priority)",
    valid: (p) => {
      const priorities = completeRoutes(p.routes).map(([key, route]) => priorityOf(key, route));
      return new Set(priorities).size === priorities.length;
    },
    condition: `length(distinct([for k, r in var.routes : ${priorityHcl("k", "r")}])) == length(var.routes)`,
  },
  {
    input: "routes",
    reads: ["ingestionCidrs"],
    allowed:
      `must keep each route's host, paths and (for ingestion routes) ingestion_cidrs or (for cloudfront_only routes) the origin header ` +
      `within ${MAX_CONDITION_VALUES} condition values, the most one listener rule takes`,
    valid: (p) => everyRoute(p, (r) => 1 + r.paths.length + (r.ingestion ? ingestionCidrCount(p) : 0) + (r.cloudfront_only ? 1 : 0) <= MAX_CONDITION_VALUES),
    condition: everyRouteHcl(
      `1 + length(r.paths) + (r.ingestion ? (var.ingestion_cidrs == null ? 1 : length(var.ingestion_cidrs)) : 0) + (r.cloudfront_only ? 1 : 0) <= ${MAX_CONDITION_VALUES}`,
    ),
  },
  {
    input: "routes",
    allowed: "must not mark an ingestion route cloudfront_only (push endpoints never go through the CDN)",
    valid: (p) => everyRoute(p, (r) => !(r.ingestion && r.cloudfront_only)),
    condition: everyRouteHcl("!(r.ingestion && r.cloudfront_only)"),
  },
  {
    input: "routes",
    reads: ["certificateArn"],
    allowed: "must not mark a route cloudfront_only without certificate_arn (CloudFront reaches such a route over HTTPS only)",
    valid: (p) => p.certificateArn !== null || everyRoute(p, (r) => !r.cloudfront_only),
    condition: `var.certificate_arn != null || ${everyRouteHcl("!r.cloudfront_only")}`,
  },
  {
    input: "routes",
    reads: ["cloudfrontOriginHeader"],
    allowed: "must not mark a route cloudfront_only without cloudfront_origin_header (the header is what tells CloudFront's requests from anyone else's)",
    valid: (p) => p.cloudfrontOriginHeader !== null || everyRoute(p, (r) => !r.cloudfront_only),
    condition: `var.cloudfront_origin_header != null || ${everyRouteHcl("!r.cloudfront_only")}`,
  },
  {
    input: "routes",
    allowed: `must keep each route's host and paths within ${MAX_WILDCARDS} wildcards ("*" or "?"), the most one listener rule takes`,
    valid: (p) => everyRoute(p, (r) => [r.host, ...r.paths].join("").replace(/[^*?]/g, "").length <= MAX_WILDCARDS),
    condition: everyRouteHcl(`length(regexall("[*?]", join("", concat([r.host], r.paths)))) <= ${MAX_WILDCARDS}`),
  },
  cidrListRule("ingressCidrs", "var.ingress_cidrs", false),
  cidrListRule("ingestionCidrs", "var.ingestion_cidrs", true),
  {
    input: "accessLogs",
    allowed: 'must be null or name an S3 bucket (3-63 lowercase letters, digits, dots and hyphens) and a prefix that neither starts nor ends with "/" nor contains "AWSLogs"',
    valid: (p) => {
      const logs = completeAccessLogs(p.accessLogs);
      return logs === null || (matches(BUCKET_PATTERN, logs.bucket) && !/^\/|\/$/.test(logs.prefix) && !logs.prefix.includes("AWSLogs"));
    },
    condition:
      `var.access_logs == null ? true : can(regex(${hclString(BUCKET_PATTERN)}, var.access_logs.bucket)) && ` +
      `!startswith(var.access_logs.prefix, "/") && !endswith(var.access_logs.prefix, "/") && !strcontains(var.access_logs.prefix, "AWSLogs")`,
  },
  {
    input: "wafAclArn",
    allowed: "must be null or the ARN of a regional WAFv2 web ACL",
    valid: (p) => p.wafAclArn === null || matches(WEB_ACL_PATTERN, p.wafAclArn),
    condition: `var.waf_acl_arn == null ? true : can(regex(${hclString(WEB_ACL_PATTERN)}, var.waf_acl_arn))`,
  },
  {
    input: "cloudfrontOriginHeader",
    allowed: 'must be null or hold a name of 1-40 letters, digits and hyphens and a value of 16-128 letters, digits, "-" and "_"',
    valid: (p) => {
      const header = p.cloudfrontOriginHeader;
      return header === null || (matches(HEADER_NAME_PATTERN, header.name) && matches(HEADER_SECRET_PATTERN, header.value));
    },
    condition:
      `var.cloudfront_origin_header == null ? true : can(regex(${hclString(HEADER_NAME_PATTERN)}, var.cloudfront_origin_header.name)) && ` +
      `can(regex(${hclString(HEADER_SECRET_PATTERN)}, var.cloudfront_origin_header.value))`,
  },
  {
    input: "idleTimeout",
    allowed: `must be a whole number of seconds from 1 to ${MAX_IDLE_TIMEOUT}`,
    valid: (p) => Number.isInteger(p.idleTimeout) && p.idleTimeout >= 1 && p.idleTimeout <= MAX_IDLE_TIMEOUT,
    condition: `floor(var.idle_timeout) == var.idle_timeout && var.idle_timeout >= 1 && var.idle_timeout <= ${MAX_IDLE_TIMEOUT}`,
  },
];
