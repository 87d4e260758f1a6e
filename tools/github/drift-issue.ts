import { marker, markerPrefix } from "../plan-comment/marker";
import { GitHubApi } from "./api";

interface Issue {
  number: number;
  body?: string | null;
  user?: { type?: string } | null;
  pull_request?: unknown;
}

export const DRIFT_LABEL = "drift";

/** Open drift issues for the env, found by the marker their body starts with (every page is read). */
async function openDriftIssues(api: GitHubApi, repo: string, env: string): Promise<Issue[]> {
  const issues = await api.paginate<Issue>(`/repos/${repo}/issues?state=open&labels=${DRIFT_LABEL}`);
  const prefix = markerPrefix("drift", env);
  return issues.filter((issue) => !issue.pull_request && issue.user?.type === "Bot" && (issue.body ?? "").startsWith(prefix));
}

export type DriftOutcome = { opened: number } | { updated: number } | { closed: number[] } | "none";

/**
 * One open issue per env while it drifts: `body` (the rendered plan) opens it or replaces the
 * open one's body; no body (the plan is empty) closes every open one with a comment linking the run.
 */
export async function syncDriftIssue(api: GitHubApi, repo: string, env: string, body: string | undefined, runUrl: string): Promise<DriftOutcome> {
  if (body !== undefined && !body.startsWith(marker("drift", env))) throw new Error(`a drift issue body must start with ${marker("drift", env)}`);
  const open = await openDriftIssues(api, repo, env);
  if (body !== undefined) {
    const [current] = open;
    if (current) {
      await api.request("PATCH", `/repos/${repo}/issues/${current.number}`, { body });
      return { updated: current.number };
    }
    const created = await api.request<Issue>("POST", `/repos/${repo}/issues`, { title: `Drift in ${env}`, body, labels: [DRIFT_LABEL] });
    return { opened: created.number };
  }
  for (const issue of open) {
    await api.request("POST", `/repos/${repo}/issues/${issue.number}/comments`, { body: `No drift in ${env} any more: [this run](${runUrl}) planned no changes.` });
    await api.request("PATCH", `/repos/${repo}/issues/${issue.number}`, { state: "closed", state_reason: "completed" });
  }
  return open.length > 0 ? { closed: open.map((issue) => issue.number) } : "none";
}
