import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GitHubApi, GitHubError } from "../github/api";
import { upsertComment } from "../github/comments";
import { syncDriftIssue } from "../github/drift-issue";
import { syncEnvLabels } from "../github/labels";
import { NotReviewedError, findReviewedPlan } from "../github/reviewed-plan";
import { seal, unseal } from "../plan-artifact/seal";
import { checkEnvName, marker, markerPrefix } from "../plan-comment/marker";
import { PlanJson, countPlan, hasChanges } from "../plan-comment/plan";
import { planHash } from "../plan-comment/plan-hash";
import { PlanCommentInput, PlanSource, jobSummaryOptions, renderPlanComment } from "../plan-comment/render";
import { MonthlyCost } from "../plan-comment/sections";
import { packageModules } from "../release/package-modules";
import { Runtime, annotate, appendJobSummary, readJson, readText, repository, runId, runUrl, setOutput } from "./runtime";

export interface Context {
  runtime: Runtime;
  api(): GitHubApi;
}

export type Args = Record<string, string | undefined>;

/** A failure the workflow reports as an annotation and a non-zero exit, without a stack trace. */
export class StopError extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

function arg(args: Args, name: string): string {
  const value = args[name];
  if (value === undefined || value === "") throw new Error(`--${name} is required`);
  return value;
}

function positiveInteger(args: Args, name: string): number {
  const value = Number(arg(args, name));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got ${args[name]}`);
  return value;
}

/** What the comment reads of the estimator's JSON (`npm run cost -- plan.json --json`, tools/cost/cli.ts). */
interface EstimateJson {
  estimate?: { before?: { totalUsd?: unknown }; after?: { totalUsd?: unknown } };
}

/**
 * The plan's monthly cost before and after, from the estimator's JSON. No file means the estimate
 * step failed (it may, without holding back the plan): the comment then says the cost is
 * unavailable, and a warning says why.
 */
export function readCost(path: string | undefined, runtime: Runtime): MonthlyCost | undefined {
  if (path === undefined) return undefined;
  if (!existsSync(path)) {
    annotate(runtime, "warning", "No cost estimate", `${path} does not exist: the estimate step failed (its log says why), so the comment says the cost is unavailable.`);
    return undefined;
  }
  const { estimate } = readJson<EstimateJson>(path);
  const [before, after] = [estimate?.before?.totalUsd, estimate?.after?.totalUsd];
  const valid = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;
  if (!valid(before) || !valid(after)) {
    throw new Error(`${path}: expected the estimator's JSON (npm run cost -- plan.json --json), { "estimate": { "before": { "totalUsd": <USD/month> }, "after": { "totalUsd": <USD/month> } } }`);
  }
  return { before, after };
}

function planInput(args: Args, runtime: Runtime, kind: PlanCommentInput["kind"]): PlanCommentInput {
  const artifact = args["artifact-name"] ? { name: args["artifact-name"], url: args["artifact-url"] || undefined } : undefined;
  const source: PlanSource = { head: arg(args, "head"), runId: runId(runtime), runUrl: runUrl(runtime), artifact };
  return {
    kind,
    env: checkEnvName(arg(args, "env")),
    plan: readJson<PlanJson>(arg(args, "plan-json")),
    planText: readText(arg(args, "plan-text")),
    source,
    cost: readCost(args["cost-json"], runtime),
  };
}

function countsSummary(plan: PlanJson): string {
  const counts = countPlan(plan);
  return Object.entries(counts)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}

/** Renders the env's plan comment, writes the full plan to the job summary, posts or updates the comment, sets the env's labels. */
async function prComment(args: Args, { runtime, api }: Context): Promise<void> {
  const input = planInput(args, runtime, "plan");
  const pr = positiveInteger(args, "pr");
  appendJobSummary(runtime, renderPlanComment(input, jobSummaryOptions(input.source)));
  const github = api();
  const outcome = await upsertComment(github, repository(runtime), pr, markerPrefix("plan", input.env), renderPlanComment(input));
  const labels = await syncEnvLabels(github, repository(runtime), pr, input.env, countPlan(input.plan));
  runtime.print(`${input.env}: plan comment ${outcome} on #${pr} (${countsSummary(input.plan)}); labels: ${labels.join(", ") || "none"}`);
}

