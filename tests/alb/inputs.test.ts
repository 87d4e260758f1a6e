import { describe, expect, it } from "vitest";
import { hclList, hclString } from "../../lib/hcl";
import { albRules } from "../../modules/alb/inputs";
import { BASE_ALB, BASE_ROUTES, CERTIFICATE_ARN, CLOUDFRONT_ALB, ORIGIN_HEADER, TEMPO_ROUTES, synthAlb } from "../support/alb";
import { BAD_ALB_INPUTS } from "../support/bad-alb-inputs";
import { expectEveryRuleCovered } from "../support/module-calls";

describe("alb input rules at synth time", () => {
  it.each(BAD_ALB_INPUTS)("rejects $case", ({ props, message }) => {
    expect(() => synthAlb({ ...BASE_ALB, ...props })).toThrow(message);
  });

  it("names the construct, the prop and its variable", () => {
    expect(() => synthAlb({ ...BASE_ALB, idleTimeout: 0 })).toThrow("Alb test/alb: invalid input.\n  - idleTimeout: idle_timeout must be a whole number of seconds from 1 to 4000; got 0.");
  });

  it("accepts gRPC with a certificate, and exactly 5 condition values and 5 wildcards", () => {
    expect(() => synthAlb({ ...BASE_ALB, certificateArn: CERTIFICATE_ARN, routes: { ...BASE_ROUTES, ...TEMPO_ROUTES } })).not.toThrow();
    const fullRule = { host: "api.lgtm.example.com", paths: ["/a", "/b", "/c"], port: 8080, ingestion: true };
    expect(() => synthAlb({ ...BASE_ALB, routes: { full: fullRule } })).not.toThrow();
    expect(() => synthAlb({ ...BASE_ALB, routes: { wild: { host: "*.*.lgtm.example.com", paths: ["/a*b*", "/c?"], port: 8080 } } })).not.toThrow();
    const behindCdn = { host: "grafana.lgtm.example.com", paths: ["/a", "/b", "/c"], port: 3000, cloudfront_only: true };
    expect(() => synthAlb({ ...CLOUDFRONT_ALB, routes: { grafana: behindCdn } })).not.toThrow();
  });

  it("never quotes the origin header in an error, since its value is a secret", () => {
    const header = { ...ORIGIN_HEADER, name: "X Origin" };
    expect(() => synthAlb({ ...BASE_ALB, cloudfrontOriginHeader: header })).toThrow(/cloudfront_origin_header must be null or .*; got \(sensitive value\)\.$/);
    expect(() => synthAlb({ ...BASE_ALB, cloudfrontOriginHeader: header })).not.toThrow(ORIGIN_HEADER.value);
  });

  it("leaves rules on values only Terraform knows (the network's IDs) to Terraform", () => {
    expect(() => synthAlb({ ...BASE_ALB, vpcId: hclString`aws_vpc.main.id`, subnetIds: hclList`aws_subnet.public[*].id` })).not.toThrow();
  });
});

describe("alb input rule coverage", () => {
  it("has a bad input for every rule, so each Terraform validation is proven to fire", () => {
    expectEveryRuleCovered(albRules, BAD_ALB_INPUTS);
  });
});
