import { beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_ARN } from "../support/alb";
import { plausibleAttribute } from "../support/aws-provider/plausible-values";
import { CDN_CERTIFICATE_ARN } from "../support/grafana-cdn";
import { BAD_STACK_INPUTS, BASE_STACK, EXISTING_NETWORK, EXISTING_STACK } from "../support/lgtm-stack";
import { hclArgs, planCallsOf, validationErrorsByCall } from "../support/module-calls";
import { sizeForLoad } from "../../modules/ecs-fargate/lgtm/sizing/for-load";
import { completeLoad, REFERENCE_LOAD } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { CheckResult, formatDiagnostics, plannedActions } from "../support/terraform-runner";

/**
 * Two calls in one root, as teams write them: `own` creates its network (prod profile, HTTPS,
 * CloudFront in front of Grafana, an alert topic); `existing` runs in a VPC given by literal IDs
 * (dev profile, plain HTTP), sized for the reference load instead of by its profile.
 */
const CALLS = {
  own: hclArgs({
    ...BASE_STACK,
    certificateArn: CERTIFICATE_ARN,
    cdn: { certificate_arn: CDN_CERTIFICATE_ARN },
    alertSnsTopicArn: "arn:aws:sns:eu-west-1:123456789012:alerts",
    tags: { Team: "observability" },
  }),
  existing: hclArgs({ ...EXISTING_STACK, profile: "dev", load: REFERENCE_LOAD }),
};
const OUTPUTS = Object.keys(CALLS)
  .map((call) => `output "${call}" {\n  value = module.${call}\n}`)
  .join("\n");

type Attributes = Record<string, unknown>;

