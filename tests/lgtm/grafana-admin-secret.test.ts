import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, Testing } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadableStack } from "../../lib/readable-stack";
import { GrafanaAdminSecret } from "../../modules/ecs-fargate/lgtm/grafana/admin-secret";
import { grafanaContainer } from "../../modules/ecs-fargate/lgtm/grafana/container";
import { literalSecrets, STAND_IN_PASSWORD } from "../support/secret-scan";
import { CheckResult, checkTerraform, formatDiagnostics, ResourceChange, ScratchRoot, writeScratchRoot } from "../support/terraform-runner";
import { GRAFANA_SETTINGS } from "./support/settings";

const PASSWORD = STAND_IN_PASSWORD;

let synthesized: string;
let root: ScratchRoot;
let result: CheckResult;

beforeAll(async () => {
  const stack = new ReadableStack(Testing.app(), "secret");
  new AwsProvider(stack, "aws", { region: "ap-northeast-2" });
  const secret = new GrafanaAdminSecret(stack, "grafana", { name: "lgtm-test/grafana/admin-password", recoveryWindowInDays: 7 });
  new TerraformOutput(stack, "password_from", { value: grafanaContainer(GRAFANA_SETTINGS, secret.secretArn).secrets[0].valueFrom });
  synthesized = Testing.synth(stack);
  root = await writeScratchRoot({ "main.tf.json": synthesized });
  result = await checkTerraform(root.dir);
});

afterAll(() => root.cleanup());

const change = (address: string) => result.plan!.resource_changes!.find((c: ResourceChange) => c.address === address)!;

describe("Grafana admin secret", () => {
  it("plans the secret and a version written from an ephemeral password", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    const config = JSON.parse(synthesized);
    expect(config.ephemeral.aws_secretsmanager_random_password.grafana_admin_password).toEqual({ password_length: 32, exclude_punctuation: true });
    expect(config.resource.aws_secretsmanager_secret_version.grafana_admin_password).toMatchObject({
      secret_string_wo: "${ephemeral.aws_secretsmanager_random_password.grafana_admin_password.random_password}",
      secret_string_wo_version: 1,
    });
    expect(change("aws_secretsmanager_secret.grafana_admin_password").change.actions).toEqual(["create"]);
    expect(change("aws_secretsmanager_secret_version.grafana_admin_password").change.actions).toEqual(["create"]);
  });

  it("keeps the password value out of the plan: the write-only argument plans as null, nothing plain is set", () => {
    const after = change("aws_secretsmanager_secret_version.grafana_admin_password").change.after as Record<string, unknown>;
    expect(after).toMatchObject({ secret_string_wo: null, secret_string: null, secret_binary: null, secret_string_wo_version: 1 });
  });

  it("has the password value in neither the synthesized configuration nor the plan", () => {
    expect(PASSWORD).toBe("random_password-stand-in");
    expect(synthesized).not.toContain(PASSWORD);
    expect(JSON.stringify(result.plan)).not.toContain(PASSWORD);
  });

  it("has no password attribute holding a literal in the configuration or the plan", () => {
    expect(literalSecrets(JSON.parse(synthesized))).toEqual([]);
    expect(literalSecrets(result.plan)).toEqual([]);
    expect(literalSecrets({ resource: { v: { secret_string: "hunter2", secret_string_wo: "${ephemeral.x.y.z}" } } })).toEqual([".resource.v.secret_string"]);
  });

  it("hands Grafana the secret's ARN for ECS to inject", () => {
    expect(JSON.parse(synthesized).output.password_from.value).toBe("${aws_secretsmanager_secret.grafana_admin_password.arn}");
  });
});
