import { GitHubApi } from "./api";

export interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string; type?: string } | null;
  created_at?: string;
}

/**
 * The workflow's own comments on an issue or PR that start with `prefix`, oldest first. Every page
 * is read: on a busy PR the first page alone would miss the comment and post a duplicate. Only
 * bots' comments count, so a person quoting a marker is never edited or trusted.
 */
export async function commentsWithPrefix(api: GitHubApi, repo: string, issue: number, prefix: string): Promise<IssueComment[]> {
  const comments = await api.paginate<IssueComment>(`/repos/${repo}/issues/${issue}/comments`);
  return comments.filter((comment) => comment.user?.type === "Bot" && (comment.body ?? "").startsWith(prefix));
}

/** Updates the newest comment starting with `prefix`, or posts one. */
export async function upsertComment(api: GitHubApi, repo: string, issue: number, prefix: string, body: string): Promise<"created" | "updated"> {
  if (!body.startsWith(prefix)) throw new Error(`the comment must start with its marker ${prefix}`);
  const own = await commentsWithPrefix(api, repo, issue, prefix);
  const newest = own.at(-1);
  if (newest) {
    await api.request("PATCH", `/repos/${repo}/issues/comments/${newest.id}`, { body });
    return "updated";
  }
  await api.request("POST", `/repos/${repo}/issues/${issue}/comments`, { body });
  return "created";
}
