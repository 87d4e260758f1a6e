/** How many NAT gateways give the private subnets a route to the internet. */
export type NatGatewayMode = "none" | "single" | "per_az";

/** Prefix lengths, as new bits added to the VPC prefix, of each subnet tier. */
export interface SubnetNewbits {
  /** Public subnets (load balancers, NAT gateways). */
  readonly public?: number;
  /** Private subnets (Fargate tasks). */
  readonly private?: number;
  /** Isolated subnets (no route out of the VPC). */
  readonly isolated?: number;
}

/** Explicit subnet CIDRs of each tier, one per AZ in the order of `azs`. */
export interface SubnetCidrs {
  readonly public: string[];
  readonly private: string[];
  /** Required, one per AZ, when the isolated tier is on; empty otherwise. */
  readonly isolated?: string[];
}

/** Inputs of the network module. */
export interface NetworkProps {
  /** Name prefix of every resource (the VPC's Name tag, the flow log group and role): 2–32 lowercase letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /** IPv4 CIDR of the VPC, a network address with a prefix from /16 to /24, e.g. `10.20.0.0/16`. */
  readonly cidr: string;
  /** Availability zone names, 2 to 6 distinct, e.g. `["eu-west-1a", "eu-west-1b", "eu-west-1c"]`. Subnets are keyed by AZ name; append new AZs at the end so existing subnets keep their CIDRs. */
  readonly azs: string[];
  /** Sizes of the computed subnets as new bits on the VPC prefix; an omitted tier gets private +4 and public/isolated +8, capped at /28. Private subnets fill the VPC's first half, public the third quarter, isolated the fourth, so every tier has room for 6 AZs. Must be left empty when `subnet_cidrs` is set. */
  readonly subnetNewbits?: SubnetNewbits;
  /** Explicit subnet CIDRs per tier instead of computed ones, one per AZ in the order of `azs`; each must lie inside the VPC, be /28 or larger, and overlap no other. `null` computes them from `subnet_newbits`. */
  readonly subnetCidrs?: SubnetCidrs | null;
  /** Adds an isolated subnet tier: one subnet per AZ with no route out of the VPC (only the S3 gateway endpoint), for data stores. */
  readonly isolatedSubnets?: boolean;
  /** NAT gateways for private-subnet egress: `none` (no internet from private subnets; use `interface_endpoints`), `single` (one NAT in the first AZ), or `per_az` (one per AZ, zonal fault isolation). */
  readonly natGatewayMode?: NatGatewayMode;
  /** Sends VPC flow logs (all traffic) to a CloudWatch log group through a role that may write only to that group. */
  readonly enableFlowLogs?: boolean;
  /** Days CloudWatch keeps the flow logs; one of the retention periods CloudWatch Logs accepts. */
  readonly flowLogsRetentionDays?: number;
  /** AWS services reached through interface endpoints in the private subnets (service name suffixes such as `ecr.api`, `ecr.dkr`, `logs`, `sts`, `ssm`, `secretsmanager`). With `nat_gateway_mode = "none"`, `ecr.api`, `ecr.dkr` and `logs` are required so Fargate tasks can pull images and ship logs. An S3 gateway endpoint is always created. */
  readonly interfaceEndpoints?: string[];
  /** Tags added to every resource. */
  readonly tags?: Record<string, string>;
}
