import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCost } from "../../tools/cost/cli";
import { GitHubApi } from "../../tools/github/api";
import { planMarker, readPlanMarker } from "../../tools/plan-comment/marker";
import { PlanJson } from "../../tools/plan-comment/plan";
import { planHash } from "../../tools/plan-comment/plan-hash";
import { main } from "../../tools/workflow/cli";
import { plan as costPlan, resource } from "../cost/plan-fixtures";
import { API_URL, BOT, FakeGitHub, REPO } from "../support/fake-github";

/**
 * The commands' wiring: files in, job summary, step outputs, annotations and API calls out. The
 * rendering itself is tested on harness plans in tests/plan-comment; these plans are hand-written
 * in terraform's JSON format, one resource each.
 */
const bucketPlan = (actions: string[], bucket = "lgtm-data"): PlanJson => ({
  format_version: "1.2",
  terraform_version: "1.11.4",
  timestamp: "2031-01-01T00:00:00Z",
  resource_changes: [
    {
      address: "aws_s3_bucket.data",
      mode: "managed",
      type: "aws_s3_bucket",
      name: "data",
      change: { actions, before: actions.includes("create") ? null : { bucket: "lgtm-data" }, after: actions.includes("delete") ? null : { bucket } },
    },
  ],
});

/** What the plan workflow's estimate step writes (`npm run cost -- plan.json --json`) for a plan that destroys a NAT gateway: 730 h and 50 GB at $0.045. */
const estimatorJson = async () => {
  const nat = resource("aws_nat_gateway", "nat");
  return runCost([file("priced-plan.json", costPlan({ region: "us-east-1", planned: [], prior: [nat] })), "--json"]);
};

const HEAD = "a".repeat(40);
const MERGE = "b".repeat(40);
let dir: string;
let github: FakeGitHub;
let printed: string[];
let env: NodeJS.ProcessEnv;

const file = (name: string, content: string | object) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const run = (...argv: string[]) =>
  main(argv, { runtime: { env, print: (line) => printed.push(line) }, api: () => new GitHubApi({ token: "test-token", apiUrl: API_URL, fetch: github.fetch }) });
