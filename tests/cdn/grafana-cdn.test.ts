import { describe, expect, it } from "vitest";
import { grafanaCdnRules } from "../../modules/lgtm/cdn/inputs";
import { ORIGIN_HEADER_NAME } from "../../modules/lgtm/cdn/origin-header";
import { BASE_CDN, BAD_CDN_INPUTS, CDN_CERTIFICATE_ARN, CDN_WEB_ACL_ARN, synthCdn, synthCdnComposition } from "../support/grafana-cdn";
import { expectEveryRuleCovered } from "../support/module-calls";

type Block = Record<string, unknown>;

describe("Grafana CDN distribution", () => {
  const json = synthCdn(BASE_CDN);
  const distribution = json.resource.aws_cloudfront_distribution.cdn as Block & {
    origin: (Block & { custom_origin_config: Block; custom_header: Block[] })[];
    default_cache_behavior: Block;
  };

  it("has the load balancer as its only origin, over HTTPS with TLS 1.2, and a response timeout above Grafana's own", () => {
    expect(distribution.origin).toHaveLength(1);
    expect(distribution.origin[0]).toMatchObject({ origin_id: "alb", domain_name: BASE_CDN.originDomainName });
    expect(distribution.origin[0].custom_origin_config).toEqual({
      http_port: 80,
      https_port: 443,
      origin_protocol_policy: "https-only",
      origin_ssl_protocols: ["TLSv1.2"],
      origin_read_timeout: 60,
    });
  });

  it("adds the secret origin header, read back from the secret the configuration wrote", () => {
    expect(ORIGIN_HEADER_NAME).toBe("X-Origin-Verify");
    expect(distribution.origin[0].custom_header).toEqual([{ name: "X-Origin-Verify", value: "${data.aws_secretsmanager_secret_version.cdn_origin_header.secret_string}" }]);
    expect(json.data.aws_secretsmanager_secret_version.cdn_origin_header).toEqual({
      secret_id: "${aws_secretsmanager_secret.cdn_origin_header.id}",
      version_id: "${aws_secretsmanager_secret_version.cdn_origin_header.version_id}",
    });
  });

  it("generates the header value with Secrets Manager and writes it write-only, never as a literal", () => {
    expect(JSON.stringify(json)).not.toMatch(/"secret_string"\s*:/);
    expect(json.resource.aws_secretsmanager_secret.cdn_origin_header).toMatchObject({ name: "lgtm-test/grafana/cloudfront-origin-header", recovery_window_in_days: 0 });
    expect(json.resource.aws_secretsmanager_secret_version.cdn_origin_header).toEqual({
      secret_id: "${aws_secretsmanager_secret.cdn_origin_header.id}",
      secret_string_wo: "${ephemeral.aws_secretsmanager_random_password.cdn_origin_header.random_password}",
      secret_string_wo_version: 1,
    });
    expect((json as unknown as { ephemeral: Record<string, Block> }).ephemeral.aws_secretsmanager_random_password.cdn_origin_header).toEqual({
      password_length: 32,
      exclude_punctuation: true,
    });
  });

  it("caches nothing: one behavior for every path, all methods, AWS's CachingDisabled policy and every viewer header, cookie and query string forwarded", () => {
    expect(distribution).not.toHaveProperty("ordered_cache_behavior");
    expect(distribution.default_cache_behavior).toEqual({
      target_origin_id: "alb",
      viewer_protocol_policy: "redirect-to-https",
      allowed_methods: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"],
      cached_methods: ["GET", "HEAD"],
      cache_policy_id: "${data.aws_cloudfront_cache_policy.cdn_caching_disabled.id}",
      origin_request_policy_id: "${data.aws_cloudfront_origin_request_policy.cdn_all_viewer.id}",
    });
    expect(json.data.aws_cloudfront_cache_policy.cdn_caching_disabled).toEqual({ name: "Managed-CachingDisabled" });
    // AllViewer forwards Host (the load balancer routes by it), Authorization (API tokens) and the
    // WebSocket handshake headers; no legacy forwarded_values or TTLs override the policies.
    expect(json.data.aws_cloudfront_origin_request_policy.cdn_all_viewer).toEqual({ name: "Managed-AllViewer" });
    expect(JSON.stringify(distribution)).not.toMatch(/forwarded_values|_ttl|lambda_function_association|function_association/);
  });

  it("serves the aliases with the us-east-1 certificate over TLS 1.2+, SNI only, HTTP/2 and HTTP/3, IPv6", () => {
    expect(distribution).toMatchObject({
      enabled: true,
      aliases: ["grafana.lgtm.example.com"],
      http_version: "http2and3",
      is_ipv6_enabled: true,
      price_class: "PriceClass_200",
      viewer_certificate: { acm_certificate_arn: CDN_CERTIFICATE_ARN, ssl_support_method: "sni-only", minimum_protocol_version: "TLSv1.2_2021" },
      restrictions: { geo_restriction: { restriction_type: "none" } },
      tags: { Name: "lgtm-test-grafana" },
    });
    expect(distribution).not.toHaveProperty("web_acl_id");
    expect(distribution).not.toHaveProperty("logging_config");
  });

  it("associates a CLOUDFRONT web ACL, writes access logs and takes another price class where asked", () => {
    const full = synthCdn({ ...BASE_CDN, webAclArn: CDN_WEB_ACL_ARN, accessLogs: { bucket: "lgtm-logs" }, priceClass: "PriceClass_All", tags: { Team: "o11y" } }).resource
      .aws_cloudfront_distribution.cdn;
    expect(full).toMatchObject({ web_acl_id: CDN_WEB_ACL_ARN, price_class: "PriceClass_All", tags: { Name: "lgtm-test-grafana", Team: "o11y" } });
    expect(full.logging_config).toEqual({ bucket: "lgtm-logs.s3.amazonaws.com", prefix: "", include_cookies: false });
  });

  it("hands the load balancer the header of the same secret, and takes the load balancer's DNS name as its origin", () => {
    const config = JSON.parse(synthCdnComposition());
    expect(config.resource.aws_cloudfront_distribution.cdn.origin[0].domain_name).toBe("${aws_lb.alb.dns_name}");
    expect(config.resource.aws_lb_listener_rule.alb_route.dynamic.condition[1].for_each).toBe(
      '${each.value.cloudfront_only ? [{ "name" = "X-Origin-Verify", "value" = data.aws_secretsmanager_secret_version.cdn_origin_header.secret_string }] : []}',
    );
  });
});

describe("Grafana CDN input rules at synth time", () => {
  it.each(BAD_CDN_INPUTS)("rejects $case", ({ props, message }) => {
    expect(() => synthCdn({ ...BASE_CDN, ...props })).toThrow(message);
  });

  it("names the construct, the prop and its variable", () => {
    expect(() => synthCdn({ ...BASE_CDN, name: "X" })).toThrow('GrafanaCdn test/cdn: invalid input.\n  - name: name must be 2-64 lowercase letters, digits and hyphens, starting with a letter; got "X".');
  });

  it("has a bad input for every rule, so each Terraform validation is proven to fire", () => {
    expectEveryRuleCovered(grafanaCdnRules, BAD_CDN_INPUTS);
  });
});
