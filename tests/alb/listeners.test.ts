import { describe, expect, it } from "vitest";
import { TLS_POLICY } from "../../modules/alb/listeners";
import { BASE_ALB, CERTIFICATE_ARN, synthAlb } from "../support/alb";

const NOT_FOUND = { type: "fixed-response", fixed_response: { content_type: "text/plain", message_body: "Not found", status_code: "404" } };

describe("alb listeners", () => {
  it("serves HTTPS with the TLS 1.3 policy and redirects HTTP to it when given a certificate", () => {
    const json = synthAlb({ ...BASE_ALB, certificateArn: CERTIFICATE_ARN });
    expect(TLS_POLICY).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(json.resource.aws_lb_listener.alb_https).toMatchObject({
      count: 1,
      port: 443,
      protocol: "HTTPS",
      ssl_policy: TLS_POLICY,
      certificate_arn: CERTIFICATE_ARN,
      default_action: [NOT_FOUND],
    });
    expect(json.resource.aws_lb_listener.alb_http).toMatchObject({
      port: 80,
      protocol: "HTTP",
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }],
    });
    expect(json.resource.aws_lb_listener_rule.alb_route.listener_arn).toBe("${aws_lb_listener.alb_https[0].arn}");
  });

  it("serves plain HTTP on 80 only without a certificate, answering 404 to what no route matches", () => {
    const json = synthAlb(BASE_ALB);
    expect(json.resource.aws_lb_listener.alb_https.count).toBe(0);
    expect(json.resource.aws_lb_listener.alb_http.default_action).toEqual([NOT_FOUND]);
    expect(json.resource.aws_lb_listener_rule.alb_route.listener_arn).toBe("${aws_lb_listener.alb_http.arn}");
  });

  it("drops invalid header fields and keeps the load balancer's settings", () => {
    const json = synthAlb({ ...BASE_ALB, internal: true, idleTimeout: 300, deletionProtection: true });
    expect(json.resource.aws_lb.alb).toMatchObject({
      name: "lgtm-test",
      load_balancer_type: "application",
      drop_invalid_header_fields: true,
      internal: true,
      idle_timeout: 300,
      enable_deletion_protection: true,
      subnets: BASE_ALB.subnetIds,
      security_groups: ["${aws_security_group.alb.id}"],
    });
    expect(json.resource.aws_lb.alb).not.toHaveProperty("access_logs");
  });

  it("writes access logs only where asked", () => {
    const json = synthAlb({ ...BASE_ALB, accessLogs: { bucket: "lgtm-logs", prefix: "alb" } });
    expect(json.resource.aws_lb.alb.access_logs).toEqual({ bucket: "lgtm-logs", prefix: "alb", enabled: true });
  });

  it("associates a WAF web ACL only where asked", () => {
    const arn = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/lgtm/a1b2c3d4";
    expect(synthAlb({ ...BASE_ALB, wafAclArn: arn }).resource.aws_wafv2_web_acl_association.alb).toMatchObject({ count: 1, web_acl_arn: arn, resource_arn: "${aws_lb.alb.arn}" });
    expect(synthAlb(BASE_ALB).resource.aws_wafv2_web_acl_association.alb.count).toBe(0);
  });
});
