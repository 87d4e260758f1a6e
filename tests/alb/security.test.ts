import { describe, expect, it } from "vitest";
import { BASE_ALB, CERTIFICATE_ARN, synthAlb } from "../support/alb";

type Rule = { for_each: unknown; from_port: unknown; to_port: unknown; cidr_ipv4: string; ip_protocol: string };

describe("alb security group", () => {
  it("is the load balancer's own, replaced before it is destroyed", () => {
    const group = synthAlb(BASE_ALB).resource.aws_security_group.alb;
    expect(group).toMatchObject({ name_prefix: "lgtm-test-alb-", vpc_id: BASE_ALB.vpcId, lifecycle: { create_before_destroy: true } });
    expect(group).not.toHaveProperty("ingress");
    expect(group).not.toHaveProperty("egress");
  });

  it("admits HTTP from the ingress CIDRs and the VPC by default, and no HTTPS without a certificate", () => {
    const rules = synthAlb(BASE_ALB).resource.aws_vpc_security_group_ingress_rule as Record<string, Rule>;
    expect(Object.keys(rules).sort()).toEqual(["alb_http", "alb_https"]);
    expect(rules.alb_http).toMatchObject({ ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ipv4: "${each.value}" });
    expect(rules.alb_http.for_each).toEqual({ "0.0.0.0/0": "0.0.0.0/0", vpc: "${data.aws_vpc.alb.cidr_block}" });
    expect(rules.alb_https.for_each).toEqual({});
  });

  it("admits 80 and 443 from exactly the union of ingress_cidrs and ingestion_cidrs with a certificate", () => {
    const rules = synthAlb({ ...BASE_ALB, certificateArn: CERTIFICATE_ARN, ingressCidrs: ["203.0.113.0/24", "10.8.0.0/16"], ingestionCidrs: ["10.8.0.0/16", "10.9.0.0/16"] })
      .resource.aws_vpc_security_group_ingress_rule as Record<string, Rule>;
    const union = { "203.0.113.0/24": "203.0.113.0/24", "10.8.0.0/16": "10.8.0.0/16", "10.9.0.0/16": "10.9.0.0/16" };
    expect(rules.alb_http.for_each).toEqual(union);
    expect(rules.alb_https).toMatchObject({ for_each: union, from_port: 443, to_port: 443 });
  });

  it("lets the load balancer out only to its target and health check ports inside the VPC", () => {
    const routes = { ...BASE_ALB.routes, tempo: { host: "tempo.lgtm.example.com", paths: ["/v1/traces"], port: 4318, health_check_port: 3200, ingestion: true } };
    const egress = synthAlb({ ...BASE_ALB, routes }).resource.aws_vpc_security_group_egress_rule as Record<string, Rule>;
    expect(Object.keys(egress)).toEqual(["alb_targets"]);
    expect(egress.alb_targets).toMatchObject({
      for_each: '${toset(["3000", "3200", "4318", "8080"])}',
      ip_protocol: "tcp",
      from_port: "${each.value}",
      to_port: "${each.value}",
      cidr_ipv4: "${data.aws_vpc.alb.cidr_block}",
    });
  });
});