/** Opens, updates or closes the env's drift issue from a scheduled plan. */
async function driftIssue(args: Args, { runtime, api }: Context): Promise<void> {
  const input = planInput(args, runtime, "drift");
  const drifted = hasChanges(countPlan(input.plan));
  appendJobSummary(runtime, renderPlanComment(input, jobSummaryOptions(input.source)));
  const outcome = await syncDriftIssue(api(), repository(runtime), input.env, drifted ? renderPlanComment(input) : undefined, runUrl(runtime));
  runtime.print(`${input.env}: ${drifted ? "drift" : "no drift"} (${countsSummary(input.plan)}); issue: ${JSON.stringify(outcome)}`);
}

/** For a push to the default branch: the reviewed plan of each env with changes, as the apply matrix. */
async function reviewedPlans(args: Args, { runtime, api }: Context): Promise<void> {
  const sha = arg(args, "sha");
  const envs = arg(args, "envs").split(",").map((env) => checkEnvName(env.trim()));
  const plans = [];
  try {
    for (const env of envs) {
      const reviewed = await findReviewedPlan(api(), repository(runtime), sha, env);
      const line = `${env}: PR #${reviewed.pr}, plan ${reviewed.plan} from run ${reviewed.run}`;
      if (!reviewed.changes) {
        runtime.print(`${line}: no changes, nothing to apply`);
        continue;
      }
      runtime.print(`${line}: to apply after approval`);
      plans.push({ env, pr: reviewed.pr, run: reviewed.run, plan: reviewed.plan, role_variable: `AWS_APPLY_ROLE_ARN_${env.toUpperCase().replace(/-/g, "_")}` });
    }
  } catch (error) {
    if (error instanceof NotReviewedError) throw new StopError("No reviewed plan", error.message);
    throw error;
  }
  setOutput(runtime, "plans", JSON.stringify(plans));
}

/**
 * The apply gate: the downloaded plan file must be the one the PR comment recorded, and planning
 * the default branch now must give the same plan; otherwise nothing is applied and the job
 * summary shows what planning gives now.
 */
async function verify(args: Args, { runtime }: Context): Promise<void> {
  const env = checkEnvName(arg(args, "env"));
  const expected = arg(args, "expected");
  const reviewed = planHash(readJson<PlanJson>(arg(args, "reviewed-json")));
  if (reviewed !== expected) {
    throw new StopError(
      "Plan file does not match the review",
      `The plan file downloaded for ${env} is not the plan the PR comment recorded (comment: ${expected}, file: ${reviewed}). Nothing was applied.`,
    );
  }
  const currentPlan = readJson<PlanJson>(arg(args, "current-json"));
  const current = planHash(currentPlan);
  if (current !== expected) {
    const input: PlanCommentInput = {
      kind: "plan",
      env,
      plan: currentPlan,
      planText: readText(arg(args, "current-text")),
      source: { head: arg(args, "head"), runId: runId(runtime), runUrl: runUrl(runtime) },
    };
    appendJobSummary(runtime, `## ${env} moved on since review: what planning now gives\n\n${renderPlanComment(input, jobSummaryOptions(input.source))}`);
    runtime.print(readText(arg(args, "current-text")));
    throw new StopError(
      "Plan changed since review",
      `${env} moved on since its plan was reviewed: planning now gives a different plan (${current}, reviewed ${expected}), because the state, the infrastructure or the merged configuration changed. Nothing was applied. The job summary shows the plan as it is now; to apply it, open a PR (an empty commit will do) so that plan is reviewed.`,
    );
  }
  runtime.print(`${env}: the plan file is the reviewed plan, and planning now gives the same plan (${expected})`);
}

