import { beforeAll, describe, expect, it } from "vitest";
import { COMMENT_BUDGET, characters, utf8Bytes } from "../../tools/plan-comment/budget";
import { readPlanMarker } from "../../tools/plan-comment/marker";
import { PlanJson, ResourceChange } from "../../tools/plan-comment/plan";
import { planHash } from "../../tools/plan-comment/plan-hash";
import { PlanCommentInput, PlanSource, commentOptions, jobSummaryOptions, renderPlanComment } from "../../tools/plan-comment/render";
import { readFileSync } from "node:fs";
import { HUGE_COUNT, HarnessPlan, REPLACED_ON_REQUEST, SmallPlans, hugePlan, smallPlans } from "../support/plan-fixtures";
import { readmeSample, SAMPLE_PLAN_COMMENT } from "../support/readme-plan-comment";
import { README } from "../../tools/readme-block";

const SOURCE: PlanSource = {
  head: "4f3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a",
  runId: "9876543210",
  runUrl: "https://github.com/example-org/lgtm-fargate/actions/runs/9876543210",
  artifact: { name: "plan-dev", url: "https://github.com/example-org/lgtm-fargate/actions/runs/9876543210/artifacts/4242" },
};

const input = (harness: HarnessPlan, extra: Partial<PlanCommentInput> = {}): PlanCommentInput => ({
  kind: "plan",
  env: "dev",
  plan: harness.plan,
  planText: harness.text,
  source: SOURCE,
  ...extra,
});

/** The lines of the comment's sections, by the heading or block that opens them. */
const section = (comment: string, start: string, end: string) => comment.slice(comment.indexOf(start), comment.indexOf(end, comment.indexOf(start)));

let plans: SmallPlans;
let huge: HarnessPlan;

beforeAll(async () => {
  [plans, huge] = await Promise.all([smallPlans(), hugePlan()]);
});

describe("a create-only plan", () => {
  let comment: string;
  beforeAll(() => (comment = renderPlanComment(input(plans.create))));

  it("counts from the JSON, grouped by module and type, no warning", () => {
    expect(comment).toContain("**7 to add · 0 to change · 0 to replace · 0 to destroy · 0 to move · 0 to import** · 1 output to change");
    expect(comment).not.toContain("No changes");
    expect(comment).not.toContain("[!CAUTION]");
    expect(section(comment, "#### Changes by module and type", "<details>")).toBe(
      [
        "#### Changes by module and type",
        "",
        "- root module",
        "  - `aws_sns_topic`",
        "    - `+` add `alerts`",
        "  - `aws_sqs_queue`",
        "    - `+` add `jobs`",
        "- `module.logs`",
        "  - `aws_cloudwatch_log_group`",
        "    - `+` add `app`",
        "    - `+` add `audit`",
        "- `module.storage`",
        "  - `aws_s3_bucket`",
        "    - `+` add `archive`",
        "    - `+` add `data`",
        "  - `aws_s3_bucket_versioning`",
        "    - `+` add `data`",
        "",
        "",
      ].join("\n"),
    );
  });

  it("starts with the env's marker recording the plan hash, the head, the run and that it changes something", () => {
    expect(readPlanMarker(comment, "dev")).toEqual({ env: "dev", plan: planHash(plans.create.plan), head: SOURCE.head, run: SOURCE.runId, changes: true });
    expect(readPlanMarker(comment, "prod")).toBeUndefined();
  });

  it("keeps the whole plan text in a collapsed block, marked for diff colouring", () => {
    const details = section(comment, "<details>", "</details>");
    expect(details).toContain("+  + resource \"aws_sns_topic\" \"alerts\" {");
    expect(details).toContain("Plan: 7 to add, 0 to change, 0 to destroy.");
    expect(comment).not.toContain("[!NOTE]");
  });

  it("says the cost is unavailable without an estimate, and shows before → after and the delta with one", () => {
    expect(comment).toContain("**Monthly cost:** unavailable (no estimate was given for this plan)");
    const priced = renderPlanComment(input(plans.create, { cost: { before: 0, after: 41.7 } }));
    expect(priced).toContain("**Monthly cost:** $0.00 → $41.70 (**+$41.70**)");
    const cheaper = renderPlanComment(input(plans.create, { cost: { before: 1250, after: 1000 } }));
    expect(cheaper).toContain("**Monthly cost:** $1,250.00 → $1,000.00 (**−$250.00**, −20.0%)");
  });
});

