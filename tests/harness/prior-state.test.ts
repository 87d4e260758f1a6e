import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScratchRoot, checkTerraform, formatDiagnostics, plannedActions, stateFromPlan, writeScratchRoot } from "../support/terraform-runner";

const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "lgtm-${name}"\n}`;
// An attribute named like a schema doc field (`description`) and a write-only one (`value_wo`).
const parameter = `resource "aws_ssm_parameter" "kept" {\n  name = "/lgtm/kept"\n  type = "String"\n  value = "v"\n  description = "kept"\n}`;
const provider = `provider "aws" {\n  region = "eu-west-1"\n}`;

describe("planning against a prior state", () => {
  let root: ScratchRoot;
  let state: object;

  beforeAll(async () => {
    root = await writeScratchRoot({ "main.tf": [provider, bucket("kept"), bucket("dropped"), bucket("renamed"), parameter].join("\n\n") });
    const first = await checkTerraform(root.dir);
    expect(first.ok, formatDiagnostics(first.diagnostics)).toBe(true);
    state = stateFromPlan(first.plan!);
  });

  afterAll(() => root.cleanup());

  it("plans no changes for the configuration the state came from", async () => {
    const again = await checkTerraform(root.dir, { state });
    expect(again.summary).toMatchObject({ create: 0, delete: 0, replace: 0, update: 0 });
  });

  it("plans a destroy, a replace and a move", async () => {
    const moved = `moved {\n  from = aws_s3_bucket.renamed\n  to   = aws_s3_bucket.moved_here\n}`;
    const next = await writeScratchRoot({ "main.tf": [provider, bucket("kept"), bucket("moved_here").replace("lgtm-moved_here", "lgtm-renamed"), moved, parameter].join("\n\n") });
    try {
      const result = await checkTerraform(next.dir, { state, replace: ["aws_s3_bucket.kept"] });
      expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
      expect(plannedActions(result.plan!)).toEqual({
        "aws_s3_bucket.kept": "replace",
        "aws_s3_bucket.dropped": "delete",
        "aws_s3_bucket.moved_here": "no-op",
        "aws_ssm_parameter.kept": "no-op",
      });
      const movedChange = result.plan!.resource_changes!.find((c) => c.address === "aws_s3_bucket.moved_here") as { previous_address?: string };
      expect(movedChange.previous_address).toBe("aws_s3_bucket.renamed");
    } finally {
      await next.cleanup();
    }
  });
});
