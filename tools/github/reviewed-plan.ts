import { PlanRecord, markerPrefix, readPlanMarker } from "../plan-comment/marker";
import { GitHubApi } from "./api";
import { commentsWithPrefix } from "./comments";

interface PullRequest {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string };
}

/** The PR a push to the default branch came from, and the plan its comment recorded for one env. */
export interface ReviewedPlan extends PlanRecord {
  pr: number;
}

/** A reason to stop the apply, worded for the reviewer who has to act on it. */
export class NotReviewedError extends Error {}

/**
 * The merged PR whose merge produced `sha` (merge, squash or rebase: GitHub sets
 * `merge_commit_sha` to the commit it put on the base branch), and the plan comment for `env` on
 * it, which must be for the PR's final head commit.
 */
export async function findReviewedPlan(api: GitHubApi, repo: string, sha: string, env: string): Promise<ReviewedPlan> {
  const pulls = await api.request<PullRequest[]>("GET", `/repos/${repo}/commits/${sha}/pulls`);
  const pr = pulls.find((pull) => pull.merged_at !== null && pull.merge_commit_sha === sha);
  if (!pr) {
    throw new NotReviewedError(
      `${sha} is not the merge of a pull request, so no reviewed plan exists for it. Changes reach ${env} only through a merged PR whose plan was reviewed.`,
    );
  }
  const comments = await commentsWithPrefix(api, repo, pr.number, markerPrefix("plan", env));
  const record = comments.map((comment) => readPlanMarker(comment.body ?? "", env)).filter((found) => found !== undefined).at(-1);
  if (!record) throw new NotReviewedError(`PR #${pr.number} has no plan comment for ${env}: its plan did not run or did not finish. Nothing was applied.`);
  if (record.head !== pr.head.sha) {
    throw new NotReviewedError(
      `The plan comment for ${env} on PR #${pr.number} is for commit ${record.head}, but the PR was merged at ${pr.head.sha}: the last plan run did not finish, so what was merged was never reviewed. Nothing was applied; open a PR (an empty commit will do) to plan and review ${env} again.`,
    );
  }
  return { ...record, pr: pr.number };
}
