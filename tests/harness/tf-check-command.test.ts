import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTerraform, HarnessSetupError, providerSchemaPath, REPO_ROOT, writeScratchRoot, type ScratchRoot } from "../support/terraform-runner";

// `npm run tf:check` as a developer uses it, and the harness failing loudly
// when what it needs is missing.

function tfCheck(...args: string[]) {
  return spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs"), join(REPO_ROOT, "tests/support/tf-check.ts"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
}

describe("tf:check", () => {
  let valid: ScratchRoot;
  let invalid: ScratchRoot;

  beforeAll(async () => {
    valid = await writeScratchRoot({ "main.tf": 'resource "aws_s3_bucket" "logs" {\n  bucket = "lgtm-logs"\n}\n' });
    invalid = await writeScratchRoot({ "main.tf": 'resource "aws_s3_bucket" "logs" {\n  bucket_name = "lgtm-logs"\n}\n' });
  });

  afterAll(async () => {
    await valid?.cleanup();
    await invalid?.cleanup();
  });

  it(
    "prints a plan summary, writes the plan JSON and exits 0 on a valid directory",
    () => {
      const planJson = join(valid.dir, "plan.json");
      const run = tfCheck(valid.dir, "--plan-json", planJson);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 no-op");
      expect(run.stdout).toMatch(/OK \(stand-in hashicorp\/aws 6\.19\.0; .*init \d+ ms, plan \d+ ms, show \d+ ms/);
      expect(JSON.parse(readFileSync(planJson, "utf8")).resource_changes[0].address).toBe("aws_s3_bucket.logs");
    },
    60_000,
  );

  it(
    "prints terraform's error and exits non-zero on an invalid directory",
    () => {
      const run = tfCheck(invalid.dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain("Error: Unsupported argument  [plan]");
      expect(run.stdout).toContain("on main.tf line 2, in resource \"aws_s3_bucket\" \"logs\":");
      expect(run.stdout).toContain('An argument named "bucket_name" is not expected here.');
      expect(run.stdout).toContain("FAILED");
    },
    60_000,
  );

  it("exits 2 with usage when no directory is given or an argument is malformed", () => {
    const noDirectory = tfCheck();
    expect(noDirectory.status).toBe(2);
    expect(noDirectory.stderr).toContain("usage: npm run tf:check -- <dir>");
    const badVariable = tfCheck(valid.dir, "--var", "environment");
    expect(badVariable.status).toBe(2);
    expect(badVariable.stderr).toContain("--var expects name=value, got environment");
  });

  it(
    "passes --var values to plan, JSON-typed when they parse",
    async () => {
      const root = await writeScratchRoot({
        "main.tf": 'variable "zones" {\n  type = list(string)\n}\noutput "zone_count" {\n  value = length(var.zones)\n}\n',
      });
      try {
        const planJson = join(root.dir, "plan.json");
        const run = tfCheck(root.dir, "--var", 'zones=["a","b","c"]', "--plan-json", planJson);
        expect(run.status).toBe(0);
        expect(JSON.parse(readFileSync(planJson, "utf8")).output_changes.zone_count.after).toBe(3);
      } finally {
        await root.cleanup();
      }
    },
    60_000,
  );

  it(
    "serves the schema given by --provider-schema under the version given by --provider-version",
    async () => {
      const root = await writeScratchRoot({
        "main.tf": 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "6.42.0" }\n  }\n}\n',
      });
      try {
        await symlink(providerSchemaPath(), join(root.dir, "unversioned.json.gz"));
        const run = tfCheck(root.dir, "--provider-schema", join(root.dir, "unversioned.json.gz"), "--provider-version", "6.42.0", "--no-plan");
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/OK \(stand-in hashicorp\/aws 6\.42\.0; /);
      } finally {
        await root.cleanup();
      }
    },
    60_000,
  );
});

describe("missing prerequisites", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it("names the missing schema file and the ways to fix it", async () => {
    process.env = { ...saved, LGTM_AWS_PROVIDER_SCHEMA: "/nonexistent/schema.json.gz" };
    const root = await writeScratchRoot({});
    try {
      const failure = checkTerraform(root.dir);
      await expect(failure).rejects.toBeInstanceOf(HarnessSetupError);
      await expect(failure).rejects.toThrow(/provider schema is missing: \/nonexistent\/schema\.json\.gz[\s\S]*LGTM_TF_REAL_PROVIDER=1/);
    } finally {
      await root.cleanup();
    }
  });

  it("names the missing terraform binary and the version to install", async () => {
    process.env = { ...saved, LGTM_TERRAFORM: "/nonexistent/terraform" };
    const root = await writeScratchRoot({});
    try {
      await expect(checkTerraform(root.dir)).rejects.toThrow(/terraform was not found \(tried "\/nonexistent\/terraform"\)\. Install terraform 1\.11\.4/);
    } finally {
      await root.cleanup();
    }
  });
});