describe("a plan with no changes", () => {
  it("says so, records it in the marker, and lists nothing", () => {
    const comment = renderPlanComment(input(plans.noop));
    expect(comment).toContain("**No changes.** `dev` matches the configuration.");
    expect(readPlanMarker(comment, "dev")?.changes).toBe(false);
    expect(comment).not.toContain("[!CAUTION]");
    expect(comment).not.toContain("#### Changes by module and type");
  });
});

describe("a plan that updates, replaces, destroys, forgets and moves", () => {
  let comment: string;
  beforeAll(() => (comment = renderPlanComment(input(plans.changed))));

  it("counts a replacement once, where terraform's own line counts it as an add and a destroy", () => {
    expect(comment).toContain("**0 to add · 2 to change · 1 to replace · 1 to destroy · 1 to move · 0 to import · 1 to forget** · 1 output to change");
    expect(plans.changed.text).toContain("Plan: 1 to add, 2 to change, 2 to destroy.");
  });

  it("warns first, before the cost and the list, naming every replace and destroy with its reason (a forget destroys nothing)", () => {
    const warning = section(comment, "> [!CAUTION]", "**Monthly cost:**");
    expect(warning.trim().split("\n")).toEqual([
      "> [!CAUTION]",
      "> **2 to destroy or replace in `dev`**",
      `> - **replace** \`${REPLACED_ON_REQUEST}\`: requested with \`-replace\``,
      "> - **destroy** `module.storage.aws_s3_bucket.archive`: no longer in the configuration",
    ]);
    expect(comment.indexOf("[!CAUTION]")).toBeLessThan(comment.indexOf("#### Changes by module and type"));
  });

  it("lists each change under its module and type, moves with where they came from", () => {
    const list = section(comment, "#### Changes by module and type", "<details>");
    expect(list).toContain("- root module\n  - `aws_sns_topic`\n    - `→` move `alarms` · from `aws_sns_topic.alerts`");
    expect(list).toContain("- `module.logs`\n  - `aws_cloudwatch_log_group`\n    - `~` change `app`\n    - `-/+` replace `audit`");
    expect(list).toContain("- `module.storage`\n  - `aws_s3_bucket`\n    - `-` destroy `archive`\n    - `~` change `data`");
    expect(list).toContain("  - `aws_s3_bucket_versioning`\n    - `.` forget (stays in AWS, leaves the state) `data`");
    expect(list).not.toContain("aws_sqs_queue");
  });
});

/**
 * The stand-in provider has no ForceNew, so no harness plan replaces because an attribute changed.
 * These fixtures are the harness's `changed` plan with one change edited the way the real provider
 * would plan it: the bucket rename becomes a replacement forced by `bucket` (terraform's JSON for
 * that: actions delete+create, action_reason replace_because_cannot_update, replace_paths); and one
 * created resource becomes an import (change.importing), which the stand-in cannot plan either (it
 * has no ImportResourceState).
 */
describe("fixtures derived from harness plans: forced replacement and import", () => {
  const edit = (plan: PlanJson, address: string, patch: (change: ResourceChange) => ResourceChange): PlanJson => ({
    ...plan,
    resource_changes: plan.resource_changes!.map((change) => (change.address === address ? patch(structuredClone(change)) : change)),
  });

  it("names the attribute that forces a replacement", () => {
    const plan = edit(plans.changed.plan, "module.storage.aws_s3_bucket.data", (change) => ({
      ...change,
      action_reason: "replace_because_cannot_update",
      change: { ...change.change, actions: ["delete", "create"], replace_paths: [["bucket"]] },
    }));
    const comment = renderPlanComment({ ...input(plans.changed), plan });
    expect(comment).toContain("**0 to add · 1 to change · 2 to replace · 1 to destroy · 1 to move · 0 to import · 1 to forget**");
    expect(comment).toContain("> - **replace** `module.storage.aws_s3_bucket.data`: forced by `bucket`");
    expect(planHash(plan)).not.toBe(planHash(plans.changed.plan));
  });

  it("counts and lists an import", () => {
    const plan = edit(plans.create.plan, "aws_sns_topic.alerts", (change) => ({ ...change, change: { ...change.change, importing: { id: "arn:aws:sns:eu-west-1:123456789012:lgtm-alerts" } } }));
    const comment = renderPlanComment({ ...input(plans.create), plan });
    expect(comment).toContain("· 1 to import**");
    expect(comment).toContain("    - `+` add `alerts` · imported from `arn:aws:sns:eu-west-1:123456789012:lgtm-alerts`");
  });
});

