import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { IResolvable, TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { countIf, tagged } from "../../lib/choose";
import { hcl, hclString } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { Tier } from "./inputs";
import { NetworkProps } from "./props";

/** The route tables and NAT gateways of a network. */
export interface Routing {
  readonly publicRouteTable: RouteTable;
  /** One per AZ, keyed by AZ name. */
  readonly privateRouteTables: RouteTable;
  /** `count`-ed: one when the isolated tier is on. */
  readonly isolatedRouteTable: RouteTable;
  /** The NAT gateways' addresses, keyed by the AZ of each NAT gateway. */
  readonly natAddresses: Eip;
}

/**
 * Public subnets route to the internet gateway; private subnets route to a NAT gateway (their own
 * AZ's with `per_az`, the first AZ's with `single`) or nowhere outside the VPC (`none`); isolated
 * subnets never leave the VPC. Each AZ has its own private route table whatever the mode, so
 * switching modes changes routes only and never replaces a route table or its associations.
 */
export function addRouting(scope: Construct, props: Required<NetworkProps>, vpc: Vpc, internetGateway: InternetGateway, subnets: Record<Tier, Subnet>): Routing {
  const publicRouteTable = new RouteTable(scope, "public:routes", { vpcId: vpc.id, tags: tagged(props.tags, `${props.name}-public`) });
  new Route(scope, "public_internet", {
    routeTableId: publicRouteTable.id,
    destinationCidrBlock: "0.0.0.0/0",
    gatewayId: internetGateway.id,
  });
  associate(scope, "public", subnets.public, () => publicRouteTable.id);

  const natAzs = TerraformIterator.fromList(natGatewayAzs(props));
  const natAddresses = new Eip(scope, "nat", {
    forEach: natAzs,
    domain: "vpc",
    tags: tagged(props.tags, `${props.name}-nat-${natAzs.value}`),
  });
  const natAddressByAz = TerraformIterator.fromResources(natAddresses);
  const natGateways = new NatGateway(scope, "this:nat", {
    forEach: natAddressByAz,
    allocationId: natAddressByAz.getString("id"),
    subnetId: hclString`${subnets.public.fqn}[${natAddressByAz.key}].id`,
    tags: tagged(props.tags, `${props.name}-${natAddressByAz.key}`),
    dependsOn: [internetGateway],
  });

  const privateAzs = TerraformIterator.fromList(props.azs);
  const privateRouteTables = new RouteTable(scope, "private:routes", {
    forEach: privateAzs,
    vpcId: vpc.id,
    tags: tagged(props.tags, `${props.name}-private-${privateAzs.value}`),
  });
  const natGatewayByAz = TerraformIterator.fromMap(natGatewayForEachAz(props));
  new Route(scope, "private_nat", {
    forEach: natGatewayByAz,
    routeTableId: hclString`${privateRouteTables.fqn}[${natGatewayByAz.key}].id`,
    destinationCidrBlock: "0.0.0.0/0",
    natGatewayId: hclString`${natGateways.fqn}[${natGatewayByAz.value}].id`,
  });
  associate(scope, "private", subnets.private, (az) => hclString`${privateRouteTables.fqn}[${az}].id`);

  const isolatedRouteTable = new RouteTable(scope, "isolated:routes", {
    count: countIf(props.isolatedSubnets),
    vpcId: vpc.id,
    tags: tagged(props.tags, `${props.name}-isolated`),
  });
  associate(scope, "isolated", subnets.isolated, () => hclString`${isolatedRouteTable.fqn}[0].id`);

  return { publicRouteTable, privateRouteTables, isolatedRouteTable, natAddresses };
}

function associate(scope: Construct, tier: Tier, subnets: Subnet, routeTableId: (az: string) => string): void {
  const subnetByAz = TerraformIterator.fromResources(subnets);
  new RouteTableAssociation(scope, `${tier}:association`, {
    forEach: subnetByAz,
    subnetId: subnetByAz.getString("id"),
    routeTableId: routeTableId(subnetByAz.key),
  });
}

/** The AZs that get a NAT gateway: none, the first, or all. */
function natGatewayAzs(props: Required<NetworkProps>): string[] | IResolvable {
  if (!containsToken([props.natGatewayMode, props.azs])) {
    const count = { none: 0, single: 1, per_az: props.azs.length }[props.natGatewayMode];
    return props.azs.slice(0, count);
  }
  return hcl`slice(${props.azs}, 0, ${props.natGatewayMode} == "none" ? 0 : ${props.natGatewayMode} == "single" ? 1 : length(${props.azs}))`;
}

/** For each AZ whose private subnets reach the internet, the AZ of the NAT gateway they use. */
function natGatewayForEachAz(props: Required<NetworkProps>): Record<string, string> | IResolvable {
  if (!containsToken([props.natGatewayMode, props.azs])) {
    if (props.natGatewayMode === "none") return {};
    return Object.fromEntries(props.azs.map((az) => [az, props.natGatewayMode === "per_az" ? az : props.azs[0]]));
  }
  return hcl`{ for az in ${props.azs} : az => (${props.natGatewayMode} == "per_az" ? az : ${props.azs}[0]) if ${props.natGatewayMode} != "none" }`;
}
