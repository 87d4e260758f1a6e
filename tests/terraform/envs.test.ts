import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerEnvs } from "../../main";
import { lgtmStorageInputs, lgtmStorageRules } from "../../modules/lgtm-storage/inputs";
import { LgtmStorageProps } from "../../modules/lgtm-storage/props";
import { withDefaults } from "../../lib/inputs";
import { CheckResult, checkTerraform, plannedActions } from "../support/terraform-runner";

const outdir = mkdtempSync(join(tmpdir(), "lgtm-envs-"));
const results = new Map<string, CheckResult>();

beforeAll(async () => {
  const app = new App({ outdir });
  registerEnvs(app);
  app.synth();
  for (const env of ["dev", "prod"]) results.set(env, await checkTerraform(join(outdir, "stacks", env)));
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const stackJson = (env: string) => JSON.parse(readFileSync(join(outdir, "stacks", env, "cdk.tf.json"), "utf8"));
const planned = (env: string, address: string) => results.get(env)!.plan!.resource_changes!.find((c) => c.address === address)?.change.after as Record<string, unknown>;
const addresses = (env: string, prefix: string) => Object.keys(plannedActions(results.get(env)!.plan!)).filter((a) => a.startsWith(prefix)).sort();

describe.each(["dev", "prod"])("env %s under terraform plan", (env) => {
  it("inits, validates and plans only creations", () => {
    const result = results.get(env)!;
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.summary).toMatchObject({ update: 0, delete: 0, replace: 0 });
    expect(result.summary!.create).toBeGreaterThan(20);
  });

  it("keeps its state in S3, encrypted and locked, under its own key", () => {
    const stack = JSON.parse(readFileSync(join(outdir, "stacks", env, "cdk.tf.json"), "utf8"));
    expect(stack.terraform.backend).toEqual({ s3: { key: `lgtm-fargate/${env}/terraform.tfstate`, encrypt: true, use_lockfile: true } });
    expect(stack.provider.aws[0].default_tags[0].tags).toMatchObject({ Environment: env, Project: "lgtm-fargate" });
  });
});

describe("env profiles", () => {
  it("gives dev two AZs behind one NAT gateway", () => {
    expect(addresses("dev", "aws_nat_gateway.")).toEqual(['aws_nat_gateway.network["ap-northeast-2a"]']);
    expect(addresses("dev", "aws_subnet.network_private")).toHaveLength(2);
  });

  it("gives prod a NAT gateway per AZ and interface endpoints", () => {
    expect(addresses("prod", "aws_nat_gateway.")).toHaveLength(3);
    expect(addresses("prod", "aws_vpc_endpoint.network_interface")).toEqual(
      ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "sts"].map((service) => `aws_vpc_endpoint.network_interface["${service}"]`),
    );
  });
});

describe.each(["dev", "prod"])("env %s service discovery and telemetry storage", (env) => {
  it("registers the stack's services in lgtm.local inside the env's VPC", () => {
    expect(addresses(env, "aws_service_discovery_service.service_discovery")).toEqual(
      ["grafana", "loki", "mimir", "pyroscope", "tempo"].map((name) => `aws_service_discovery_service.service_discovery["${name}"]`),
    );
    expect(stackJson(env).resource.aws_service_discovery_private_dns_namespace.service_discovery).toMatchObject({ name: "lgtm.local", vpc: "${aws_vpc.network.id}" });
  });

  it("names its bucket after the env, account and region, within S3's naming rules", () => {
    const bucketName = planned(env, "aws_s3_bucket.storage").bucket as string;
    expect(bucketName).toBe(`lgtm-${env}-123456789012-ap-northeast-2`);
    const props = withDefaults<LgtmStorageProps>({ bucketName }, lgtmStorageInputs);
    for (const rule of lgtmStorageRules) expect(rule.valid(props), rule.allowed).toBe(true);
  });

  it("creates no Grafana file system until Grafana exists", () => {
    expect(addresses(env, "aws_efs")).toEqual([]);
  });
});

describe("env data protection", () => {
  it("lets no plan destroy prod's bucket, and leaves dev's disposable", () => {
    expect(stackJson("prod").resource.aws_s3_bucket.storage.lifecycle).toEqual({ prevent_destroy: true });
    expect(stackJson("dev").resource.aws_s3_bucket.storage).not.toHaveProperty("lifecycle");
    expect(stackJson("dev").resource.aws_s3_bucket.storage.force_destroy).toBe(false);
  });

  it("keeps a year of metrics and logs in prod and a month or less in dev", () => {
    const expirations = (env: string) =>
      (stackJson(env).resource.aws_s3_bucket_lifecycle_configuration.storage.rule as { id: string; expiration: { days?: number }[] }[])
        .filter((rule) => rule.id.startsWith("expire-"))
        .map((rule) => [rule.id, rule.expiration[0].days]);
    expect(expirations("prod")).toEqual([["expire-blocks", 395], ["expire-loki", 395], ["expire-tempo", 37], ["expire-pyroscope", 60]]);
    expect(expirations("dev")).toEqual([["expire-blocks", 60], ["expire-loki", 44], ["expire-tempo", 33], ["expire-pyroscope", 37]]);
  });
});
