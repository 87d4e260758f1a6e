import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { countIf, tagged } from "../../lib/choose";
import { hcl, hclList, hclString } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { NetworkProps } from "./props";
import { Routing } from "./routing";

/** The VPC endpoints of a network. */
export interface Endpoints {
  readonly s3: VpcEndpoint;
  /** `count`-ed: one when there are interface endpoints. */
  readonly securityGroup: SecurityGroup;
}

/**
 * An S3 gateway endpoint on every private and isolated route table (free, and image layers from
 * ECR come from S3), and the chosen interface endpoints in the private subnets behind a security
 * group that admits HTTPS from the VPC only.
 */
export function addEndpoints(scope: Construct, props: Required<NetworkProps>, vpc: Vpc, privateSubnets: Subnet, routing: Routing, region: DataAwsRegion): Endpoints {
  const s3 = new VpcEndpoint(scope, "s3", {
    vpcId: vpc.id,
    serviceName: `com.amazonaws.${region.region}.s3`,
    vpcEndpointType: "Gateway",
    routeTableIds: hclList`concat([for table in ${routing.privateRouteTables.fqn} : table.id], ${routing.isolatedRouteTable.fqn}[*].id)`,
    tags: tagged(props.tags, `${props.name}-s3`),
  });

  const hasInterfaceEndpoints = containsToken(props.interfaceEndpoints) ? hcl`length(${props.interfaceEndpoints}) > 0` : props.interfaceEndpoints.length > 0;
  const securityGroup = new SecurityGroup(scope, "endpoints", {
    count: countIf(hasInterfaceEndpoints),
    name: `${props.name}-vpc-endpoints`,
    description: "Interface VPC endpoints: HTTPS from inside the VPC",
    vpcId: vpc.id,
    tags: tagged(props.tags, `${props.name}-vpc-endpoints`),
  });
  new VpcSecurityGroupIngressRule(scope, "endpoints_https", {
    count: countIf(hasInterfaceEndpoints),
    securityGroupId: hclString`${securityGroup.fqn}[0].id`,
    description: "HTTPS from the VPC",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: vpc.cidrBlock,
  });

  const services = TerraformIterator.fromList(props.interfaceEndpoints);
  new VpcEndpoint(scope, "interface", {
    forEach: services,
    vpcId: vpc.id,
    serviceName: `com.amazonaws.${region.region}.${services.value}`,
    vpcEndpointType: "Interface",
    privateDnsEnabled: true,
    subnetIds: hclList`[for az in ${props.azs} : ${privateSubnets.fqn}[az].id]`,
    securityGroupIds: [hclString`${securityGroup.fqn}[0].id`],
    tags: tagged(props.tags, `${props.name}-${services.value}`),
  });

  return { s3, securityGroup };
}
