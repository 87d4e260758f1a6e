import { PlanCounts, destroysSomething, hasChanges } from "../plan-comment/plan";
import { GitHubApi, GitHubError } from "./api";

/** Per-env labels, so a PR list shows at a glance which envs lose or replace something. */
export const envLabels = (env: string) => ({ destroy: `destroy:${env}`, noChanges: `no-changes:${env}` });

/** Adds the env's labels that apply to this plan and removes the ones that no longer do. */
export async function syncEnvLabels(api: GitHubApi, repo: string, issue: number, env: string, counts: PlanCounts): Promise<string[]> {
  const labels = envLabels(env);
  const wanted = new Map([
    [labels.destroy, destroysSomething(counts)],
    [labels.noChanges, !hasChanges(counts)],
  ]);
  const add = [...wanted].filter(([, on]) => on).map(([name]) => name);
  if (add.length > 0) await api.request("POST", `/repos/${repo}/issues/${issue}/labels`, { labels: add });
  for (const [name, on] of wanted) {
    if (on) continue;
    try {
      await api.request("DELETE", `/repos/${repo}/issues/${issue}/labels/${encodeURIComponent(name)}`);
    } catch (error) {
      // 404: the label was not on the PR, which is the state we want.
      if (!(error instanceof GitHubError && error.status === 404)) throw error;
    }
  }
  return add;
}
