/** A component Alloy scrapes for the stack's own metrics. */
export interface ScrapeTarget {
  /** Cloud Map name resolved with an A query, e.g. `mimir.lgtm.local`. */
  readonly fqdn: string;
  /** Port serving `/metrics` (the component's HTTP port). */
  readonly port: number;
}

/**
 * What Alloy needs to know of the stack and the account. Every value may be a literal (an env) or
 * a token (a published module's `var.*`): the config is assembled by Terraform either way.
 */
export interface AlloySettings {
  /** The one tenant of the data plane; every write carries it as `X-Scope-OrgID`. */
  readonly tenant: string;
  /** Region whose CloudWatch metrics and logs are read; STS is called there too. */
  readonly region: string;
  /** Account id, for the log-group ARNs the task role may read. */
  readonly accountId: string;
  /** Partition (`aws`, `aws-cn`, `aws-us-gov`), for ARNs. */
  readonly partition: string;
  /** Mimir's remote-write URL, e.g. `http://mimir.lgtm.local:8080/api/v1/push`. */
  readonly mimirPushUrl: string;
  /** Loki's push URL, e.g. `http://loki-distributor.lgtm.local:3100/loki/api/v1/push`. */
  readonly lokiPushUrl: string;
  /** Tempo's OTLP gRPC endpoint as `host:port`, e.g. `tempo-distributor.lgtm.local:4317`. */
  readonly tempoOtlpEndpoint: string;
  /**
   * The components to scrape for self-monitoring, by job name (the `job` label and the key the
   * alert rules expect): each LGTM component's `/metrics`, found through Cloud Map.
   */
  readonly scrapeTargets: Readonly<Record<string, ScrapeTarget>>;
  /**
   * CloudWatch namespaces to collect, each with the tags its resources must carry (an empty map
   * collects every resource of the namespace). Supported: the keys of `CLOUDWATCH_METRICS`.
   */
  readonly cloudWatchNamespaces: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * CloudWatch Logs log-group name prefixes shipped to Loki. Empty turns the receiver off, and
   * with it Alloy's experimental stability level.
   */
  readonly logGroupPrefixes: readonly string[];
}
