/**
 * An in-memory GitHub REST API for the endpoints the workflow commands call, served through the
 * `fetch` the client is given. Lists are paginated like GitHub's (per_page, page, Link headers),
 * and a read-only token gets 403 on writes, as a fork PR's token does.
 */
export const API_URL = "https://api.github.test";
export const REPO = "example-org/lgtm-fargate";

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  user: { type: "Bot" | "User" };
  pull_request?: object;
  comments: FakeComment[];
}

export interface FakePull {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string };
}

export const BOT = { login: "github-actions[bot]", type: "Bot" as const };
export const PERSON = { login: "reviewer", type: "User" as const };

export class FakeGitHub {
  issues = new Map<number, FakeIssue>();
  pullsByCommit = new Map<string, FakePull[]>();
  requests: string[] = [];
  readOnly = false;
  private nextId = 1000;

  issue(number: number, fields: Partial<FakeIssue> = {}): FakeIssue {
    const issue: FakeIssue = { number, title: `#${number}`, body: "", state: "open", labels: [], user: PERSON, comments: [], ...fields };
    this.issues.set(number, issue);
    return issue;
  }

  comment(issue: number, body: string, user: FakeComment["user"] = BOT): FakeComment {
    const comment = { id: this.nextId++, body, user };
    this.issues.get(issue)!.comments.push(comment);
    return comment;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    this.requests.push(`${method} ${url.pathname}${url.search}`);
    if (init?.headers && (init.headers as Record<string, string>).authorization !== "Bearer test-token") return reply(401, { message: "Bad credentials" });
    if (method !== "GET" && this.readOnly) return reply(403, { message: "Resource not accessible by integration" });
    const path = url.pathname.replace(`/repos/${REPO}`, "");
    let match: RegExpExecArray | null;
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = this.issues.get(Number(match[1]));
      if (!issue) return reply(404, { message: "Not Found" });
      if (method === "GET") return page(url, issue.comments);
      return reply(201, this.comment(issue.number, body.body));
    }
    if ((match = /^\/issues\/comments\/(\d+)$/.exec(path)) && method === "PATCH") {
      const comment = [...this.issues.values()].flatMap((i) => i.comments).find((c) => c.id === Number(match![1]));
      if (!comment) return reply(404, { message: "Not Found" });
      comment.body = body.body;
      return reply(200, comment);
    }
    if ((match = /^\/issues\/(\d+)\/labels(?:\/(.+))?$/.exec(path))) {
      const issue = this.issues.get(Number(match[1]))!;
      if (method === "POST") issue.labels = [...new Set([...issue.labels, ...body.labels])];
      if (method === "DELETE") {
        const name = decodeURIComponent(match[2]);
        if (!issue.labels.includes(name)) return reply(404, { message: "Label does not exist" });
        issue.labels = issue.labels.filter((label) => label !== name);
      }
      return reply(200, issue.labels.map((name) => ({ name })));
    }
    if (path === "/issues" && method === "GET") {
      const wanted = url.searchParams.get("labels");
      const state = url.searchParams.get("state");
      return page(url, [...this.issues.values()].filter((i) => i.state === state && (!wanted || i.labels.includes(wanted))).map(issueJson));
    }
    if (path === "/issues" && method === "POST") {
      const number = Math.max(0, ...this.issues.keys()) + 1;
      return reply(201, issueJson(this.issue(number, { title: body.title, body: body.body, labels: body.labels ?? [], user: BOT })));
    }
    if ((match = /^\/issues\/(\d+)$/.exec(path)) && method === "PATCH") {
      const issue = this.issues.get(Number(match[1]))!;
      Object.assign(issue, body.body === undefined ? {} : { body: body.body }, body.state === undefined ? {} : { state: body.state });
      return reply(200, issueJson(issue));
    }
    if ((match = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(path))) return reply(200, this.pullsByCommit.get(match[1]) ?? []);
    return reply(404, { message: `fake GitHub has no ${method} ${path}` });
  };
}

const issueJson = ({ comments, ...issue }: FakeIssue) => ({ ...issue, labels: issue.labels.map((name) => ({ name })) });

function reply(status: number, json: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json", ...headers } });
}

/** One page of a list; per_page defaults to 30 as on GitHub, so an unpaginated client sees only the first 30. */
function page(url: URL, items: unknown[]): Response {
  const perPage = Number(url.searchParams.get("per_page") ?? 30);
  const number = Number(url.searchParams.get("page") ?? 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  const headers: Record<string, string> = {};
  if (number * perPage < items.length) {
    const next = new URL(url);
    next.searchParams.set("page", String(number + 1));
    headers.link = `<${next.href}>; rel="next", <${url.origin}${url.pathname}?page=999>; rel="last"`;
  }
  return reply(200, slice, headers);
}
