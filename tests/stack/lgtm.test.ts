import { describe, expect, it } from "vitest";
import { lgtmRules } from "../../modules/lgtm/inputs";
import { STACK_PROFILES } from "../../modules/lgtm/profiles";
import { CERTIFICATE_ARN } from "../support/alb";
import { BAD_STACK_INPUTS, BASE_STACK, CDN_STACK, EXISTING_NETWORK, EXISTING_STACK, synthStack } from "../support/lgtm-stack";
import { expectEveryRuleCovered } from "../support/module-calls";
import { freshModules } from "../support/published";

describe("lgtm input rules at synth time", () => {
  it.each(BAD_STACK_INPUTS)("rejects $case", ({ props, message }) => {
    expect(() => synthStack({ ...BASE_STACK, ...props })).toThrow(message);
  });

  it("names the construct, the prop and its variable", () => {
    expect(() => synthStack({ ...BASE_STACK, profile: "staging" as never })).toThrow('Lgtm test/Default: invalid input.\n  - profile: profile must be one of "dev", "prod"; got "staging".');
  });

  it("has a bad input for every rule, so each Terraform validation is proven to fire", () => {
    expectEveryRuleCovered(lgtmRules, BAD_STACK_INPUTS);
  });
});

// The literal face, as an env uses it: choices made in TypeScript, only what is used in the JSON.
describe("the stack as constructs in a root", () => {
  const own = synthStack({ ...BASE_STACK, profile: "dev" }, { preventDestroy: true });
  const existing = synthStack({ ...EXISTING_STACK, profile: "dev" });
  const behindCdn = synthStack(CDN_STACK);

  it("creates the network from cidr and azs, or none in an existing VPC, whose CIDR it reads", () => {
    expect(own.resource.aws_vpc.network).toMatchObject({ cidr_block: "10.20.0.0/16" });
    expect(own.data.aws_vpc).not.toHaveProperty("existing_network");
    expect(existing.resource).not.toHaveProperty("aws_vpc");
    expect(existing.resource).not.toHaveProperty("aws_subnet");
    expect(existing.data.aws_vpc.existing_network).toEqual({ id: EXISTING_NETWORK.vpc_id });
    expect(existing.resource.aws_lb.alb.subnets).toEqual(EXISTING_NETWORK.public_subnet_ids);
    expect(existing.resource.aws_efs_mount_target.storage_grafana).toMatchObject({ count: 2 });
  });

  it("reads the profile's values in TypeScript, so the root holds them and no profile table", () => {
    expect(own.locals).not.toHaveProperty("profiles");
    expect(own.resource.aws_cloudwatch_log_group.network_flow_logs.retention_in_days).toBe(STACK_PROFILES.dev.flow_logs_retention_days);
    expect(behindCdn.resource.aws_lb.alb.enable_deletion_protection).toBe(STACK_PROFILES.prod.deletion_protection);
  });

  it("guards the data stores against destroy only when the root asks", () => {
    expect(own.resource.aws_s3_bucket.storage.lifecycle).toEqual({ prevent_destroy: true });
    expect(own.resource.aws_efs_file_system.storage_grafana.lifecycle).toEqual({ prevent_destroy: true });
    expect(existing.resource.aws_s3_bucket.storage).not.toHaveProperty("lifecycle");
  });

  it("puts CloudFront in front of Grafana only, whose route then needs the origin header", () => {
    expect(own.resource).not.toHaveProperty("aws_cloudfront_distribution");
    expect(behindCdn.resource.aws_cloudfront_distribution.cdn).toMatchObject({ aliases: ["grafana.lgtm.example.com"], origin: [expect.objectContaining({ domain_name: "${aws_lb.alb.dns_name}" })] });
    const routes = behindCdn.resource.aws_lb_target_group.alb_route.for_each as Record<string, { cloudfront_only: boolean; ingestion: boolean }>;
    expect(Object.entries(routes).filter(([, route]) => route.cloudfront_only).map(([key]) => key)).toEqual(["grafana"]);
    expect(Object.values(routes).filter((route) => route.ingestion && route.cloudfront_only)).toEqual([]);
  });

  it("routes OTLP over gRPC only with a certificate, and serves Grafana over HTTPS then", () => {
    expect(Object.keys(own.resource.aws_lb_target_group.alb_route.for_each as object)).not.toContain("tempo_otlp_grpc");
    expect(behindCdn.resource.aws_lb_listener.alb_https).toMatchObject({ count: 1, certificate_arn: CERTIFICATE_ARN });
    expect(behindCdn.locals.ecs_lgtm_grafana).toContain('"GF_SERVER_ROOT_URL" = "https://grafana.lgtm.example.com/"');
    expect(own.locals.ecs_lgtm_grafana).toContain('"GF_SERVER_ROOT_URL" = "http://grafana.lgtm.example.com/"');
  });

  it("puts Grafana at the CDN's alias when one is given", () => {
    const aliased = synthStack({ ...CDN_STACK, cdn: { certificate_arn: CDN_STACK.cdn!.certificate_arn, aliases: ["grafana.example.com"] } });
    expect(aliased.resource.aws_cloudfront_distribution.cdn.aliases).toEqual(["grafana.example.com"]);
    expect((aliased.resource.aws_lb_target_group.alb_route.for_each as Record<string, { host: string }>).grafana.host).toBe("grafana.example.com");
  });
});

describe("the published lgtm module", () => {
  const files = freshModules().get("lgtm")!;
  const main = JSON.parse(files["main.tf.json"]);

  it("reads its profile from the same table the envs read, indexed by var.profile", () => {
    expect(main.locals.profiles).toEqual(JSON.parse(JSON.stringify(STACK_PROFILES)));
    expect(main.module.ecs.log_retention_days).toBe("${local.profiles[var.profile].log_retention_days}");
  });

  it("calls the building blocks beside it, the network only without existing_network, the CDN only with cdn", () => {
    expect(Object.fromEntries(Object.entries<{ source: string; count?: string }>(main.module).map(([name, call]) => [name, [call.source, call.count]]))).toEqual({
      network: ["../network", "${var.existing_network != null ? 0 : 1}"],
      storage: ["../lgtm-storage", undefined],
      service_discovery: ["../service-discovery", undefined],
      alb: ["../alb", undefined],
      ecs: ["../ecs-fargate", undefined],
      cdn: ["./modules/grafana-cdn", "${var.cdn != null ? 1 : 0}"],
    });
    expect(main.module.alb.vpc_id).toBe("${var.existing_network != null ? var.existing_network.vpc_id : (var.existing_network != null ? 0 : 1) == 1 ? module.network[0].vpc_id : null}");
  });
});
