import { hclString } from "../../../../lib/hcl";
import { CLOUDWATCH_METRICS, CloudWatchNamespace } from "./cloudwatch-metrics";
import { AlloySettings } from "./settings";

/** How often Alloy scrapes the LGTM components; Grafana's Mimir datasource uses it as its step. */
export const SCRAPE_INTERVAL = "30s";

// The config is assembled by Terraform with format(): Terraform quotes every setting (%q is a
// JSON string, which Alloy reads), and the parts that repeat or switch on a setting are for
// expressions and conditionals, so a `var.*` and a literal give the same text.

const PIPELINES = `// OTLP in (gRPC 4317, HTTP 4318): traces to Tempo, metrics to Mimir, logs to Loki.
otelcol.receiver.otlp "default" {
  grpc {
    endpoint = "0.0.0.0:4317"
  }

  http {
    endpoint = "0.0.0.0:4318"
  }

  output {
    metrics = [otelcol.processor.batch.default.input]
    logs    = [otelcol.processor.batch.default.input]
    traces  = [otelcol.processor.batch.default.input]
  }
}

otelcol.processor.batch "default" {
  output {
    metrics = [otelcol.exporter.prometheus.mimir.input]
    logs    = [otelcol.processor.attributes.loki_labels.input]
    traces  = [otelcol.exporter.otlp.tempo.input]
  }
}

otelcol.exporter.otlp "tempo" {
  client {
    endpoint = %[3]q
    headers  = { "X-Scope-OrgID" = %[1]q }

    tls {
      insecure = true
    }
  }
}

otelcol.exporter.prometheus "mimir" {
  forward_to = [prometheus.remote_write.mimir.receiver]
}

prometheus.remote_write "mimir" {
  endpoint {
    url     = %[2]q
    headers = { "X-Scope-OrgID" = %[1]q }
  }
}

// otelcol.exporter.loki turns only the resource attributes this hint names into Loki labels.
otelcol.processor.attributes "loki_labels" {
  action {
    key    = "loki.resource.labels"
    action = "insert"
    value  = "service.name, service.namespace, cloudwatch.log.group.name"
  }

  output {
    logs = [otelcol.exporter.loki.default.input]
  }
}

otelcol.exporter.loki "default" {
  forward_to = [loki.write.loki.receiver]
}

loki.write "loki" {
  endpoint {
    url       = %[4]q
    tenant_id = %[1]q
  }
}
`;

// Cloud Map answers A queries (discovery.dns defaults to SRV); one job per component.
const SELF_MONITORING = `
discovery.dns "lgtm_%[1]s" {
  names = [%[3]q]
  type  = "A"
  port  = %[4]d
}

prometheus.scrape "lgtm_%[1]s" {
  job_name        = %[2]q
  targets         = discovery.dns.lgtm_%[1]s.targets
  forward_to      = [prometheus.remote_write.mimir.receiver]
  scrape_interval = "${SCRAPE_INTERVAL}"
}
`;

const CLOUDWATCH_EXPORTER = `
prometheus.exporter.cloudwatch "aws" {
  sts_region = %[1]q
%[2]s}

// Every scrape calls the CloudWatch API; CloudWatch publishes these metrics once a minute.
prometheus.scrape "cloudwatch" {
  job_name        = "cloudwatch"
  targets         = prometheus.exporter.cloudwatch.aws.targets
  forward_to      = [prometheus.remote_write.mimir.receiver]
  scrape_interval = "60s"
  scrape_timeout  = "50s"
}
`;

// length 5m over a 1m period exports the newest datapoint CloudWatch has, which lags a minute or two.
const CLOUDWATCH_DISCOVERY = `
  discovery {
    type        = %[1]q
    regions     = [%[2]q]
    search_tags = {%[3]s}
    period      = "1m"
    length      = "5m"
%[4]s  }
`;

const CLOUDWATCH_LOGS_STORAGE = `
// Remembers how far each log group was read, under --storage.path.
otelcol.storage.file "cloudwatch_logs" {}
`;

const CLOUDWATCH_LOGS = `
otelcol.receiver.awscloudwatch "log_group_prefix_%[1]d" {
  region  = %[3]q
  storage = otelcol.storage.file.cloudwatch_logs.handler

  logs {
    groups {
      autodiscover {
        prefix = %[2]q
      }
    }
  }

  output {
    logs = [otelcol.processor.batch.default.input]
  }
}
`;

/**
 * The Alloy configuration file: OTLP pipelines into the data plane, the stack's self-monitoring,
 * CloudWatch metrics of the chosen namespaces, and CloudWatch Logs of the chosen prefixes. A string
 * token: its Terraform expression renders the text.
 */
export function alloyConfig(settings: AlloySettings): string {
  return hclString`format(${PIPELINES + "%[5]s%[6]s%[7]s"}, ${settings.tenant}, ${settings.mimirPushUrl}, ${settings.tempoOtlpEndpoint}, ${settings.lokiPushUrl}, ${selfMonitoring(settings)}, ${cloudWatchMetrics(settings)}, ${cloudWatchLogs(settings)})`;
}

function selfMonitoring(settings: AlloySettings): string {
  return hclString`join("", [for job, target in ${settings.scrapeTargets} : format(${SELF_MONITORING}, replace(job, "/[^0-9A-Za-z_]/", "_"), job, target.fqdn, target.port)])`;
}

function cloudWatchMetrics(settings: AlloySettings): string {
  const namespaces = settings.cloudWatchNamespaces;
  const jobs = hclString`join("", [for namespace, tags in ${namespaces} : format(${CLOUDWATCH_DISCOVERY}, namespace, ${settings.region}, join(",", [for key, value in tags : format(" %q = %q ", key, value)]), ${discoveryBodies()}[namespace])])`;
  return hclString`length(${namespaces}) > 0 ? format(${CLOUDWATCH_EXPORTER}, ${settings.region}, ${jobs}) : ""`;
}

function cloudWatchLogs(settings: AlloySettings): string {
  const prefixes = settings.logGroupPrefixes;
  const receivers = hclString`join("", [for i, prefix in ${prefixes} : format(${CLOUDWATCH_LOGS}, i, prefix, ${settings.region})])`;
  return hclString`length(${prefixes}) > 0 ? join("", [${CLOUDWATCH_LOGS_STORAGE}, ${receivers}]) : ""`;
}

/**
 * The `--stability.level` flag: experimental only while the CloudWatch Logs receiver (an
 * experimental component, with the public-preview file storage) is in the config.
 */
export function stabilityLevelFlag(settings: AlloySettings): string {
  return `--stability.level=${hclString`length(${settings.logGroupPrefixes}) > 0 ? "experimental" : "generally-available"`}`;
}

/** Per namespace, the discovery job's dimension requirement and metric blocks. */
function discoveryBodies(): Record<string, string> {
  return Object.fromEntries(Object.entries(CLOUDWATCH_METRICS).map(([namespace, spec]) => [namespace, discoveryBody(spec)]));
}

function discoveryBody(spec: CloudWatchNamespace): string {
  const requirement = spec.dimensions.length > 0 ? `    dimension_name_requirements = ${alloyList(spec.dimensions)}\n` : "";
  const metrics = spec.metrics.map(
    (metric) => `\n    metric {\n      name       = ${JSON.stringify(metric.name)}\n      statistics = ${alloyList(metric.statistics)}\n    }\n`,
  );
  return requirement + metrics.join("");
}

function alloyList(items: readonly string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
}
