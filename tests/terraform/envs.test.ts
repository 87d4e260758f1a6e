import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerEnvs } from "../../main";
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