describe(`a huge plan (${HUGE_COUNT + 1} resources)`, () => {
  let comment: string;
  beforeAll(() => (comment = renderPlanComment(input(huge))));

  it("fits GitHub's limit as a whole, counts stay exact, and many alike instances take one line", () => {
    expect(huge.text.length).toBeGreaterThan(3 * COMMENT_BUDGET);
    expect(characters(comment)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(COMMENT_BUDGET).toBeLessThan(65_536);
    expect(comment).toContain(`**${HUGE_COUNT + 1} to add · 0 to change`);
    expect(comment).toContain(`    - \`+\` add \`service\` × ${HUGE_COUNT} (\`service[0]\` … \`service[${HUGE_COUNT - 1}]\`)`);
  });

  it("cuts the plan text at a line, says how much and where the rest is, and closes its blocks", () => {
    const total = huge.text.trim().split("\n").length;
    const note = /> Shortened to fit GitHub's size limit \(plan text: ([\d,]+) of ([\d,]+) lines shown\)\. The full plan is in the \[job summary\]\(([^)]+)\) and the `plan-dev` artifact \(`plan\.txt`\)\./.exec(comment);
    expect(note).not.toBeNull();
    expect(Number(note![2].replace(/,/g, ""))).toBe(total);
    expect(note![3]).toBe(SOURCE.runUrl);
    const shown = Number(note![1].replace(/,/g, ""));
    expect(shown).toBeGreaterThan(1000);
    expect(comment).toContain(`# … ${(total - shown).toLocaleString("en-US")} more lines cut\n\`\`\`\n\n</details>`);
    expect(comment.trimEnd().endsWith("</sub>")).toBe(true);
  });

  it("keeps the whole text in the job summary, within its 1 MiB", () => {
    const summary = renderPlanComment(input(huge), jobSummaryOptions(SOURCE));
    expect(summary).not.toContain("[!NOTE]");
    expect(summary).toContain(`aws_cloudwatch_log_group.service[${HUGE_COUNT - 1}] will be created`);
    expect(utf8Bytes(summary)).toBeLessThanOrEqual(1_000_000);
  });
});

describe("the budget's order: plan text first, then the list of changes, the warning last", () => {
  it("holds at every budget from the full comment down to what cannot be cut", () => {
    const render = (budget: number) => renderPlanComment(input(plans.changed), { ...commentOptions(SOURCE), budget });
    const seen = new Set<string>();
    let budget = render(COMMENT_BUDGET).length;
    for (; budget > 0; budget -= 10) {
      let comment: string;
      try {
        comment = render(budget);
      } catch (error) {
        expect(String(error)).toMatch(/over the budget/);
        break;
      }
      expect(comment.length).toBeLessThanOrEqual(budget);
      const cut = (name: string) => new RegExp(`${name}: (\\d+) of (\\d+) lines shown`).exec(comment);
      const [text, list, warnings] = [cut("plan text"), cut("list of changes"), cut("destroy and replace list")];
      if (list) expect(text?.[1], `${budget}: the list is cut while plan text is shown`).toBe("0");
      if (warnings) expect(list?.[1], `${budget}: the warning is cut while the list is shown`).toBe("0");
      seen.add([text, list, warnings].map((found) => (found ? "cut" : "whole")).join("/"));
    }
    expect([...seen]).toEqual(["whole/whole/whole", "cut/whole/whole", "cut/cut/whole", "cut/cut/cut"]);
    expect(budget, "the header, cost, note and footer alone").toBeGreaterThan(900);
  });
});

describe("the README", () => {
  it("shows the comment this renderer makes for the harness plan (run `npm run readme:plan-comment` when this fails)", () => {
    expect(SAMPLE_PLAN_COMMENT.in(readFileSync(README, "utf8"))).toBe(readmeSample(plans.changed));
  });
});
