import { ImageSource } from "../ecs-fargate/image-source";
import { LgtmLoadInput } from "../ecs-fargate/lgtm/sizing/load";
import { CdnAccessLogs, PriceClass } from "./cdn/props";
import { LgtmProfileName } from "./profiles";

/** A VPC the team already has, used instead of creating one. Attribute names are Terraform's. */
export interface ExistingNetwork {
  /** ID of the VPC, e.g. `vpc-0a1b2c3d4e5f67890`; must be known at plan (its CIDR is read to admit pushes from inside it). */
  readonly vpc_id: string;
  /** At least two subnets in different AZs with a route to an internet gateway, for the load balancer. */
  readonly public_subnet_ids: string[];
  /** Subnets without public IPs, for the Fargate tasks and Grafana's file system (at most one per AZ); they need a way to ECR, CloudWatch Logs and S3 (NAT or endpoints). */
  readonly private_subnet_ids: string[];
}

/** CloudFront in front of Grafana. Attribute names are Terraform's. */
export interface LgtmCdn {
  /** ARN of an ACM certificate in us-east-1 (the only region CloudFront takes certificates from) covering Grafana's host. */
  readonly certificate_arn: string;
  /** Grafana's host behind CloudFront, as a list of one name (CloudFront's `aliases`); null is `grafana.<domain>`. One name, because the load balancer routes one host to Grafana and CloudFront forwards the viewer's `Host`; `certificate_arn` (the load balancer's) must cover it too. */
  readonly aliases?: string[] | null;
  /** `PriceClass_100`, `PriceClass_200` (default: adds Asia, including Korea and Japan) or `PriceClass_All`. */
  readonly price_class?: PriceClass;
  /** ARN of a WAFv2 web ACL with CLOUDFRONT scope (created in us-east-1); null for none. */
  readonly web_acl_arn?: string | null;
  /** S3 bucket (with ACLs enabled) and key prefix for CloudFront's standard access logs; null for none. */
  readonly access_logs?: CdnAccessLogs | null;
}

/** Inputs of the whole-stack module. */
export interface LgtmProps {
  /** Name of the stack and prefix of its resources' names (the VPC, load balancer, cluster, secrets; the bucket is `<name>-<account>-<region>`): 2-24 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen. */
  readonly name: string;
  /** IPv4 CIDR of the VPC the stack creates, e.g. `10.20.0.0/16` (/16 to /24). Required unless `existing_network` is given, and must then be null. */
  readonly cidr?: string | null;
  /** Availability zones of the VPC the stack creates, 2 to 6, e.g. `["eu-west-1a", "eu-west-1b", "eu-west-1c"]`; append new ones at the end. Required unless `existing_network` is given, and must then be null. */
  readonly azs?: string[] | null;
  /** The stack's DNS domain: users open Grafana at `grafana.<domain>`, collectors push to `mimir.<domain>`, `loki.<domain>`, `tempo.<domain>` and `pyroscope.<domain>`. Point those names at the load balancer (`load_balancer_dns_name`), Grafana's at the CDN when `cdn` is set. */
  readonly domain: string;
  /** ARN of an ACM certificate in the stack's region covering the five hosts (e.g. `*.<domain>`): HTTPS on 443 with 80 redirected, OTLP over gRPC through the load balancer, `Secure` cookies for Grafana. `null` serves plain HTTP on 80, for trials only: passwords and telemetry then cross the network unencrypted. Must be known at plan. */
  readonly certificateArn?: string | null;
  /** `dev` or `prod`: NAT gateways (one, or one per AZ), interface endpoints (prod), flow-log, log and telemetry retention, the task sizes (`dev`: the smallest that run; `prod`: the design's layout), Spot for stateless roles (dev), and the load balancer's deletion protection (prod). The project README's profile table lists every value. */
  readonly profile?: LgtmProfileName;
  /** A VPC the team already has (`vpc_id`, `public_subnet_ids`, `private_subnet_ids`), used instead of creating one; `cidr` and `azs` must then be null. Null creates a VPC from `cidr` and `azs` with the network module. */
  readonly existingNetwork?: ExistingNetwork | null;
  /** SNS topic the stack's own alerts (a component down, 5xx, telemetry not delivered, S3 errors) notify through Grafana; null keeps them in Grafana. Must be known at plan. */
  readonly alertSnsTopicArn?: string | null;
  /** CloudFront in front of Grafana only (`certificate_arn` in us-east-1, optional `aliases`, `price_class`, `web_acl_arn`, `access_logs`): nothing cached, WebSockets for Grafana Live; Grafana's load balancer route then answers only CloudFront (its origin-facing prefix list and a secret origin header). Needs `certificate_arn`. Push endpoints never go through it. Null for none. */
  readonly cdn?: LgtmCdn | null;
  /** Where Docker Hub and ECR Public images are pulled from (the ecs-fargate module's `image_source`): `docker_hub` (default), `pull_through_cache` with `credentials_secret_arn` (recommended for production: Docker Hub's anonymous limit is 10 pulls an hour per NAT address) or `registry_prefix`. */
  readonly imageSource?: ImageSource;
  /**
   * The load to size the stack for (`active_series`, `scrape_interval_seconds`, and optionally `logs_gb_per_day`, `traces_gb_per_day`, `profiles_per_second`): task counts and sizes from Grafana's capacity guidance (Mimir's capacity-planning formulas, Loki's sizing tiers, Tempo's sizing, Alloy's estimate), rounded up to Fargate sizes and never below the replication factors' minimums, instead of the profile's layout. Null sizes by `profile`. Must be known at plan.
   */
  readonly load?: LgtmLoadInput | null;
  /** Tags added to every resource; Alloy also collects the CloudWatch metrics of the load balancers and ECS services carrying them (every tagged one when empty). */
  readonly tags?: Record<string, string>;
}
