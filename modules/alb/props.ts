/** How the load balancer talks to a route's targets. */
export type ProtocolVersion = "HTTP1" | "HTTP2" | "GRPC";

/**
 * One route: requests for `host` and one of `paths` go to a target group of `port` on Fargate
 * tasks. Attribute names are the Terraform ones, because the map is handed to Terraform as it is.
 */
export interface AlbRoute {
  /** Host header to match, e.g. `grafana.example.com`; `*` and `?` are wildcards. */
  readonly host: string;
  /** Path patterns to match, each starting with `/`; default `["/*"]`. */
  readonly paths?: string[];
  /** Port the targets listen on. */
  readonly port: number;
  /** Health check path; default `/ready`. A GRPC route needs a gRPC method path such as `/AWS.ALB/healthcheck`. */
  readonly health_check_path?: string;
  /** `HTTP1` (default), `HTTP2` or `GRPC`; the last two need `certificate_arn`. */
  readonly protocol_version?: ProtocolVersion;
  /** A push endpoint: reachable only from `ingestion_cidrs`. */
  readonly ingestion?: boolean;
  /** Listener rule priority, 1–9999; absent, one is derived from the route's key and paths. */
  readonly priority?: number | null;
  /** Port of the health check when it is not `port`, e.g. Tempo's HTTP port 3200 for its OTLP receiver on 4318. */
  readonly health_check_port?: number | null;
  /** Reachable only through CloudFront: the rule also requires `cloudfront_origin_header`. Needs `certificate_arn`; never on an ingestion route. */
  readonly cloudfront_only?: boolean;
}

/**
 * The secret header a CloudFront distribution adds to every request it sends to the load balancer
 * (an origin custom header); requests without it match no `cloudfront_only` route.
 */
export interface CloudFrontOriginHeader {
  /** Header name, e.g. `X-Origin-Verify`. */
  readonly name: string;
  /** The secret value. */
  readonly value: string;
}

/** Where the load balancer writes its access logs. */
export interface AccessLogs {
  /** S3 bucket; its policy must let the ELB log delivery service write to it. */
  readonly bucket: string;
  /** Key prefix in the bucket, without leading or trailing `/`; default none. */
  readonly prefix?: string;
}

/** Inputs of the alb module. */
export interface AlbProps {
  /** Name of the load balancer and prefix of its target groups and security group: 2–24 lowercase letters, digits and hyphens, starting with a letter (target group names add 8 characters and AWS allows 32). */
  readonly name: string;
  /** ID of the VPC the load balancer and its targets live in; its primary CIDR is read to admit ingestion and to limit the load balancer's egress. */
  readonly vpcId: string;
  /** IDs of at least two subnets in different availability zones for the load balancer's nodes: public subnets for an internet-facing load balancer, private ones for an internal one. */
  readonly subnetIds: string[];
  /** Makes the load balancer internal (private addresses only) instead of internet-facing. */
  readonly internal?: boolean;
  /** ARN of an ACM (or IAM) certificate for HTTPS on 443 with a TLS 1.3 policy and HTTP on 80 redirected to it. `null` serves plain HTTP on 80 only, which is for trials: credentials and telemetry cross the network unencrypted. Must be known at plan (a literal, a variable or a data source), since it decides which listeners exist. */
  readonly certificateArn?: string | null;
  /** Routes by key: `host`, `paths` (default `["/*"]`), target `port`, `health_check_path` (default `/ready`; a GRPC route needs a gRPC method path such as `/AWS.ALB/healthcheck`), `protocol_version` (`HTTP1`, `HTTP2` or `GRPC`, the last two only with `certificate_arn`), `ingestion` (a push endpoint, reachable only from `ingestion_cidrs`), `priority` (1–9999, evaluated before every route without one; without it a fixed priority is derived from the key: exact paths first, then wildcard paths, then `/*`, so adding or removing a route never renumbers another), `health_check_port` (default: the target port; e.g. Tempo's HTTP port 3200 for its OTLP receiver on 4318, which serves no readiness path) and `cloudfront_only` (default false: reachable only through a CloudFront distribution that sends `cloudfront_origin_header`; needs `certificate_arn`, never on an ingestion route). Each route gets its own `ip` target group and listener rule; host, paths and, for ingestion routes, source CIDRs (for `cloudfront_only` routes, the origin header) together may hold at most 5 values. */
  readonly routes: Record<string, AlbRoute>;
  /** IPv4 CIDRs allowed to reach the load balancer's listeners, and so its non-ingestion routes. Leave out the VPC's own CIDR while `ingestion_cidrs` is null: it is admitted already, and AWS refuses the same rule twice. */
  readonly ingressCidrs?: string[];
  /** IPv4 CIDRs allowed to reach the ingestion routes (push endpoints), enforced by a source-ip condition on each; `null` is the VPC's primary CIDR, so push endpoints are never open to the internet unless `0.0.0.0/0` is passed on purpose. */
  readonly ingestionCidrs?: string[] | null;
  /** S3 bucket and key prefix for access logs; `null` turns them off. The module does not create the bucket: its policy must let the ELB log delivery service write to it. */
  readonly accessLogs?: AccessLogs | null;
  /** ARN of a regional WAFv2 web ACL to associate with the load balancer; `null` associates none. Must be known at plan, since it decides whether the association exists. */
  readonly wafAclArn?: string | null;
  /** Seconds a connection may stay idle before the load balancer closes it, 1–4000. */
  readonly idleTimeout?: number;
  /** Protects the load balancer from deletion through the AWS API (Terraform destroy included) until turned off. */
  readonly deletionProtection?: boolean;
  /** The header (`name`, `value`) a CloudFront distribution in front of the `cloudfront_only` routes adds to its requests, which their listener rules require; `null` when no route is `cloudfront_only`. The name is 1–40 letters, digits and hyphens; the value 16–128 letters, digits, `-` and `_`. Sensitive: it is in no output, but it is in the listener rules' plan and state, as it is in the distribution's. */
  readonly cloudfrontOriginHeader?: CloudFrontOriginHeader | null;
  /** Tags added to every resource. */
  readonly tags?: Record<string, string>;
}