const summary = () => readFileSync(env.GITHUB_STEP_SUMMARY!, "utf8");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "lgtm-workflow-cli-"));
  github = new FakeGitHub();
  github.issue(12);
  printed = [];
  env = {
    GITHUB_REPOSITORY: REPO,
    GITHUB_RUN_ID: "4242",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_STEP_SUMMARY: file("summary.md", ""),
    GITHUB_OUTPUT: file("output.txt", ""),
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("pr-comment", () => {
  const args = (plan: PlanJson, ...extra: string[]) => [
    "pr-comment", "--env", "dev", "--pr", "12", "--head", HEAD, "--plan-json", file("plan.json", plan), "--plan-text", file("plan.txt", "Plan: 0 to add, 0 to change, 1 to destroy."),
    "--artifact-name", "plan-dev", "--artifact-url", "https://github.com/x/y/actions/runs/4242/artifacts/1", ...extra,
  ];

  it("posts the comment once per env, updates it after, and writes the plan to the job summary", async () => {
    expect(await run(...args(bucketPlan(["delete"])))).toBe(0);
    expect(await run(...args(bucketPlan(["delete"]), "--cost-json", file("cost.json", await estimatorJson())))).toBe(0);
    const [comment] = github.issues.get(12)!.comments;
    expect(github.issues.get(12)!.comments).toHaveLength(1);
    expect(readPlanMarker(comment.body, "dev")).toEqual({ env: "dev", plan: planHash(bucketPlan(["delete"])), head: HEAD, run: "4242", changes: true });
    expect(comment.body).toContain("**Monthly cost:** $35.10 → $0.00 (**−$35.10**, −100.0%)");
    expect(github.issues.get(12)!.labels).toEqual(["destroy:dev"]);
    expect(summary()).toContain("Plan: 0 to add, 0 to change, 1 to destroy.");
    expect(printed.at(-1)).toMatch(/^dev: plan comment updated on #12 \(add 0, change 0, replace 0, destroy 1,.*\); labels: destroy:dev$/);
  });

  it("fails with an annotation on a cost file that is not the estimator's JSON", async () => {
    expect(await run(...args(bucketPlan(["delete"]), "--cost-json", file("cost.json", { before: 30, after: 12.5 })))).toBe(1);
    expect(printed.at(-1)).toMatch(/^::error title=workflow pr-comment failed::.*expected the estimator's JSON/);
    expect(github.issues.get(12)!.comments).toHaveLength(0);
  });

  it("says the cost is unavailable, with a warning, when the estimate step wrote no file", async () => {
    expect(await run(...args(bucketPlan(["delete"]), "--cost-json", join(dir, "cost.json")))).toBe(0);
    expect(github.issues.get(12)!.comments[0].body).toContain("**Monthly cost:** unavailable (no estimate was given for this plan)");
    expect(printed).toContainEqual(expect.stringMatching(/^::warning title=No cost estimate::.*cost\.json does not exist/));
  });
});

describe("drift-issue", () => {
  const drift = (plan: PlanJson) =>
    run("drift-issue", "--env", "prod", "--head", MERGE, "--plan-json", file("plan.json", plan), "--plan-text", file("plan.txt", "Plan: 0 to add, 1 to change, 0 to destroy."), "--artifact-name", "drift-prod");

  it("opens the env's issue from a plan that is not empty, and closes it on an empty one", async () => {
    expect(await drift(bucketPlan(["update"], "changed-by-hand"))).toBe(0);
    const issue = [...github.issues.values()].find((i) => i.labels.includes("drift"))!;
    expect(issue.body).toMatch(/^<!-- lgtm-fargate:drift env=prod -->\n### Drift in `prod`: planning the default branch finds changes\n/);
    expect(issue.body).toContain("`~` change `data`");
    expect(printed.at(-1)).toMatch(/^prod: drift \(add 0, change 1,.*\); issue: \{"opened":13\}$/);
    expect(await drift(bucketPlan(["no-op"]))).toBe(0);
    expect(issue.state).toBe("closed");
    expect(summary()).toContain("**No changes.** `prod` matches the configuration.");
  });
});

describe("reviewed-plans", () => {
  beforeEach(() => {
    github.pullsByCommit.set(MERGE, [{ number: 12, merged_at: "2031-01-01T00:00:00Z", merge_commit_sha: MERGE, head: { sha: HEAD } }]);
  });

  it("outputs the apply matrix: envs whose reviewed plan changes something, with their run, hash and role variable", async () => {
    github.comment(12, planMarker({ env: "dev", plan: planHash(bucketPlan(["update"], "x")), head: HEAD, run: "31", changes: true }), BOT);
    github.comment(12, planMarker({ env: "prod-eu", plan: planHash(bucketPlan(["no-op"])), head: HEAD, run: "31", changes: false }), BOT);
    expect(await run("reviewed-plans", "--sha", MERGE, "--envs", "dev,prod-eu")).toBe(0);
    const output = readFileSync(env.GITHUB_OUTPUT!, "utf8");
    const plans = JSON.parse(/^plans<<(EOF_\w+)\n([\s\S]*)\n\1\n$/.exec(output)![2]);
    expect(plans).toEqual([{ env: "dev", pr: 12, run: "31", plan: planHash(bucketPlan(["update"], "x")), role_variable: "AWS_APPLY_ROLE_ARN_DEV" }]);
    expect(printed).toContain(`prod-eu: PR #12, plan ${planHash(bucketPlan(["no-op"]))} from run 31: no changes, nothing to apply`);
  });

  it("stops everything when an env has no reviewed plan, saying why", async () => {
    github.comment(12, planMarker({ env: "dev", plan: planHash(bucketPlan(["update"], "x")), head: HEAD, run: "31", changes: true }), BOT);
    expect(await run("reviewed-plans", "--sha", MERGE, "--envs", "dev,prod")).toBe(1);
    expect(printed.at(-1)).toBe("::error title=No reviewed plan::PR #12 has no plan comment for prod: its plan did not run or did not finish. Nothing was applied.");
    expect(readFileSync(env.GITHUB_OUTPUT!, "utf8")).toBe("");
  });
});

describe("verify", () => {
  const reviewed = bucketPlan(["update"], "lgtm-data-v2");
  const verify = (expected: string, downloaded: PlanJson, current: PlanJson) =>
    run("verify", "--env", "prod", "--expected", expected, "--head", MERGE, "--reviewed-json", file("reviewed.json", downloaded),
      "--current-json", file("current.json", current), "--current-text", file("current.txt", "Plan: 0 to add, 1 to change, 0 to destroy."));

  it("passes when the downloaded plan is the reviewed one and planning now gives the same", async () => {
    expect(await verify(planHash(reviewed), reviewed, { ...reviewed, timestamp: "2031-02-02T00:00:00Z" })).toBe(0);
    expect(printed.at(-1)).toContain("prod: the plan file is the reviewed plan, and planning now gives the same plan");
  });

  it("stops when the downloaded file is not the reviewed plan", async () => {
    expect(await verify(planHash(reviewed), bucketPlan(["delete"]), reviewed)).toBe(1);
    expect(printed.at(-1)).toMatch(/^::error title=Plan file does not match the review::The plan file downloaded for prod is not the plan the PR comment recorded/);
  });

  it("stops when prod moved on, and shows the plan as it is now in the job summary", async () => {
    expect(await verify(planHash(reviewed), reviewed, bucketPlan(["update"], "lgtm-data-v3"))).toBe(1);
    expect(printed.at(-1)).toMatch(/^::error title=Plan changed since review::prod moved on since its plan was reviewed: .*Nothing was applied\. .*open a PR/);
    expect(summary()).toContain("## prod moved on since review: what planning now gives");
    expect(summary()).toContain("**0 to add · 1 to change · 0 to replace");
  });
});

describe("seal and unseal", () => {
  const KEY = "k".repeat(44);

  it("round-trip a plan file with the secret, and refuse a tampered file or a wrong secret", async () => {
    const plain = file("tfplan", "PK\u0003\u0004 binary plan");
    env.PLAN_ARTIFACT_KEY = KEY;
    expect(await run("seal", "--in", plain, "--out", join(dir, "sealed"))).toBe(0);
    expect(readFileSync(join(dir, "sealed")).includes("binary plan")).toBe(false);
    expect(await run("unseal", "--in", join(dir, "sealed"), "--out", join(dir, "back"))).toBe(0);
    expect(readFileSync(join(dir, "back"), "utf8")).toBe("PK\u0003\u0004 binary plan");

    const sealed = readFileSync(join(dir, "sealed"));
    sealed[sealed.length - 1] ^= 1;
    writeFileSync(join(dir, "tampered"), sealed);
    expect(await run("unseal", "--in", join(dir, "tampered"), "--out", join(dir, "x"))).toBe(1);
    expect(printed.at(-1)).toContain("the sealed plan file was altered, or sealed with another secret");
    env.PLAN_ARTIFACT_KEY = "q".repeat(44);
    expect(await run("unseal", "--in", join(dir, "sealed"), "--out", join(dir, "x"))).toBe(1);
  });

  it("refuse a missing or short secret", async () => {
    const plain = file("tfplan", "plan");
    expect(await run("seal", "--in", plain, "--out", join(dir, "sealed"))).toBe(1);
    expect(printed.at(-1)).toMatch(/^::error title=PLAN_ARTIFACT_KEY is not set::/);
    env.PLAN_ARTIFACT_KEY = "short";
    expect(await run("seal", "--in", plain, "--out", join(dir, "sealed"))).toBe(1);
    expect(printed.at(-1)).toContain("at least 32 characters");
  });
});

describe("fork-notice", () => {
  it("comments once when the token may write", async () => {
    expect(await run("fork-notice", "--pr", "12")).toBe(0);
    expect(await run("fork-notice", "--pr", "12")).toBe(0);
    expect(github.issues.get(12)!.comments.map((c) => c.body.split("\n")[1])).toEqual(["### No Terraform plan for this PR"]);
  });

  it("falls back to the job summary and an annotation with a fork's read-only token, and does not fail", async () => {
    github.readOnly = true;
    expect(await run("fork-notice", "--pr", "12")).toBe(0);
    expect(summary()).toContain("This PR comes from a fork.");
    expect(printed[0]).toBe("::notice title=No Terraform plan for fork PRs::Plans need AWS credentials, which fork PRs do not get; see the job summary.");
    expect(printed.at(-1)).toContain("this run's token is read-only (fork PR)");
  });
});

describe("the command line", () => {
  it("prints usage for an unknown command, and refuses unknown options", async () => {
    expect(await run("plan")).toBe(2);
    expect(printed[0]).toContain("usage: npm run workflow -- <command>");
    expect(await run("hash", "--plan", "x.json")).toBe(1);
    expect(printed.at(-1)).toMatch(/^::error title=workflow hash failed::Unknown option '--plan'/);
  });

  it("prints the normalized hash of a plan", async () => {
    expect(await run("hash", "--plan-json", file("plan.json", bucketPlan(["create"])))).toBe(0);
    expect(printed).toEqual([planHash(bucketPlan(["create"]))]);
  });
});
