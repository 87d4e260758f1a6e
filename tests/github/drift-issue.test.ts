import { beforeEach, describe, expect, it } from "vitest";
import { GitHubApi } from "../../tools/github/api";
import { syncDriftIssue } from "../../tools/github/drift-issue";
import { marker } from "../../tools/plan-comment/marker";
import { API_URL, FakeGitHub, PERSON, REPO } from "../support/fake-github";

const RUN = "https://github.com/example-org/lgtm-fargate/actions/runs/5";
const body = (env: string, text: string) => `${marker("drift", env)}\n${text}`;

let github: FakeGitHub;
let api: GitHubApi;

beforeEach(() => {
  github = new FakeGitHub();
  api = new GitHubApi({ token: "test-token", apiUrl: API_URL, fetch: github.fetch });
});

describe("the drift issue of an env", () => {
  it("is opened on the first drift, updated while it lasts, and closed with a comment when it is gone", async () => {
    expect(await syncDriftIssue(api, REPO, "prod", body("prod", "1 to change"), RUN)).toEqual({ opened: 1 });
    expect(await syncDriftIssue(api, REPO, "prod", body("prod", "2 to change"), RUN)).toEqual({ updated: 1 });
    const issue = github.issues.get(1)!;
    expect(issue).toMatchObject({ title: "Drift in prod", body: body("prod", "2 to change"), state: "open", labels: ["drift"] });
    expect(await syncDriftIssue(api, REPO, "prod", undefined, RUN)).toEqual({ closed: [1] });
    expect(issue.state).toBe("closed");
    expect(issue.comments.map((c) => c.body)).toEqual([`No drift in prod any more: [this run](${RUN}) planned no changes.`]);
    expect(await syncDriftIssue(api, REPO, "prod", undefined, RUN)).toBe("none");
  });

  it("is found among many open issues, and never confused with another env's or a person's", async () => {
    for (let n = 1; n <= 150; n++) github.issue(n, { labels: ["drift"], body: n === 140 ? body("prod", "by hand") : `issue ${n}`, user: PERSON });
    github.issue(151, { labels: ["drift"], body: body("dev", "dev drift"), user: { type: "Bot" } });
    github.issue(152, { labels: ["drift"], body: body("prod", "prod drift"), user: { type: "Bot" } });
    expect(await syncDriftIssue(api, REPO, "prod", body("prod", "still drifting"), RUN)).toEqual({ updated: 152 });
    expect(github.issues.get(151)!.body).toBe(body("dev", "dev drift"));
    expect(github.issues.get(140)!.body).toBe(body("prod", "by hand"));
  });
});
