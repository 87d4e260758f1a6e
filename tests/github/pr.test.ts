import { beforeEach, describe, expect, it } from "vitest";
import { GitHubApi, GitHubError, nextPage } from "../../tools/github/api";
import { upsertComment } from "../../tools/github/comments";
import { syncEnvLabels } from "../../tools/github/labels";
import { NotReviewedError, findReviewedPlan } from "../../tools/github/reviewed-plan";
import { markerPrefix, planMarker } from "../../tools/plan-comment/marker";
import { PlanCounts } from "../../tools/plan-comment/plan";
import { API_URL, FakeGitHub, PERSON, REPO } from "../support/fake-github";

const HEAD = "a".repeat(40);
const MERGE = "b".repeat(40);
const PLAN = `sha256:${"c".repeat(64)}`;
const counts = (changes: Partial<PlanCounts>): PlanCounts => ({ add: 0, change: 0, replace: 0, destroy: 0, move: 0, import: 0, forget: 0, outputs: 0, ...changes });
const planComment = (env: string, fields: { head?: string; plan?: string; changes?: boolean } = {}) =>
  `${planMarker({ env, plan: fields.plan ?? PLAN, head: fields.head ?? HEAD, run: "777", changes: fields.changes ?? true })}\n### Terraform plan for \`${env}\``;

let github: FakeGitHub;
let api: GitHubApi;

beforeEach(() => {
  github = new FakeGitHub();
  api = new GitHubApi({ token: "test-token", apiUrl: API_URL, fetch: github.fetch });
  github.issue(12);
});

/** A busy PR: `count` comments by people and other bots before anything else. */
function busy(count: number) {
  for (let i = 0; i < count; i++) github.comment(12, `comment ${i}`, i % 3 === 0 ? PERSON : { login: "renovate[bot]", type: "Bot" });
}

describe("the env's PR comment", () => {
  it("is found on the third page and updated, not posted again", async () => {
    busy(230);
    const own = github.comment(12, planComment("dev"));
    github.comment(12, planComment("prod"));
    expect(await upsertComment(api, REPO, 12, markerPrefix("plan", "dev"), planComment("dev", { plan: `sha256:${"d".repeat(64)}` }))).toBe("updated");
    expect(own.body).toContain("d".repeat(64));
    expect(github.issues.get(12)!.comments).toHaveLength(232);
    expect(github.requests.filter((r) => r.startsWith("GET"))).toEqual([
      `GET /repos/${REPO}/issues/12/comments?per_page=100`,
      `GET /repos/${REPO}/issues/12/comments?per_page=100&page=2`,
      `GET /repos/${REPO}/issues/12/comments?per_page=100&page=3`,
    ]);
  });

  it("is posted when the env has none yet; another env's and a person's quoted marker do not count", async () => {
    github.comment(12, planComment("prod"));
    github.comment(12, planComment("dev"), PERSON);
    expect(await upsertComment(api, REPO, 12, markerPrefix("plan", "dev"), planComment("dev"))).toBe("created");
    expect(github.issues.get(12)!.comments.map((c) => c.user.type)).toEqual(["Bot", "User", "Bot"]);
  });

  it("must start with the marker it is found by", async () => {
    await expect(upsertComment(api, REPO, 12, markerPrefix("plan", "dev"), "### no marker")).rejects.toThrow(/must start with its marker/);
  });
});

describe("per-env labels", () => {
  it("destroy:<env> when the plan destroys or replaces, no-changes:<env> when empty, and the stale one removed", async () => {
    expect(await syncEnvLabels(api, REPO, 12, "prod", counts({ replace: 1 }))).toEqual(["destroy:prod"]);
    expect(await syncEnvLabels(api, REPO, 12, "prod", counts({}))).toEqual(["no-changes:prod"]);
    expect(github.issues.get(12)!.labels).toEqual(["no-changes:prod"]);
    expect(await syncEnvLabels(api, REPO, 12, "prod", counts({ add: 2 }))).toEqual([]);
    expect(github.issues.get(12)!.labels).toEqual([]);
  });
});

describe("the reviewed plan of a merge commit", () => {
  beforeEach(() => {
    github.pullsByCommit.set(MERGE, [
      { number: 11, merged_at: null, merge_commit_sha: null, head: { sha: "e".repeat(40) } },
      { number: 12, merged_at: "2031-01-01T00:00:00Z", merge_commit_sha: MERGE, head: { sha: HEAD } },
    ]);
  });

  it("is the last plan comment for the env on the PR that was merged as that commit", async () => {
    busy(120);
    github.comment(12, planComment("dev", { head: "f".repeat(40) }));
    github.comment(12, planComment("dev"));
    expect(await findReviewedPlan(api, REPO, MERGE, "dev")).toEqual({ env: "dev", plan: PLAN, head: HEAD, run: "777", changes: true, pr: 12 });
  });

  it("is refused when the last plan is for an older head: the newest commit was never planned", async () => {
    github.comment(12, planComment("dev", { head: "f".repeat(40) }));
    await expect(findReviewedPlan(api, REPO, MERGE, "dev")).rejects.toThrow(NotReviewedError);
    await expect(findReviewedPlan(api, REPO, MERGE, "dev")).rejects.toThrow(/is for commit f{40}, but the PR was merged at a{40}/);
  });

  it("is refused when the env has no plan comment, or the commit came from no PR", async () => {
    github.comment(12, planComment("prod"));
    await expect(findReviewedPlan(api, REPO, MERGE, "dev")).rejects.toThrow(/PR #12 has no plan comment for dev/);
    await expect(findReviewedPlan(api, REPO, "9".repeat(40), "dev")).rejects.toThrow(/is not the merge of a pull request/);
  });
});

describe("the REST client", () => {
  it("follows Link rel=next and reports GitHub's message on errors", async () => {
    expect(nextPage('<https://x/a?page=2>; rel="next", <https://x/a?page=9>; rel="last"')).toBe("https://x/a?page=2");
    expect(nextPage('<https://x/a?page=9>; rel="last"')).toBeUndefined();
    github.readOnly = true;
    const error = await api.request("POST", `/repos/${REPO}/issues/12/comments`, { body: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(403);
    expect(String(error)).toContain("Resource not accessible by integration");
  });
});
