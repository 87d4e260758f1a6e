// npm run readme:plan-comment
//
// Renders the README's sample PR comment from a real harness plan (the `changed` plan of
// plan-fixtures: updates, a replacement, a destroy, a move), priced by the cost estimator as the
// plan workflow prices it, and writes it between the README's markers. tests/plan-comment/render.test.ts fails when the README's copy is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { estimatePlan } from "../../tools/cost/estimate";
import { PlanJson as CostPlanJson } from "../../tools/cost/plan-json";
import { renderPlanComment } from "../../tools/plan-comment/render";
import { HarnessPlan, planChanged, planCreate } from "./plan-fixtures";
import { README, ReadmeBlock } from "../../tools/readme-block";

export const SAMPLE_PLAN_COMMENT = new ReadmeBlock("sample-plan-comment", "npm run readme:plan-comment");

/** The comment the plan workflow would post for this plan on PR 42 of an example repository, with the estimator's cost. */
export function readmeSample(changed: HarnessPlan): string {
  const runUrl = "https://github.com/example-org/lgtm-fargate/actions/runs/9876543210";
  // The two modules type the parts of `terraform show -json` each reads; the file is the same.
  const { before, after } = estimatePlan(changed.plan as object as CostPlanJson);
  return renderPlanComment({
    kind: "plan",
    env: "dev",
    plan: changed.plan,
    planText: changed.text,
    source: { head: "4f3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a", runId: "9876543210", runUrl, artifact: { name: "plan-dev", url: `${runUrl}/artifacts/4242` } },
    cost: { before: before.totalUsd, after: after.totalUsd },
  });
}

if (require.main === module) {
  planCreate()
    .then(planChanged)
    .then((changed) => {
      writeFileSync(README, SAMPLE_PLAN_COMMENT.with(readFileSync(README, "utf8"), readmeSample(changed)));
      console.log(`README.md: sample plan comment rewritten from a harness plan`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
