/** The few REST calls the workflows make, over `fetch`, so they can be tested against a fake server. */
export interface GitHubApiOptions {
  token: string;
  /** `GITHUB_API_URL` in a workflow: https://api.github.com, or a GitHub Enterprise Server's API. */
  apiUrl: string;
  fetch?: typeof fetch;
}

export class GitHubError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    detail: string,
  ) {
    super(`GitHub API ${method} ${path}: HTTP ${status}${detail ? `: ${detail}` : ""}`);
  }
}

/** No PR or repository the workflows read has anywhere near this many pages of 100. */
const MAX_PAGES = 200;

export class GitHubApi {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: GitHubApiOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  /** From a workflow's environment: GITHUB_TOKEN (passed in explicitly) and GITHUB_API_URL. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): GitHubApi {
    if (!env.GITHUB_TOKEN) throw new Error("GITHUB_TOKEN is not set: pass the workflow's token to this step in `env:`");
    return new GitHubApi({ token: env.GITHUB_TOKEN, apiUrl: env.GITHUB_API_URL ?? "https://api.github.com" });
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, `${this.options.apiUrl}${path}`, body);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** Every item of a list endpoint, following the `Link: <…>; rel="next"` headers. */
  async paginate<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = `${this.options.apiUrl}${path}${path.includes("?") ? "&" : "?"}per_page=100`;
    for (let page = 0; url; page++) {
      if (page === MAX_PAGES) throw new Error(`GitHub API GET ${path}: more than ${MAX_PAGES} pages`);
      const response = await this.send("GET", url);
      items.push(...((await response.json()) as T[]));
      url = nextPage(response.headers.get("link"));
    }
    return items;
  }

  private async send(method: string, url: string, body?: unknown): Promise<Response> {
    const response = await this.fetch(url, {
      method,
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${this.options.token}`,
        "x-github-api-version": "2022-11-28",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const detail = await response.text();
      throw new GitHubError(response.status, method, url.replace(this.options.apiUrl, ""), messageOf(detail));
    }
    return response;
  }
}

function messageOf(detail: string): string {
  try {
    return (JSON.parse(detail) as { message?: string }).message ?? detail;
  } catch {
    return detail.slice(0, 200);
  }
}

/** The `rel="next"` URL of a Link header, if any. */
export function nextPage(link: string | null): string | undefined {
  for (const part of (link ?? "").split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}
