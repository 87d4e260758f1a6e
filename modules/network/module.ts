import { join } from "node:path";
import { ModuleDefinition } from "../../lib/module-definition";
import { networkInputs, networkRules } from "./inputs";
import { Network } from "./network";
import { NetworkProps } from "./props";

/** The network construct as a published Terraform module. */
export const networkModule: ModuleDefinition<NetworkProps, Network> = {
  name: "network",
  summary:
    "A VPC for Fargate workloads: public, private and optional isolated subnets in 2-6 AZs (keyed by AZ name), " +
    "NAT gateways per `nat_gateway_mode`, an S3 gateway endpoint, interface endpoints so tasks can pull images " +
    "and ship logs without NAT, VPC flow logs to CloudWatch, and a default security group with no rules.",
  props: { file: join(__dirname, "props.ts"), declaration: "NetworkProps" },
  construct: { file: join(__dirname, "network.ts"), declaration: "Network" },
  inputs: networkInputs,
  rules: networkRules,
  create: (scope, id, props) => new Network(scope, id, props),
  outputs: [
    "vpcId",
    "vpcCidr",
    "azs",
    "publicSubnetIds",
    "privateSubnetIds",
    "isolatedSubnetIds",
    "publicSubnets",
    "privateSubnets",
    "isolatedSubnets",
    "publicRouteTableId",
    "privateRouteTableIds",
    "isolatedRouteTableId",
    "natPublicIps",
    "endpointSecurityGroupId",
    "s3PrefixListId",
    "flowLogGroupName",
  ],
};
