/** Which CloudFront edge locations serve viewers (and what they cost). */
export type PriceClass = "PriceClass_100" | "PriceClass_200" | "PriceClass_All";

/** Where CloudFront writes its standard (legacy) access logs. */
export interface CdnAccessLogs {
  /** Name of the S3 bucket; it must have ACLs enabled (object ownership not `BucketOwnerEnforced`), since CloudFront's log delivery writes through an ACL grant. */
  readonly bucket: string;
  /** Key prefix in the bucket, e.g. `cloudfront/`; default none. */
  readonly prefix?: string;
}

/** Inputs of the Grafana CDN: a CloudFront distribution in front of the load balancer's Grafana route. */
export interface GrafanaCdnProps {
  /** Name of the stack, e.g. `lgtm-prod`: 2–64 lowercase letters, digits and hyphens, starting with a letter. The origin header's secret is `<name>/grafana/cloudfront-origin-header`. */
  readonly name: string;
  /** DNS name of the load balancer (the alb's `dns_name`), CloudFront's only origin. Not Grafana's host: that name resolves to CloudFront itself. */
  readonly originDomainName: string;
  /** The names viewers open Grafana at, e.g. `["grafana.example.com"]`: 1–100 distinct lowercase DNS names, no wildcards. CloudFront forwards the viewer's `Host`, so the load balancer's Grafana route must match each of them (its `host`, marked `cloudfront_only`) and the load balancer's certificate must cover them; Grafana's `root_url` should be one of them. Point each at `domain_name` with a Route 53 alias (`hosted_zone_id`) or a CNAME. */
  readonly aliases: string[];
  /** ARN of an ACM certificate in us-east-1 (the only region CloudFront takes certificates from) covering every alias. */
  readonly certificateArn: string;
  /** `PriceClass_100` (North America, Europe, Israel), `PriceClass_200` (adds Asia including Korea and Japan, the Middle East and Africa) or `PriceClass_All` (adds South America and Oceania); viewers elsewhere are served from the nearest included edge. */
  readonly priceClass?: PriceClass;
  /** ARN of a WAFv2 web ACL with CLOUDFRONT scope (created in us-east-1) to protect the distribution; `null` associates none. */
  readonly webAclArn?: string | null;
  /** S3 bucket and key prefix for CloudFront's standard access logs; `null` turns them off. The bucket must have ACLs enabled. */
  readonly accessLogs?: CdnAccessLogs | null;
  /** Tags added to every resource. */
  readonly tags?: Record<string, string>;
}
