import { describe, expect, it } from "vitest";
import { freshModules } from "../support/published";

describe("network module addresses", () => {
  it("keeps the resource addresses consumers' state is keyed by", () => {
    const main = JSON.parse(freshModules().get("network")!["main.tf.json"]);
    const addresses = Object.entries<Record<string, unknown>>(main.resource).flatMap(([type, blocks]) => Object.keys(blocks).map((name) => `${type}.${name}`));
    const data = Object.entries<Record<string, unknown>>(main.data).flatMap(([type, blocks]) => Object.keys(blocks).map((name) => `data.${type}.${name}`));
    // Changing any of these destroys consumers' infrastructure: add a `moved` block and say why.
    expect([...addresses, ...data].sort()).toMatchInlineSnapshot(`
      [
        "aws_cloudwatch_log_group.flow_logs",
        "aws_default_security_group.default",
        "aws_eip.nat",
        "aws_flow_log.this",
        "aws_iam_role.flow_logs",
        "aws_iam_role_policy.flow_logs",
        "aws_internet_gateway.this",
        "aws_nat_gateway.this",
        "aws_route.private_nat",
        "aws_route.public_internet",
        "aws_route_table.isolated",
        "aws_route_table.private",
        "aws_route_table.public",
        "aws_route_table_association.isolated",
        "aws_route_table_association.private",
        "aws_route_table_association.public",
        "aws_security_group.endpoints",
        "aws_subnet.isolated",
        "aws_subnet.private",
        "aws_subnet.public",
        "aws_vpc.this",
        "aws_vpc_endpoint.interface",
        "aws_vpc_endpoint.s3",
        "aws_vpc_security_group_ingress_rule.endpoints_https",
        "data.aws_caller_identity.current",
        "data.aws_iam_policy_document.flow_logs_delivery",
        "data.aws_iam_policy_document.flow_logs_trust",
        "data.aws_partition.current",
        "data.aws_region.current",
      ]
    `);
  });
});
