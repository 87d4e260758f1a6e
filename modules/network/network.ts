import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { TerraformIterator, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { tagged } from "../../lib/choose";
import { hcl, hclList, hclString, raw } from "../../lib/hcl";
import { checkInputs, withDefaults } from "../../lib/inputs";
import { addEndpoints } from "./endpoints";
import { addFlowLogs } from "./flow-logs";
import { Tier, networkInputs, networkRules } from "./inputs";
import { NetworkProps } from "./props";
import { addRouting } from "./routing";
import { tierCidrs } from "./subnet-layout";

/**
 * A VPC for Fargate workloads: public, private and optionally isolated subnets in each AZ, NAT per
 * `natGatewayMode`, an S3 gateway endpoint, interface endpoints, flow logs, and a default security
 * group with no rules.
 */
export class Network extends Construct {
  /** ID of the VPC. */
  public readonly vpcId: string;
  /** IPv4 CIDR block of the VPC. */
  public readonly vpcCidr: string;
  /** The availability zones, in the order given. */
  public readonly azs: string[];
  /** IDs of the public subnets, in the order of `azs`. */
  public readonly publicSubnetIds: string[];
  /** IDs of the private subnets, in the order of `azs`. */
  public readonly privateSubnetIds: string[];
  /** IDs of the isolated subnets, in the order of `azs`; empty when the tier is off. */
  public readonly isolatedSubnetIds: string[];
  /** Public subnet IDs keyed by AZ name. */
  public readonly publicSubnets: Record<string, string>;
  /** Private subnet IDs keyed by AZ name. */
  public readonly privateSubnets: Record<string, string>;
  /** Isolated subnet IDs keyed by AZ name; empty when the tier is off. */
  public readonly isolatedSubnets: Record<string, string>;
  /** ID of the public route table (default route to the internet gateway). */
  public readonly publicRouteTableId: string;
  /** IDs of the private route tables, one per AZ, in the order of `azs`. */
  public readonly privateRouteTableIds: string[];
  /** ID of the isolated route table; null when the tier is off. */
  public readonly isolatedRouteTableId: string;
  /** Public IPs of the NAT gateways (the private subnets' egress addresses), in the order of `azs`. */
  public readonly natPublicIps: string[];
  /** ID of the security group of the interface endpoints (HTTPS from the VPC); null when there are none. */
  public readonly endpointSecurityGroupId: string;
  /** ID of the S3 prefix list, for security group egress rules to the S3 gateway endpoint. */
  public readonly s3PrefixListId: string;
  /** Name of the CloudWatch log group that receives the flow logs; null when flow logs are off. */
  public readonly flowLogGroupName: string;

  constructor(scope: Construct, id: string, input: NetworkProps) {
    super(scope, id);
    const props = withDefaults(input, networkInputs);
    checkInputs(`Network ${this.node.path}`, props, networkInputs, networkRules);

    const vpc = new Vpc(this, "this", {
      cidrBlock: props.cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: tagged(props.tags, props.name),
    });
    // Adopting the default security group strips its rules, so nothing lands in it by accident.
    new DefaultSecurityGroup(this, "default", { vpcId: vpc.id, tags: tagged(props.tags, `${props.name}-default`) });
    const internetGateway = new InternetGateway(this, "this:igw", { vpcId: vpc.id, tags: tagged(props.tags, props.name) });

    const cidrs = new TerraformLocal(this, "subnet_cidrs", {
      public: tierCidrs(props, "public"),
      private: tierCidrs(props, "private"),
      isolated: tierCidrs(props, "isolated"),
    });
    // No subnet hands out public IPs: load balancers and NAT gateways bring their own addresses.
    const subnet = (tier: Tier) => {
      const zones = TerraformIterator.fromMap(hcl`${cidrs.asAnyMap}.${raw(tier)}`);
      return new Subnet(this, tier, {
        forEach: zones,
        vpcId: vpc.id,
        availabilityZone: zones.key,
        cidrBlock: zones.value,
        mapPublicIpOnLaunch: false,
        tags: tagged(props.tags, `${props.name}-${tier}-${zones.key}`),
      });
    };
    const subnets = { public: subnet("public"), private: subnet("private"), isolated: subnet("isolated") };

    const routing = addRouting(this, props, vpc, internetGateway, subnets);
    const region = new DataAwsRegion(this, "current");
    const endpoints = addEndpoints(this, props, vpc, subnets.private, routing, region);
    const flowLogs = addFlowLogs(this, props, vpc, region);

    this.vpcId = vpc.id;
    this.vpcCidr = vpc.cidrBlock;
    this.azs = props.azs;
    const idsInAzOrder = (tier: Tier) => hclList`[for az in ${props.azs} : ${subnets[tier].fqn}[az].id if contains(keys(${subnets[tier].fqn}), az)]`;
    const idsByAz = (tier: Tier) => Token.asStringMap(hcl`{ for az, subnet in ${subnets[tier].fqn} : az => subnet.id }`);
    this.publicSubnetIds = idsInAzOrder("public");
    this.privateSubnetIds = idsInAzOrder("private");
    this.isolatedSubnetIds = idsInAzOrder("isolated");
    this.publicSubnets = idsByAz("public");
    this.privateSubnets = idsByAz("private");
    this.isolatedSubnets = idsByAz("isolated");
    this.publicRouteTableId = routing.publicRouteTable.id;
    this.privateRouteTableIds = hclList`[for az in ${props.azs} : ${routing.privateRouteTables.fqn}[az].id]`;
    this.isolatedRouteTableId = hclString`one(${routing.isolatedRouteTable.fqn}[*].id)`;
    this.natPublicIps = hclList`[for az in ${props.azs} : ${routing.natAddresses.fqn}[az].public_ip if contains(keys(${routing.natAddresses.fqn}), az)]`;
    this.endpointSecurityGroupId = hclString`one(${endpoints.securityGroup.fqn}[*].id)`;
    this.s3PrefixListId = endpoints.s3.prefixListId;
    this.flowLogGroupName = hclString`one(${flowLogs.logGroup.fqn}[*].name)`;
  }
}
