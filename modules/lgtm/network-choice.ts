import { DataAwsVpc } from "@cdktf/provider-aws/lib/data-aws-vpc";
import { Construct } from "constructs";
import { useBlock } from "../../lib/blocks";
import { choose, countIf, isGiven } from "../../lib/choose";
import { hclString } from "../../lib/hcl";
import { networkModule } from "../network/module";
import { LgtmProfile } from "./profiles";
import { LgtmProps } from "./props";

/** Where the stack runs, whichever network it is. */
export interface StackNetwork {
  readonly vpcId: string;
  /** The VPC's primary CIDR: pushes from inside it are admitted. */
  readonly vpcCidr: string;
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
}

/**
 * The network module's VPC from `cidr` and `azs`, or the team's `existing_network`, chosen once:
 * in TypeScript when `existing_network` is a literal (an env holds only what it uses), by a
 * conditional on the variable in the published module, where the network block is a counted call.
 * An existing VPC's CIDR is read by a data source, so its ID must be known at plan.
 */
export function stackNetwork(scope: Construct, props: Required<LgtmProps>, profile: LgtmProfile): StackNetwork {
  const existing = props.existingNetwork;
  const given = isGiven(existing);
  const network = useBlock(
    scope,
    "network",
    networkModule,
    {
      name: props.name,
      cidr: props.cidr!,
      azs: props.azs!,
      natGatewayMode: profile.nat_gateway_mode,
      interfaceEndpoints: profile.interface_endpoints,
      flowLogsRetentionDays: profile.flow_logs_retention_days,
      tags: props.tags,
    },
    { source: "../network", count: choose(given, 0, 1) },
  );
  if (given === false) return { vpcId: network.vpcId, vpcCidr: props.cidr!, publicSubnetIds: network.publicSubnetIds, privateSubnetIds: network.privateSubnetIds };

  const vpc = new DataAwsVpc(scope, "existing_network", { id: existing!.vpc_id, count: given === true ? undefined : countIf(given) });
  const existingCidr = given === true ? vpc.cidrBlock : hclString`one(${vpc.fqn}[*].cidr_block)`;
  return {
    vpcId: choose(given, existing!.vpc_id, network.vpcId),
    vpcCidr: choose(given, existingCidr, props.cidr!),
    publicSubnetIds: choose(given, existing!.public_subnet_ids, network.publicSubnetIds),
    privateSubnetIds: choose(given, existing!.private_subnet_ids, network.privateSubnetIds),
  };
}
