import { describe, expect, it } from "vitest";
import { CLOUDFRONT_PREFIX_LIST } from "../../modules/alb/cloudfront-access";
import { BASE_ALB, CERTIFICATE_ARN, CLOUDFRONT_ALB, synthAlb } from "../support/alb";

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
    expect(Object.keys(rules).sort()).toEqual(["alb_cloudfront", "alb_http", "alb_https"]);
    expect(rules.alb_cloudfront).toMatchObject({ count: 0 });
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

  it("admits CloudFront on 443 through its managed prefix list, in a second group of its own, only with a cloudfront_only route", () => {
    const json = synthAlb(CLOUDFRONT_ALB);
    expect(CLOUDFRONT_PREFIX_LIST).toBe("com.amazonaws.global.cloudfront.origin-facing");
    expect(json.data.aws_ec2_managed_prefix_list.alb_cloudfront).toEqual({ count: 1, name: CLOUDFRONT_PREFIX_LIST });
    expect(json.resource.aws_security_group.alb_cloudfront).toMatchObject({ count: 1, name_prefix: "lgtm-test-alb-cloudfront-", vpc_id: BASE_ALB.vpcId, lifecycle: { create_before_destroy: true } });
    expect(json.resource.aws_security_group.alb_cloudfront).not.toHaveProperty("ingress");
    expect(json.resource.aws_vpc_security_group_ingress_rule.alb_cloudfront).toMatchObject({
      count: 1,
      security_group_id: "${aws_security_group.alb_cloudfront[0].id}",
      prefix_list_id: "${data.aws_ec2_managed_prefix_list.alb_cloudfront[0].id}",
      ip_protocol: "tcp",
      from_port: 443,
      to_port: 443,
    });
    expect(json.resource.aws_lb.alb.security_groups).toEqual(["${aws_security_group.alb.id}", "${aws_security_group.alb_cloudfront[0].id}"]);
  });

  it("keeps one security group and no prefix list lookup without a cloudfront_only route", () => {
    const json = synthAlb({ ...BASE_ALB, certificateArn: CERTIFICATE_ARN });
    expect(json.resource.aws_lb.alb.security_groups).toEqual(["${aws_security_group.alb.id}"]);
    for (const block of [json.data.aws_ec2_managed_prefix_list, json.resource.aws_security_group, json.resource.aws_vpc_security_group_ingress_rule]) {
      expect(block.alb_cloudfront.count).toBe(0);
    }
  });
});
