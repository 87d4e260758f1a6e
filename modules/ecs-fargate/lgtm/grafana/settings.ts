/**
 * What Grafana needs to know of the stack. Every value may be a literal (an env) or a token (a
 * published module's `var.*`): the files are rendered by Terraform either way.
 */
export interface GrafanaSettings {
  /** The one tenant of the data plane; every datasource sends it as `X-Scope-OrgID`. */
  readonly tenant: string;
  /** Mimir's Prometheus API, e.g. `http://mimir.lgtm.local:8080/prometheus`. */
  readonly mimirUrl: string;
  /** Loki's query frontend, e.g. `http://loki-query-frontend.lgtm.local:3100`. */
  readonly lokiUrl: string;
  /** Tempo's query frontend, e.g. `http://tempo-query-frontend.lgtm.local:3200`. */
  readonly tempoUrl: string;
  /** Pyroscope, e.g. `http://pyroscope.lgtm.local:4040`. */
  readonly pyroscopeUrl: string;
  /** The URL users reach Grafana at through the ALB, e.g. `https://grafana.example.com/`. */
  readonly rootUrl: string;
  /** Whether users reach Grafana over HTTPS; its cookies are then marked `Secure`. */
  readonly https: boolean;
  /** SNS topic alerts are published to, through the task role; null keeps alerts inside Grafana. */
  readonly alertTopicArn: string | null;
  /** Region of the SNS topic. */
  readonly region: string;
  /**
   * The scrape jobs Alloy runs for the stack's components (the keys of its `scrapeTargets`): a job
   * with no healthy target, or no target at all, is a component down.
   */
  readonly monitoredJobs: readonly string[];
}
