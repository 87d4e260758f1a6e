import { join } from "node:path";
import { ModuleDefinition } from "../../lib/module-definition";
import { Alb } from "./alb";
import { albInputs, albRules } from "./inputs";
import { AlbProps } from "./props";

/** The alb construct as a published Terraform module. */
export const albModule: ModuleDefinition<AlbProps, Alb> = {
  name: "alb",
  summary: [
    "The stack's front door: an application load balancer with its own security group, one `ip` target group and one host/path " +
      "listener rule per route, a fixed 404 for everything else, and headers AWS deems invalid dropped. Routes marked `ingestion` " +
      "(push endpoints such as Mimir's `/api/v1/push`) carry a source-ip condition limited to `ingestion_cidrs`, the VPC's CIDR " +
      "unless you pass others, so they are never open to the internet by default.",
    "With `certificate_arn` it serves HTTPS on 443 with the TLS 1.3 policy `ELBSecurityPolicy-TLS13-1-2-2021-06` and redirects " +
      "80 to 443. **Without a certificate it serves plain HTTP on 80 only: that is for trials.** Passwords, tokens and telemetry " +
      "then cross the network unencrypted, and gRPC or HTTP/2 routes are refused (a load balancer speaks HTTP/2 only over HTTPS).",
    "Listener rule priorities: a route's `priority` (1-9999) is evaluated before every route without one. Without it the " +
      "priority is fixed by the route itself: 10000-19999 for exact paths, 20000-29999 for wildcard paths, 30000-39999 for `/*`, " +
      "plus a number hashed from the route key, so a catch-all never shadows a narrower route and adding or removing a route " +
      "never renumbers another. Two routes whose numbers collide are rejected at plan; give one of them a `priority`. Give " +
      "priorities to routes whose hosts and paths overlap within one of these groups.",
    "Target groups are named `<name>-<7 hex characters>`, a hash of the route key, port and protocol version, and created before " +
      "the old one is destroyed, so changing a port replaces a target group without downtime. Targets deregister in 30 seconds. " +
      "A GRPC route's health check calls a gRPC method (`health_check_path` such as `/AWS.ALB/healthcheck`) and accepts OK or " +
      "UNIMPLEMENTED, which is what a live server without a gRPC health service answers.",
    "The security group admits 80 (and 443 with a certificate) from `ingress_cidrs` and `ingestion_cidrs` only, and lets the " +
      "load balancer out only to the route ports inside the VPC's primary CIDR. With `access_logs`, the bucket's policy must " +
      "let the ELB log delivery service write to the prefix; this module does not create the bucket or its policy. " +
      "`certificate_arn` and `waf_acl_arn` decide which resources exist, so they must be known at plan: a literal, a variable " +
      "or a data source, not an attribute of a resource created in the same apply.",
    "**Behind CloudFront.** A route marked `cloudfront_only` (Grafana behind a CDN) answers only requests that carry " +
      "`cloudfront_origin_header`, the secret header the distribution adds to every origin request: its listener rule has an " +
      "`http-header` condition, so anything else gets the 404. A second security group then admits 443 from AWS's managed prefix " +
      "list `com.amazonaws.global.cloudfront.origin-facing`, which counts as 55 rules against a group's quota (60 inbound by " +
      "default): in a group of its own it leaves the main group's quota to the CIDRs. Such a route needs `certificate_arn`, and " +
      "an ingestion route can never be one: push endpoints do not go through the CDN. The header is a sensitive variable and in " +
      "no output, but its value is in the plan and state of the listener rules (as it is in the distribution's); the rule's " +
      "whole condition set shows as sensitive in plans. Whether a route is `cloudfront_only` must be known at plan.",
  ].join("\n\n"),
  props: { file: join(__dirname, "props.ts"), declaration: "AlbProps" },
  construct: { file: join(__dirname, "alb.ts"), declaration: "Alb" },
  inputs: albInputs,
  rules: albRules,
  create: (scope, id, props) => new Alb(scope, id, props),
  outputs: ["arn", "dnsName", "zoneId", "securityGroupId", "targetGroupArns", "listenerArns", "urls"],
};
