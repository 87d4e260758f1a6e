import { beforeAll, describe, expect, it } from "vitest";
import { PlanJson, ResourceChange } from "../../tools/plan-comment/plan";
import { NORMALIZATION, canonicalJson, normalizePlan, planHash } from "../../tools/plan-comment/plan-hash";
import { HarnessPlan, planChanged, planCreate } from "../support/plan-fixtures";

let create: HarnessPlan;
let changed: PlanJson;
let changedAgain: PlanJson;

beforeAll(async () => {
  create = await planCreate();
  [changed, changedAgain] = (await Promise.all([planChanged(create), planChanged(create)])).map((harness) => harness.plan);
});

/** A deep copy of the plan with one resource change edited. */
function editResource(plan: PlanJson, address: string, edit: (change: ResourceChange) => void): PlanJson {
  const copy = structuredClone(plan);
  const change = copy.resource_changes!.find((c) => c.address === address);
  expect(change, address).toBeDefined();
  edit(change!);
  return copy;
}

const UPDATED = "module.logs.aws_cloudwatch_log_group.app";
const UNCHANGED = "aws_sqs_queue.jobs";

describe("the plan hash", () => {
  it("is the same for two terraform runs planning the same change", () => {
    expect(planHash(changedAgain)).toBe(planHash(changed));
    expect(planHash(changed)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("ignores what differs between identical plans and what apply does not act on", () => {
    const noise = structuredClone(changed);
    noise.timestamp = "2031-01-01T00:00:00Z";
    noise.terraform_version = "1.11.5";
    noise.format_version = "1.3";
    noise.configuration = { root_module: { resources: [] } };
    noise.planned_values = {};
    noise.prior_state = {};
    noise.relevant_attributes = [];
    noise.resource_changes!.reverse();
    expect(planHash(noise)).toBe(planHash(changed));
  });

  it("ignores refreshed values of resources that do not change, and of attributes an update leaves alone", () => {
    const refreshed = editResource(changed, UNCHANGED, (change) => {
      (change.change.before as Record<string, unknown>).url = "https://sqs.eu-west-1.amazonaws.com/123456789012/lgtm-jobs";
      (change.change.after as Record<string, unknown>).url = "https://sqs.eu-west-1.amazonaws.com/123456789012/lgtm-jobs";
    });
    const untouched = editResource(refreshed, UPDATED, (change) => {
      (change.change.before as Record<string, unknown>).kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1";
      (change.change.after as Record<string, unknown>).kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1";
    });
    expect(planHash(untouched)).toBe(planHash(changed));
  });

  it("changes with anything apply would do differently", () => {
    const hash = planHash(changed);
    const edits: [string, PlanJson][] = [
      ["an updated attribute's new value", editResource(changed, UPDATED, (c) => ((c.change.after as Record<string, unknown>).retention_in_days = 60))],
      ["an updated attribute's old value (the state moved on)", editResource(changed, UPDATED, (c) => ((c.change.before as Record<string, unknown>).retention_in_days = 7))],
      ["an unchanged resource starting to change", editResource(changed, UNCHANGED, (c) => (c.change.actions = ["update"]))],
      ["a destroy becoming a forget", editResource(changed, "module.storage.aws_s3_bucket.archive", (c) => (c.change.actions = ["forget"]))],
      ["a forget becoming a destroy", editResource(changed, "module.storage.aws_s3_bucket_versioning.data", (c) => (c.change.actions = ["delete"]))],
      ["a move from elsewhere", editResource(changed, "aws_sns_topic.alarms", (c) => (c.previous_address = "aws_sns_topic.other"))],
      ["an attribute becoming unknown", editResource(changed, UPDATED, (c) => ((c.change.after_unknown as Record<string, unknown>).name = true))],
      ["a replacement's reason", editResource(changed, "module.logs.aws_cloudwatch_log_group.audit", (c) => (c.action_reason = "replace_because_tainted"))],
      ["an output's value", { ...structuredClone(changed), output_changes: { app_retention_days: { actions: ["update"], before: 14, after: 31 } } }],
    ];
    for (const [what, plan] of edits) expect(planHash(plan), what).not.toBe(hash);
    expect(planHash(create.plan)).not.toBe(hash);
  });

  it("hashes canonical JSON of the normalization named in it", () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: "x", skipped: undefined })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
    const normalized = normalizePlan(changed) as { normalization: string; resource_changes: { address: string }[] };
    expect(normalized.normalization).toBe(NORMALIZATION);
    expect(normalized.resource_changes.map((c) => c.address)).toEqual([
      "aws_sns_topic.alarms",
      "module.logs.aws_cloudwatch_log_group.app",
      "module.logs.aws_cloudwatch_log_group.audit",
      "module.storage.aws_s3_bucket.archive",
      "module.storage.aws_s3_bucket.data",
      "module.storage.aws_s3_bucket_versioning.data",
    ]);
  });
});