describe("the lgtm module from HCL, with its own network and in an existing VPC", () => {
  let result: CheckResult;
  const addresses = (prefix: string) => Object.keys(plannedActions(result.plan!)).filter((address) => address.startsWith(prefix));
  const after = (address: string) => result.plan!.resource_changes!.find((change) => change.address === address)!.change.after as Attributes;
  const output = (call: string) => result.plan!.output_changes![call].after as Attributes;
  const unknown = (call: string) => result.plan!.output_changes![call].after_unknown as Attributes;

  beforeAll(async () => {
    result = await planCallsOf("lgtm", CALLS, OUTPUTS);
  });

  it("plans both calls with only creations", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    expect(result.summary).toMatchObject({ update: 0, delete: 0, replace: 0 });
  });

  it("creates a network per AZ from cidr and azs, with the prod profile's NAT gateway per AZ, and none in an existing VPC", () => {
    expect(after("module.own.module.network[0].aws_vpc.this")).toMatchObject({ cidr_block: BASE_STACK.cidr });
    expect(addresses("module.own.module.network[0].aws_nat_gateway.")).toHaveLength(3);
    expect(addresses("module.existing.module.network")).toEqual([]);
    expect(after("module.existing.module.alb.aws_lb.this").subnets).toEqual(EXISTING_NETWORK.public_subnet_ids);
    expect(after("module.existing.module.storage.aws_efs_mount_target.grafana[1]").subnet_id).toBe(EXISTING_NETWORK.private_subnet_ids[1]);
  });

  it("admits pushes from the VPC it runs in: its own CIDR, or the one read off the existing VPC", () => {
    const cidrs = (call: string) =>
      new Set(
        result
          .plan!.resource_changes!.filter((c) => c.address.startsWith(`module.${call}.module.ecs.module.lgtm[0].aws_vpc_security_group_ingress_rule.`))
          .map((c) => (c.change.after as Attributes).cidr_ipv4)
          .filter(Boolean),
      );
    expect([...cidrs("own")]).toEqual([BASE_STACK.cidr]);
    // What the stand-in answers for any VPC's CIDR: read at plan, since the VPC ID is a literal.
    expect([...cidrs("existing")]).toEqual([plausibleAttribute({ type: "string" }, "cidr_block", { typeName: "aws_vpc", region: "eu-west-1" })]);
  });

  it("sizes by profile (the design's layout in prod), or for a load by Grafana's guidance, the rest of the profile unchanged", () => {
    const service = (call: string, group: string, key: string) => after(`module.${call}.module.ecs.module.lgtm[0].aws_ecs_service.${group}["${key}"]`);
    const task = (call: string, group: string, key: string) => after(`module.${call}.module.ecs.module.lgtm[0].aws_ecs_task_definition.${group}["${key}"]`);
    expect(service("own", "mimir", "mimir").desired_count).toBe(3);
    const forLoad = sizeForLoad(completeLoad(REFERENCE_LOAD)).roles;
    expect(service("existing", "mimir", "mimir").desired_count).toBe(forLoad.mimir.tasks);
    expect(task("existing", "mimir", "mimir")).toMatchObject({ cpu: String(forLoad.mimir.cpu), memory: String(forLoad.mimir.memory) });
    expect(service("existing", "loki", "ingester").desired_count).toBe(forLoad["loki-ingester"].tasks);
    expect(addresses("module.existing.module.ecs.module.lgtm[0].aws_ecs_service.loki[")).toContain('module.existing.module.ecs.module.lgtm[0].aws_ecs_service.loki["chunks-cache"]');
    const strategy = service("existing", "loki", "querier").capacity_provider_strategy as Attributes[];
    expect(strategy.map((share) => share.capacity_provider)).toContain("FARGATE_SPOT");
    expect(after("module.own.module.alb.aws_lb.this").enable_deletion_protection).toBe(true);
    expect(after("module.existing.module.alb.aws_lb.this").enable_deletion_protection).toBe(false);
  });

  it("serves HTTPS with gRPC for Tempo when given a certificate, plain HTTP without", () => {
    expect(after("module.own.module.alb.aws_lb_listener.https[0]").certificate_arn).toBe(CERTIFICATE_ARN);
    expect(after('module.own.module.alb.aws_lb_target_group.route["tempo_otlp_grpc"]')).toMatchObject({ port: 4317, protocol_version: "GRPC" });
    expect(addresses("module.existing.module.alb.aws_lb_listener.https")).toEqual([]);
    expect(addresses('module.existing.module.alb.aws_lb_target_group.route["tempo_otlp_grpc"]')).toEqual([]);
  });

  it("puts CloudFront in front of Grafana only, whose route then answers only the distribution", () => {
    expect(after("module.own.module.cdn[0].aws_cloudfront_distribution.this")).toMatchObject({ aliases: ["grafana.lgtm.example.com"], price_class: "PriceClass_200" });
    expect(addresses("module.own.module.alb.aws_security_group.cloudfront")).toEqual(["module.own.module.alb.aws_security_group.cloudfront[0]"]);
    expect(addresses("module.existing.module.cdn")).toEqual([]);
  });

  it("admits Grafana's tasks to its file system", () => {
    expect(after("module.own.aws_vpc_security_group_ingress_rule.grafana_efs_nfs")).toMatchObject({ from_port: 2049, to_port: 2049, ip_protocol: "tcp" });
  });

  it("outputs Grafana's URL, the push endpoints through the load balancer and the network, null CDN names without a CDN", () => {
    expect(output("own")).toMatchObject({
      grafana_url: "https://grafana.lgtm.example.com/",
      push_endpoints: {
        prometheus_remote_write: "https://mimir.lgtm.example.com/api/v1/push",
        loki_push: "https://loki.lgtm.example.com/loki/api/v1/push",
        otlp_http: "https://tempo.lgtm.example.com/v1/traces",
        otlp_grpc: "tempo.lgtm.example.com:443",
        pyroscope: "https://pyroscope.lgtm.example.com",
      },
    });
    expect(output("own")).toMatchObject({ bucket_name: "observability-123456789012-eu-west-1", cluster_name: "observability" });
    expect(unknown("own")).toMatchObject({ cdn_domain_name: true, vpc_id: true, grafana_admin_secret_arn: true });
    expect(output("existing")).toMatchObject({
      grafana_url: "http://grafana.lgtm.internal.example.com/",
      vpc_id: EXISTING_NETWORK.vpc_id,
      public_subnet_ids: EXISTING_NETWORK.public_subnet_ids,
      private_subnet_ids: EXISTING_NETWORK.private_subnet_ids,
      cdn_domain_name: null,
      internal_endpoints: expect.objectContaining({ otlp_http: "http://alloy.lgtm.local:4318", loki_push: "http://loki-distributor.lgtm.local:3100/loki/api/v1/push" }),
    });
    expect((output("existing").push_endpoints as Attributes).otlp_grpc).toBeNull();
  });
});

describe("lgtm module validations under terraform plan", () => {
  let errors: Map<string, string[]>;

  beforeAll(async () => {
    errors = await validationErrorsByCall("lgtm", Object.fromEntries(BAD_STACK_INPUTS.map((bad, i) => [`bad_${i}`, hclArgs({ ...BASE_STACK, ...bad.props })])));
  });

  it("reports errors only against the bad calls", () => {
    expect([...errors.keys()].sort()).toEqual(BAD_STACK_INPUTS.map((_, i) => `bad_${i}`).sort());
  });

  it.each(BAD_STACK_INPUTS.map((bad, i) => ({ ...bad, i })))("rejects $case in var.$variable with the synth-time message", ({ variable, message, i }) => {
    const messages = (errors.get(`bad_${i}`) ?? []).join("\n");
    expect(messages).toContain(`Invalid value for variable: ${variable} `);
    expect(messages).toContain(message);
  });
});
