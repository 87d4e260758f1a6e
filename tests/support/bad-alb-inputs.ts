import { AlbProps, AlbRoute } from "../../modules/alb/props";
import { BASE_ROUTES, CERTIFICATE_ARN, COLLIDING_KEYS, ORIGIN_HEADER } from "./alb";
import { BadInput } from "./module-calls";

const route = (changes: Partial<AlbRoute>): Record<string, AlbRoute> => ({ ...BASE_ROUTES, bad: { host: "bad.lgtm.example.com", port: 8080, ...changes } });
const GRPC: Partial<AlbRoute> = { protocol_version: "GRPC", health_check_path: "/AWS.ALB/healthcheck" };

/** Bad inputs and the words of the error each must produce, in TypeScript and (see tests/terraform) in HCL. */
export const BAD_ALB_INPUTS: BadInput<AlbProps>[] = [
  {
    case: "an upper-case name",
    props: { name: "Lgtm" },
    variable: "name",
    message:
      'name must be 2-24 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen and not starting with "internal-" (target group names add 8 characters and AWS allows 32); got "Lgtm".',
  },
  { case: "a name over 24 characters", props: { name: "a".repeat(25) }, variable: "name", message: "name must be 2-24 lowercase letters" },
  { case: "a name AWS reserves", props: { name: "internal-lgtm" }, variable: "name", message: 'not starting with "internal-"' },
  { case: "a VPC name instead of its ID", props: { vpcId: "main" }, variable: "vpc_id", message: 'vpc_id must be a VPC ID such as "vpc-0123456789abcdef0"; got "main".' },
  { case: "one subnet", props: { subnetIds: ["subnet-0a1b2c3d"] }, variable: "subnet_ids", message: "subnet_ids must list at least 2 distinct subnet IDs (in different availability zones)" },
  { case: "a subnet twice", props: { subnetIds: ["subnet-0a1b2c3d", "subnet-0a1b2c3d"] }, variable: "subnet_ids", message: "subnet_ids must list at least 2 distinct subnet IDs" },
  { case: "a certificate that is no ARN", props: { certificateArn: "lgtm.example.com" }, variable: "certificate_arn", message: 'certificate_arn must be null or the ARN of an ACM certificate (or an IAM server certificate); got "lgtm.example.com".' },
  { case: "no routes", props: { routes: {} }, variable: "routes", message: "routes must hold 1 to 100 routes (a load balancer takes 100 listener rules and target groups); got {}." },
  { case: "a host without a domain", props: { routes: route({ host: "grafana" }) }, variable: "routes", message: "routes must give each route a host of up to 128 letters" },
  { case: "a host ending in digits", props: { routes: route({ host: "grafana.example.123" }) }, variable: "routes", message: "routes must give each route a host of up to 128 letters" },
  { case: "a path without a slash", props: { routes: route({ paths: ["api/v1/push"] }) }, variable: "routes", message: 'routes must give each route at least one path pattern, each starting with "/"' },
  { case: "no paths", props: { routes: route({ paths: [] }) }, variable: "routes", message: "routes must give each route at least one path pattern" },
  { case: "a port above 65535", props: { routes: route({ port: 70000 }) }, variable: "routes", message: "routes must give each route a port, and any health_check_port, as whole numbers from 1 to 65535" },
  { case: "a health check port of 0", props: { routes: route({ health_check_port: 0 }) }, variable: "routes", message: "routes must give each route a port, and any health_check_port" },
  { case: "an unknown protocol version", props: { routes: route({ protocol_version: "HTTP3" as never }) }, variable: "routes", message: 'routes must give each route a protocol_version of "HTTP1", "HTTP2", "GRPC"' },
  { case: "a health check path without a slash", props: { routes: route({ health_check_path: "ready" }) }, variable: "routes", message: "routes must give each route a health_check_path" },
  {
    case: "a GRPC route checked on /ready",
    props: { certificateArn: CERTIFICATE_ARN, routes: route({ protocol_version: "GRPC" }) },
    variable: "routes",
    message: 'and a gRPC method "/package.service/method" for GRPC',
  },
  {
    case: "a GRPC route without a certificate",
    props: { routes: route(GRPC) },
    variable: "routes",
    message: 'routes must not use protocol_version "GRPC" or "HTTP2" without certificate_arn (a load balancer speaks HTTP/2, and so gRPC, only over HTTPS)',
  },
  { case: "an HTTP2 route without a certificate", props: { routes: route({ protocol_version: "HTTP2" }) }, variable: "routes", message: 'routes must not use protocol_version "GRPC" or "HTTP2" without certificate_arn' },
  { case: "a priority of 0", props: { routes: route({ priority: 0 }) }, variable: "routes", message: "routes must give priorities as whole numbers from 1 to 9999 (or none, for one derived from the route)" },
  { case: "a priority among the derived ones", props: { routes: route({ priority: 10000 }) }, variable: "routes", message: "routes must give priorities as whole numbers from 1 to 9999" },
  {
    case: "two routes with one priority",
    props: { routes: { ...route({ priority: 5 }), grafana: { ...BASE_ROUTES.grafana, priority: 5 } } },
    variable: "routes",
    message: "routes must have distinct listener rule priorities (where two derived priorities collide, give one of the routes an explicit priority)",
  },
  {
    case: "two derived priorities that collide",
    props: { routes: Object.fromEntries(COLLIDING_KEYS.map((key) => [key, { host: `${key}.lgtm.example.com`, paths: ["/api"], port: 8080 }])) },
    variable: "routes",
    message: "routes must have distinct listener rule priorities",
  },
  {
    case: "an ingestion route with 4 paths",
    props: { routes: route({ paths: ["/a", "/b", "/c", "/d"], ingestion: true }) },
    variable: "routes",
    message:
      "routes must keep each route's host, paths and (for ingestion routes) ingestion_cidrs or (for cloudfront_only routes) the origin header within 5 condition values, the most one listener rule takes",
  },
  {
    case: "an ingestion route with 2 paths and 3 ingestion CIDRs",
    props: { ingestionCidrs: ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"], routes: route({ paths: ["/a", "/b"], ingestion: true }) },
    variable: "routes",
    message: "within 5 condition values",
  },
  {
    case: "a cloudfront_only route with 4 paths",
    props: { certificateArn: CERTIFICATE_ARN, cloudfrontOriginHeader: ORIGIN_HEADER, routes: route({ paths: ["/a", "/b", "/c", "/d"], cloudfront_only: true }) },
    variable: "routes",
    message: "or (for cloudfront_only routes) the origin header within 5 condition values",
  },
  {
    case: "an ingestion route behind CloudFront",
    props: { certificateArn: CERTIFICATE_ARN, cloudfrontOriginHeader: ORIGIN_HEADER, routes: route({ paths: ["/api/v1/push"], ingestion: true, cloudfront_only: true }) },
    variable: "routes",
    message: "routes must not mark an ingestion route cloudfront_only (push endpoints never go through the CDN)",
  },
  {
    case: "a cloudfront_only route without a certificate",
    props: { cloudfrontOriginHeader: ORIGIN_HEADER, routes: route({ cloudfront_only: true }) },
    variable: "routes",
    message: "routes must not mark a route cloudfront_only without certificate_arn (CloudFront reaches such a route over HTTPS only)",
  },
  {
    case: "a cloudfront_only route without the origin header",
    props: { certificateArn: CERTIFICATE_ARN, routes: route({ cloudfront_only: true }) },
    variable: "routes",
    message: "routes must not mark a route cloudfront_only without cloudfront_origin_header (the header is what tells CloudFront's requests from anyone else's)",
  },
  {
    case: "an origin header value too short to be a secret",
    props: { cloudfrontOriginHeader: { name: "X-Origin-Verify", value: "hunter2" } },
    variable: "cloudfront_origin_header",
    message: 'cloudfront_origin_header must be null or hold a name of 1-40 letters, digits and hyphens and a value of 16-128 letters, digits, "-" and "_"; got (sensitive value).',
  },
  {
    case: "an origin header value with a wildcard",
    props: { cloudfrontOriginHeader: { name: "X-Origin-Verify", value: "Q3ZpbGVudE9yaWdpb*NlY3JldDEyMzQ1" } },
    variable: "cloudfront_origin_header",
    message: "cloudfront_origin_header must be null or hold a name of 1-40 letters",
  },
  { case: "an origin header name with a space", props: { cloudfrontOriginHeader: { ...ORIGIN_HEADER, name: "X Origin" } }, variable: "cloudfront_origin_header", message: "cloudfront_origin_header must be null" },
  {
    case: "six wildcards in one route",
    props: { routes: route({ host: "*.*.lgtm.example.com", paths: ["/a*b*", "/c*?"] }) },
    variable: "routes",
    message: 'routes must keep each route\'s host and paths within 5 wildcards ("*" or "?"), the most one listener rule takes',
  },
  { case: "a host address as ingress", props: { ingressCidrs: ["10.0.0.1/16"] }, variable: "ingress_cidrs", message: 'ingress_cidrs must list distinct IPv4 networks in CIDR notation such as "10.0.0.0/16"; got ["10.0.0.1/16"].' },
  { case: "an ingress CIDR twice", props: { ingressCidrs: ["0.0.0.0/0", "0.0.0.0/0"] }, variable: "ingress_cidrs", message: "ingress_cidrs must list distinct IPv4 networks" },
  { case: "no ingestion CIDR", props: { ingestionCidrs: [] }, variable: "ingestion_cidrs", message: "ingestion_cidrs must list distinct IPv4 networks in CIDR notation such as \"10.0.0.0/16\", at least one (or be null for the VPC's CIDR); got []." },
  { case: "an ingestion CIDR out of range", props: { ingestionCidrs: ["300.0.0.0/8"] }, variable: "ingestion_cidrs", message: "ingestion_cidrs must list distinct IPv4 networks" },
  {
    case: "an upper-case log bucket",
    props: { accessLogs: { bucket: "Logs_Bucket" } },
    variable: "access_logs",
    message: 'access_logs must be null or name an S3 bucket (3-63 lowercase letters, digits, dots and hyphens) and a prefix that neither starts nor ends with "/" nor contains "AWSLogs"',
  },
  { case: "a log prefix with a leading slash", props: { accessLogs: { bucket: "lgtm-logs", prefix: "/alb" } }, variable: "access_logs", message: "access_logs must be null or name an S3 bucket" },
  { case: "a log prefix naming AWSLogs", props: { accessLogs: { bucket: "lgtm-logs", prefix: "AWSLogs/alb" } }, variable: "access_logs", message: "access_logs must be null or name an S3 bucket" },
  {
    case: "a CloudFront web ACL",
    props: { wafAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/a1b2c3d4" },
    variable: "waf_acl_arn",
    message: "waf_acl_arn must be null or the ARN of a regional WAFv2 web ACL",
  },
  { case: "an idle timeout of 0", props: { idleTimeout: 0 }, variable: "idle_timeout", message: "idle_timeout must be a whole number of seconds from 1 to 4000; got 0." },
  { case: "an idle timeout over 4000", props: { idleTimeout: 4001 }, variable: "idle_timeout", message: "idle_timeout must be a whole number of seconds from 1 to 4000" },
];
