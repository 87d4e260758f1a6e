import { describe, expect, it } from "vitest";
import { BASE_NETWORK, synthNetwork } from "../support/synth";

describe("network security", () => {
  it("manages the default security group with no rules", () => {
    const json = synthNetwork(BASE_NETWORK);
    const group = json.resource.aws_default_security_group.network_default;
    expect(group.vpc_id).toBe("${aws_vpc.network.id}");
    expect(group).not.toHaveProperty("ingress");
    expect(group).not.toHaveProperty("egress");
  });

  it("puts interface endpoints in the private subnets behind HTTPS from the VPC only", () => {
    const json = synthNetwork({ ...BASE_NETWORK, interfaceEndpoints: ["ecr.api", "logs"] });
    const endpoint = json.resource.aws_vpc_endpoint.network_interface;
    expect(endpoint.for_each).toBe('${toset(["ecr.api", "logs"])}');
    expect(endpoint.private_dns_enabled).toBe(true);
    expect(endpoint.subnet_ids).toBe('${[for az in ["eu-west-1a", "eu-west-1b", "eu-west-1c"] : aws_subnet.network_private[az].id]}');
    expect(endpoint.service_name).toBe("com.amazonaws.${data.aws_region.network_current.region}.${each.value}");
    expect(json.resource.aws_security_group.network_endpoints.count).toBe(1);
    const rule = json.resource.aws_vpc_security_group_ingress_rule.network_endpoints_https;
    expect(rule).toMatchObject({ count: 1, ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "${aws_vpc.network.cidr_block}" });
  });

  it("creates no endpoint security group without interface endpoints", () => {
    const json = synthNetwork(BASE_NETWORK);
    expect(json.resource.aws_security_group.network_endpoints.count).toBe(0);
  });

  it("lets only this account's flow logs service assume a role that writes only to its log group", () => {
    const json = synthNetwork({ ...BASE_NETWORK, flowLogsRetentionDays: 30 });
    expect(json.resource.aws_cloudwatch_log_group.network_flow_logs).toMatchObject({ count: 1, name: "/aws/vpc-flow-logs/lgtm-test", retention_in_days: 30 });
    const trust = json.data.aws_iam_policy_document.network_flow_logs_trust.statement as Record<string, unknown>[];
    expect(trust).toHaveLength(1);
    expect(trust[0].principals).toEqual([{ identifiers: ["vpc-flow-logs.amazonaws.com"], type: "Service" }]);
    expect((trust[0].condition as { variable: string }[]).map((c) => c.variable)).toEqual(["aws:SourceAccount", "aws:SourceArn"]);
    const delivery = json.data.aws_iam_policy_document.network_flow_logs_delivery.statement as { actions: string[]; resources: string[] }[];
    expect(delivery[0].resources).toEqual(["${aws_cloudwatch_log_group.network_flow_logs[0].arn}", "${aws_cloudwatch_log_group.network_flow_logs[0].arn}:log-stream:*"]);
    expect(delivery.flatMap((statement) => statement.actions).every((action) => action.startsWith("logs:") && !action.includes("*"))).toBe(true);
    expect(json.resource.aws_flow_log.network).toMatchObject({ count: 1, traffic_type: "ALL", vpc_id: "${aws_vpc.network.id}" });
  });

  it("turns every flow log resource off together", () => {
    const json = synthNetwork({ ...BASE_NETWORK, enableFlowLogs: false });
    for (const [type, name] of [
      ["aws_cloudwatch_log_group", "network_flow_logs"],
      ["aws_iam_role", "network_flow_logs"],
      ["aws_iam_role_policy", "network_flow_logs"],
      ["aws_flow_log", "network"],
    ]) {
      expect(json.resource[type][name].count).toBe(0);
    }
  });
});