const FORK_NOTICE = [
  "### No Terraform plan for this PR",
  "",
  "This PR comes from a fork. Plans need AWS credentials and write access to comment, which GitHub does not give to workflows run for fork PRs, and this repository never runs fork code with them (no `pull_request_target`). The tests ran as usual.",
  "",
  "To get plans, a maintainer can push the branch to this repository and open the PR from there.",
].join("\n");

/** Tells a fork PR why no plan ran: in a comment when the token may write, else in the job summary and an annotation. */
async function forkNotice(args: Args, { runtime, api }: Context): Promise<void> {
  const pr = positiveInteger(args, "pr");
  appendJobSummary(runtime, FORK_NOTICE);
  annotate(runtime, "notice", "No Terraform plan for fork PRs", "Plans need AWS credentials, which fork PRs do not get; see the job summary.");
  try {
    const outcome = await upsertComment(api(), repository(runtime), pr, markerPrefix("fork-notice", "all"), `${marker("fork-notice", "all")}\n${FORK_NOTICE}`);
    runtime.print(`fork notice ${outcome} on #${pr}`);
  } catch (error) {
    if (!(error instanceof GitHubError && error.status === 403)) throw error;
    runtime.print(`no comment on #${pr}: this run's token is read-only (fork PR); the notice is in the job summary and the annotation`);
  }
}

function secret(runtime: Runtime): string {
  const value = runtime.env.PLAN_ARTIFACT_KEY;
  if (!value) throw new StopError("PLAN_ARTIFACT_KEY is not set", "Set the repository secret PLAN_ARTIFACT_KEY (e.g. `openssl rand -base64 32`) and pass it to this step.");
  return value;
}

async function sealFile(args: Args, { runtime }: Context): Promise<void> {
  writeFileSync(arg(args, "out"), seal(readFileSync(arg(args, "in")), secret(runtime)));
}

async function unsealFile(args: Args, { runtime }: Context): Promise<void> {
  writeFileSync(arg(args, "out"), unseal(readFileSync(arg(args, "in")), secret(runtime)));
}

async function hash(args: Args, { runtime }: Context): Promise<void> {
  runtime.print(planHash(readJson<PlanJson>(arg(args, "plan-json"))));
}

async function packageRelease(args: Args, { runtime }: Context): Promise<void> {
  const terraformDir = join(__dirname, "..", "..", "terraform");
  for (const archive of packageModules(terraformDir, arg(args, "tag"), arg(args, "out"))) runtime.print(archive);
}

export const COMMANDS: Record<string, { options: string[]; run: (args: Args, context: Context) => Promise<void>; about: string }> = {
  "pr-comment": {
    options: ["env", "pr", "head", "plan-json", "plan-text", "artifact-name", "artifact-url", "cost-json"],
    run: prComment,
    about: "render the env's plan, write it to the job summary, post or update the PR comment, set labels",
  },
  "drift-issue": {
    options: ["env", "head", "plan-json", "plan-text", "artifact-name", "artifact-url", "cost-json"],
    run: driftIssue,
    about: "open, update or close the env's drift issue",
  },
  "reviewed-plans": { options: ["sha", "envs"], run: reviewedPlans, about: "the reviewed plan per env for a merge commit (step output `plans`)" },
  verify: {
    options: ["env", "expected", "reviewed-json", "current-json", "current-text", "head"],
    run: verify,
    about: "check a downloaded plan and a fresh plan against the reviewed hash",
  },
  "fork-notice": { options: ["pr"], run: forkNotice, about: "tell a fork PR why no plan ran" },
  seal: { options: ["in", "out"], run: sealFile, about: "encrypt a plan file with PLAN_ARTIFACT_KEY" },
  unseal: { options: ["in", "out"], run: unsealFile, about: "decrypt and authenticate a sealed plan file" },
  hash: { options: ["plan-json"], run: hash, about: "print the normalized plan hash" },
  "package-modules": { options: ["tag", "out"], run: packageRelease, about: "archive every published module for a release" },
};
