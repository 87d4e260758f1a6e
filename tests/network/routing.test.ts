import { describe, expect, it } from "vitest";
import { NatGatewayMode } from "../../modules/network/props";
import { BASE_NETWORK, synthNetwork } from "../support/synth";

const AZS = BASE_NETWORK.azs;

describe("network routing", () => {
  it.each<[NatGatewayMode, string[]]>([
    ["none", []],
    ["single", ["eu-west-1a"]],
    ["per_az", AZS],
  ])("nat_gateway_mode %s puts NAT gateways in %j", (mode, natAzs) => {
    const json = synthNetwork({ ...BASE_NETWORK, natGatewayMode: mode, interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"] });
    expect(json.resource.aws_eip.network_nat.for_each).toBe(`\${toset(${JSON.stringify(natAzs).replace(/,/g, ", ")})}`);
    expect(json.resource.aws_nat_gateway.network.for_each).toBe("${aws_eip.network_nat}");
    expect(json.resource.aws_nat_gateway.network.subnet_id).toBe("${aws_subnet.network_public[each.key].id}");
  });

  it.each<[NatGatewayMode, Record<string, string>]>([
    ["none", {}],
    ["single", { "eu-west-1a": "eu-west-1a", "eu-west-1b": "eu-west-1a", "eu-west-1c": "eu-west-1a" }],
    ["per_az", { "eu-west-1a": "eu-west-1a", "eu-west-1b": "eu-west-1b", "eu-west-1c": "eu-west-1c" }],
  ])("nat_gateway_mode %s routes each private route table to its NAT gateway", (mode, natByAz) => {
    const json = synthNetwork({ ...BASE_NETWORK, natGatewayMode: mode, interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"] });
    const route = json.resource.aws_route.network_private_nat;
    expect(route.for_each).toEqual(natByAz);
    expect(route.nat_gateway_id).toBe("${aws_nat_gateway.network[each.value].id}");
    expect(route.route_table_id).toBe("${aws_route_table.network_private[each.key].id}");
  });

  it("routes only the public route table to the internet gateway", () => {
    const json = synthNetwork({ ...BASE_NETWORK, isolatedSubnets: true });
    const routesToIgw = Object.entries(json.resource.aws_route).filter(([, route]) => "gateway_id" in route);
    expect(routesToIgw.map(([name, route]) => [name, route.route_table_id, route.gateway_id])).toEqual([
      ["network_public_internet", "${aws_route_table.network_public.id}", "${aws_internet_gateway.network.id}"],
    ]);
    expect(json.resource.aws_route_table_association.network_private.route_table_id).toBe("${aws_route_table.network_private[each.key].id}");
    expect(json.resource.aws_route_table_association.network_isolated.route_table_id).toBe("${aws_route_table.network_isolated[0].id}");
    for (const table of Object.values(json.resource.aws_route_table)) {
      expect(table).not.toHaveProperty("route");
    }
  });

  it("keeps one private route table per AZ in every mode", () => {
    for (const mode of ["single", "per_az"] as const) {
      const json = synthNetwork({ ...BASE_NETWORK, natGatewayMode: mode });
      expect(json.resource.aws_route_table.network_private.for_each).toBe('${toset(["eu-west-1a", "eu-west-1b", "eu-west-1c"])}');
    }
  });

  it("attaches the S3 gateway endpoint to the private and isolated route tables", () => {
    const json = synthNetwork(BASE_NETWORK);
    const s3 = json.resource.aws_vpc_endpoint.network_s3;
    expect(s3.vpc_endpoint_type).toBe("Gateway");
    expect(s3.route_table_ids).toBe("${concat([for table in aws_route_table.network_private : table.id], aws_route_table.network_isolated[*].id)}");
  });
});
