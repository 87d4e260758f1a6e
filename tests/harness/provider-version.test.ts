import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkTerraform, formatDiagnostics, HarnessSetupError, providerSchemaPath, writeScratchRoot, type ScratchRoot } from "../support/terraform-runner";

// Current releases of popular modules require a newer hashicorp/aws than
// 6.19.0. The harness serves whichever version's schema it is given, under
// that version's number: from the schema file's name or set explicitly.

const SCHEMA_6_19 = providerSchemaPath();

const NEEDS_6_28 = `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 6.28" }
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "lgtm-logs"
}
`;

describe("serving another provider version", () => {
  const saved = { ...process.env };
  let schemas: string;
  let root: ScratchRoot;
  let pinnedTo619: ScratchRoot;

  beforeAll(async () => {
    schemas = await mkdtemp(join(tmpdir(), "lgtm-schemas-"));
    await symlink(SCHEMA_6_19, join(schemas, "aws-provider-schema-6.42.0.json.gz"));
    await symlink(SCHEMA_6_19, join(schemas, "schema.json.gz"));
    root = await writeScratchRoot({ "main.tf": NEEDS_6_28 });
    pinnedTo619 = await writeScratchRoot({});
  });

  afterEach(() => {
    process.env = { ...saved };
  });

  afterAll(async () => {
    await root?.cleanup();
    await pinnedTo619?.cleanup();
    await rm(schemas, { recursive: true, force: true });
  });

  it("plans a configuration requiring >= 6.28 against a schema file named for 6.42.0", async () => {
    // The same schema served as 6.19.0 first: its mirror must not be taken for 6.42.0's.
    expect((await checkTerraform(pinnedTo619.dir, { plan: false })).ok).toBe(true);
    process.env.LGTM_AWS_PROVIDER_SCHEMA = join(schemas, "aws-provider-schema-6.42.0.json.gz");
    const result = await checkTerraform(root.dir);
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    expect(result.summary?.create).toBe(1);
  }, 120_000);

  it("takes the version from LGTM_AWS_PROVIDER_VERSION when the file name has none", async () => {
    process.env.LGTM_AWS_PROVIDER_SCHEMA = join(schemas, "schema.json.gz");
    process.env.LGTM_AWS_PROVIDER_VERSION = "6.42.0";
    const result = await checkTerraform(root.dir, { plan: false });
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
  }, 120_000);

  it("refuses a schema file whose name has no version when none is given", async () => {
    process.env.LGTM_AWS_PROVIDER_SCHEMA = join(schemas, "schema.json.gz");
    const failure = checkTerraform(root.dir);
    await expect(failure).rejects.toBeInstanceOf(HarnessSetupError);
    await expect(failure).rejects.toThrow(/schema\.json\.gz[\s\S]*aws-provider-schema-<version>\.json[\s\S]*LGTM_AWS_PROVIDER_VERSION[\s\S]*--provider-version/);
  });

  it("refuses a version terraform could not install", async () => {
    process.env.LGTM_AWS_PROVIDER_VERSION = "latest";
    await expect(checkTerraform(root.dir)).rejects.toThrow(/"latest" is not a provider version/);
  });
});
