import { TerraformStack, TerraformVariable } from "cdktf";
import { AlloySettings } from "../../../modules/ecs-fargate/lgtm/alloy/settings";
import { GrafanaSettings } from "../../../modules/ecs-fargate/lgtm/grafana/settings";

/** Settings as an env would write them. */
export const ALLOY_SETTINGS: AlloySettings = {
  tenant: "lgtm",
  region: "ap-northeast-2",
  accountId: "123456789012",
  partition: "aws",
  mimirPushUrl: "http://mimir.lgtm.local:8080/api/v1/push",
  lokiPushUrl: "http://loki-distributor.lgtm.local:3100/loki/api/v1/push",
  tempoOtlpEndpoint: "tempo-distributor.lgtm.local:4317",
  scrapeTargets: {
    mimir: { fqdn: "mimir.lgtm.local", port: 8080 },
    "loki-distributor": { fqdn: "loki-distributor.lgtm.local", port: 3100 },
    "tempo-query-frontend": { fqdn: "tempo-query-frontend.lgtm.local", port: 3200 },
    pyroscope: { fqdn: "pyroscope.lgtm.local", port: 4040 },
    alloy: { fqdn: "alloy.lgtm.local", port: 12345 },
  },
  cloudWatchNamespaces: { "AWS/ApplicationELB": { Project: "lgtm-fargate" }, "ECS/ContainerInsights": {}, "AWS/RDS": { Team: "data", Env: "prod" } },
  logGroupPrefixes: ["/ecs/orders", "/aws/lambda/checkout-"],
};

/** The same stack without CloudWatch metrics or logs. */
export const ALLOY_SETTINGS_MINIMAL: AlloySettings = { ...ALLOY_SETTINGS, cloudWatchNamespaces: {}, logGroupPrefixes: [] };

export const GRAFANA_SETTINGS: GrafanaSettings = {
  tenant: "lgtm",
  mimirUrl: "http://mimir.lgtm.local:8080/prometheus",
  lokiUrl: "http://loki-query-frontend.lgtm.local:3100",
  tempoUrl: "http://tempo-query-frontend.lgtm.local:3200",
  pyroscopeUrl: "http://pyroscope.lgtm.local:4040",
  rootUrl: "https://grafana.example.com/",
  https: true,
  alertTopicArn: "arn:aws:sns:ap-northeast-2:123456789012:lgtm-alerts",
  region: "ap-northeast-2",
  monitoredJobs: Object.keys(ALLOY_SETTINGS.scrapeTargets),
};

/** Grafana over plain HTTP, without an alert topic or monitored jobs. */
export const GRAFANA_SETTINGS_MINIMAL: GrafanaSettings = { ...GRAFANA_SETTINGS, rootUrl: "http://grafana.internal/", https: false, alertTopicArn: null, monitoredJobs: [] };

// Values go in through a var file: cdktf snake-cases the keys of a map-typed variable default
// ("AWS/ApplicationELB" would become aws_application_elb).
const variable = (stack: TerraformStack, name: string, type: string) => new TerraformVariable(stack, name, { type });

/** Values of the variables {@link alloySettingsFromVariables} declares, the same as {@link ALLOY_SETTINGS}. */
export const ALLOY_VARIABLE_VALUES = {
  alloy_namespace: "lgtm.local",
  alloy_tenant: ALLOY_SETTINGS.tenant,
  alloy_region: ALLOY_SETTINGS.region,
  alloy_account_id: ALLOY_SETTINGS.accountId,
  alloy_partition: ALLOY_SETTINGS.partition,
  alloy_scrape_targets: ALLOY_SETTINGS.scrapeTargets,
  alloy_cloudwatch_namespaces: ALLOY_SETTINGS.cloudWatchNamespaces,
  alloy_log_group_prefixes: ALLOY_SETTINGS.logGroupPrefixes,
};

/**
 * The settings as a published module sees them: whole `var.*` tokens, and strings with a token
 * inside (the Cloud Map namespace).
 */
export function alloySettingsFromVariables(stack: TerraformStack): AlloySettings {
  const namespace = variable(stack, "alloy_namespace", "string").stringValue;
  return {
    tenant: variable(stack, "alloy_tenant", "string").stringValue,
    region: variable(stack, "alloy_region", "string").stringValue,
    accountId: variable(stack, "alloy_account_id", "string").stringValue,
    partition: variable(stack, "alloy_partition", "string").stringValue,
    mimirPushUrl: `http://mimir.${namespace}:8080/api/v1/push`,
    lokiPushUrl: `http://loki-distributor.${namespace}:3100/loki/api/v1/push`,
    tempoOtlpEndpoint: `tempo-distributor.${namespace}:4317`,
    scrapeTargets: variable(stack, "alloy_scrape_targets", "map(object({ fqdn = string, port = number }))").value,
    cloudWatchNamespaces: variable(stack, "alloy_cloudwatch_namespaces", "map(map(string))").value,
    logGroupPrefixes: variable(stack, "alloy_log_group_prefixes", "list(string)").listValue,
  };
}

/** Values of the variables {@link grafanaSettingsFromVariables} declares, the same as {@link GRAFANA_SETTINGS}. */
export const GRAFANA_VARIABLE_VALUES = {
  grafana_namespace: "lgtm.local",
  grafana_tenant: GRAFANA_SETTINGS.tenant,
  grafana_root_url: GRAFANA_SETTINGS.rootUrl,
  grafana_https: GRAFANA_SETTINGS.https,
  grafana_alert_topic_arn: GRAFANA_SETTINGS.alertTopicArn,
  grafana_region: GRAFANA_SETTINGS.region,
  grafana_monitored_jobs: GRAFANA_SETTINGS.monitoredJobs,
};

/** {@link alloySettingsFromVariables} for Grafana. */
export function grafanaSettingsFromVariables(stack: TerraformStack): GrafanaSettings {
  const namespace = variable(stack, "grafana_namespace", "string").stringValue;
  return {
    tenant: variable(stack, "grafana_tenant", "string").stringValue,
    mimirUrl: `http://mimir.${namespace}:8080/prometheus`,
    lokiUrl: `http://loki-query-frontend.${namespace}:3100`,
    tempoUrl: `http://tempo-query-frontend.${namespace}:3200`,
    pyroscopeUrl: `http://pyroscope.${namespace}:4040`,
    rootUrl: variable(stack, "grafana_root_url", "string").stringValue,
    https: variable(stack, "grafana_https", "bool").booleanValue as unknown as boolean,
    alertTopicArn: variable(stack, "grafana_alert_topic_arn", "string").stringValue,
    region: variable(stack, "grafana_region", "string").stringValue,
    monitoredJobs: variable(stack, "grafana_monitored_jobs", "list(string)").listValue,
  };
}
