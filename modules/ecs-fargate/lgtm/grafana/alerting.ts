import { IResolvable } from "cdktf";
import { hcl, hclString } from "../../../../lib/hcl";
import { grafanaEscaped } from "./escape";
import { jsonDocument } from "../../../../lib/hcl";
import { LGTM_FOLDER } from "./dashboards";
import { DATASOURCE_UIDS, MIMIR_DATASOURCE_TYPE } from "./datasources";
import { GrafanaSettings } from "./settings";

/** One alert rule on the stack's own health. */
interface RuleSpec {
  /** Stable uid; provisioning updates the rule in place. */
  readonly uid: string;
  /** Title shown in the alert list and notifications. */
  readonly title: string;
  /** PromQL returning one series per broken thing, with a value above 0; nothing when all is well. */
  readonly expr: string | IResolvable;
  /** How long the condition must hold. */
  readonly for: string;
  /** The notification's summary, templated with the series' labels. */
  readonly summary: string;
}

/** The uid of the SNS contact point, when there is one. */
const SNS_CONTACT_POINT = "lgtm-sns";

// Grafana reads alert rule query models raw but expands variables in other fields of the same file
// (annotations only `${…}` in recent releases), so these rules contain no `$` at all: templates use
// `.Labels` rather than `$labels`.
const JOB = '{{ index .Labels "job" }}';

/** `sum by (job) (rate(<metric><selector>[5m])) > 0` for each metric, joined by `or`. */
function anyRate(metrics: readonly string[], selector = ""): string {
  return metrics.map((metric) => `sum by (job) (rate(${metric}${selector}[5m])) > 0`).join(" or ");
}

function rules(settings: GrafanaSettings): RuleSpec[] {
  const jobs = settings.monitoredJobs;
  const someTargetDown = "(1 - min by (job) (up)) > 0";
  // A job with no target has no `up` series at all: compare against the jobs Alloy is told to scrape.
  const expected = hcl`join(" or ", [for job in ${jobs} : format(${'label_replace(vector(1), "job", %q, "", "")'}, job)])`;
  return [
    {
      uid: "lgtm-component-down",
      title: "LGTM component down",
      expr: hcl`length(${jobs}) == 0 ? ${someTargetDown} : format(${"%s or ((%s) unless on (job) up)"}, ${someTargetDown}, ${expected})`,
      for: "5m",
      summary: `${JOB} has a scrape target down, or none at all.`,
    },
    {
      uid: "lgtm-server-errors",
      title: "LGTM component answering with 5xx",
      expr: anyRate(
        ["cortex_request_duration_seconds_count", "loki_request_duration_seconds_count", "tempo_request_duration_seconds_count", "pyroscope_request_duration_seconds_count"],
        '{status_code=~"5.."}',
      ),
      for: "10m",
      summary: `${JOB} has answered pushes or queries with server errors for 10 minutes.`,
    },
    {
      uid: "lgtm-ingest-errors",
      title: "Telemetry not reaching the stack",
      expr: anyRate(["prometheus_remote_storage_samples_failed_total", "loki_write_dropped_entries_total", "otelcol_exporter_send_failed_spans_total"]),
      for: "10m",
      summary: `${JOB} has been failing to deliver metrics, logs or traces for 10 minutes.`,
    },
    {
      uid: "lgtm-object-storage-errors",
      title: "LGTM object storage errors",
      expr: [
        anyRate(["thanos_objstore_bucket_operation_failures_total", "objstore_bucket_operation_failures_total"]),
        anyRate(["loki_s3_request_duration_seconds_count"], '{status_code="500"}'),
        anyRate(["tempodb_backend_request_duration_seconds_count"], '{status_code=~"5.."}'),
      ].join(" or "),
      for: "15m",
      summary: `${JOB} has been failing S3 operations for 15 minutes.`,
    },
    {
      uid: "lgtm-ring-member-unhealthy",
      title: "LGTM ring missing a member",
      expr: ["cortex_ring_members", "loki_ring_members", "tempo_ring_members", "pyroscope_ring_members"]
        .map((metric) => `max by (job, name) (${metric}{state="Unhealthy"}) > 0`)
        .join(" or "),
      for: "10m",
      summary: `A member of ${JOB}'s ${'{{ index .Labels "name" }}'} ring has missed its heartbeats for 10 minutes.`,
    },
  ];
}

function ruleModel(rule: RuleSpec): object {
  return {
    uid: rule.uid,
    title: rule.title,
    condition: "B",
    data: [
      {
        refId: "A",
        datasourceUid: DATASOURCE_UIDS.mimir,
        relativeTimeRange: { from: 600, to: 0 },
        model: { refId: "A", datasource: { type: MIMIR_DATASOURCE_TYPE, uid: DATASOURCE_UIDS.mimir }, expr: rule.expr, instant: true, range: false },
      },
      {
        refId: "B",
        datasourceUid: "__expr__",
        model: { refId: "B", datasource: { type: "__expr__", uid: "__expr__" }, type: "threshold", expression: "A", conditions: [{ evaluator: { type: "gt", params: [0] } }] },
      },
    ],
    // No series is the healthy answer; a failing query (Mimir down) is an alert of its own.
    noDataState: "OK",
    execErrState: "Error",
    for: rule.for,
    labels: { severity: "critical" },
    annotations: { summary: rule.summary },
    isPaused: false,
  };
}

/** The alert rules provisioning file: the stack's own health, evaluated every minute. */
export function alertRulesFile(settings: GrafanaSettings): string {
  return jsonDocument({
    apiVersion: 1,
    groups: [{ orgId: 1, name: "lgtm-stack-health", folder: LGTM_FOLDER, interval: "1m", rules: rules(settings).map(ruleModel) }],
  });
}

/**
 * Notifications: with a topic, an SNS contact point (signed with the task role's credentials: the
 * integration falls back to the AWS SDK's default chain without keys) and the root notification
 * policy routing every alert to it; without one, an empty file and Grafana's default policy.
 */
export function notificationsFile(settings: GrafanaSettings): string {
  const sns = jsonDocument(
    grafanaEscaped({
      apiVersion: 1,
      contactPoints: [
        {
          orgId: 1,
          name: SNS_CONTACT_POINT,
          receivers: [{ uid: SNS_CONTACT_POINT, type: "sns", settings: { topic_arn: settings.alertTopicArn, sigv4: { region: settings.region } } }],
        },
      ],
      policies: [{ orgId: 1, receiver: SNS_CONTACT_POINT, group_by: ["grafana_folder", "alertname"] }],
    }),
  );
  return hclString`${settings.alertTopicArn} == null ? ${jsonDocument({ apiVersion: 1 })} : ${sns}`;
}
