/** One CloudWatch metric and the statistics exported for it. */
export interface CloudWatchMetric {
  /** CloudWatch metric name, e.g. `RequestCount`. */
  readonly name: string;
  /** CloudWatch statistics (`Sum`, `Average`, `Minimum`, `Maximum`, `pNN`). */
  readonly statistics: readonly string[];
}

/** What Alloy collects of one CloudWatch namespace. */
export interface CloudWatchNamespace {
  /**
   * The exact dimension set a metric must have to be collected (`dimension_name_requirements`),
   * so a namespace publishing per-AZ or per-target-group copies yields one series per resource.
   * Empty: every dimension combination.
   */
  readonly dimensions: readonly string[];
  /** The metrics collected. */
  readonly metrics: readonly CloudWatchMetric[];
}

const sum = (name: string): CloudWatchMetric => ({ name, statistics: ["Sum"] });
const average = (name: string): CloudWatchMetric => ({ name, statistics: ["Average"] });
const minimum = (name: string): CloudWatchMetric => ({ name, statistics: ["Minimum"] });

/**
 * The namespaces Alloy can collect and the metrics it collects of each (AWS documents each
 * namespace's metrics in its service guide; all five are discovery-supported namespaces in
 * reference/alloy-1.18.1-prometheus.exporter.cloudwatch.md). The ALB and Container Insights sets are
 * what the dashboards chart; the others are the usual health signals of those services.
 */
export const CLOUDWATCH_METRICS: Readonly<Record<string, CloudWatchNamespace>> = {
  "AWS/ApplicationELB": {
    dimensions: ["LoadBalancer"],
    metrics: [
      sum("RequestCount"),
      sum("HTTPCode_Target_4XX_Count"),
      sum("HTTPCode_Target_5XX_Count"),
      sum("HTTPCode_ELB_4XX_Count"),
      sum("HTTPCode_ELB_5XX_Count"),
      { name: "TargetResponseTime", statistics: ["Average", "p99"] },
    ],
  },
  "AWS/NetworkELB": {
    dimensions: ["LoadBalancer"],
    metrics: [average("ActiveFlowCount"), sum("NewFlowCount"), sum("ProcessedBytes"), sum("TCP_Client_Reset_Count"), sum("TCP_Target_Reset_Count")],
  },
  "AWS/RDS": {
    dimensions: ["DBInstanceIdentifier"],
    metrics: [
      average("CPUUtilization"),
      average("DatabaseConnections"),
      minimum("FreeStorageSpace"),
      minimum("FreeableMemory"),
      average("ReadLatency"),
      average("WriteLatency"),
    ],
  },
  "AWS/ElastiCache": {
    dimensions: [],
    metrics: [average("CPUUtilization"), average("EngineCPUUtilization"), average("DatabaseMemoryUsagePercentage"), average("CurrConnections"), sum("Evictions")],
  },
  "ECS/ContainerInsights": {
    dimensions: ["ClusterName", "ServiceName"],
    metrics: [
      average("CpuUtilized"),
      average("CpuReserved"),
      average("MemoryUtilized"),
      average("MemoryReserved"),
      average("RunningTaskCount"),
      average("DesiredTaskCount"),
    ],
  },
};

/**
 * The Prometheus name Alloy's CloudWatch exporter gives a metric: `aws_<namespace>_<metric>_<statistic>`
 * in snake case, as yet-another-cloudwatch-exporter's `promutil.BuildMetricName` builds it (Alloy
 * 1.18.1 embeds YACE v0.64): the namespace lower-cased, then camel case split before an upper-case
 * letter that follows a lower-case letter or a digit (so `5XX` becomes `5_xx`), separators turned
 * into `_`, an `aws_` prefix unless the namespace already starts with `aws`, and a leading part of
 * the metric name that repeats a namespace part dropped.
 */
export function cloudWatchMetricName(namespace: string, metric: string, statistic: string): string {
  const promNamespace = promString(namespace.replace(/^\//, "").toLowerCase());
  const prefix = promNamespace.startsWith("aws") ? "" : "aws_";
  let promMetric = promString(metric);
  let skip = 0;
  for (const part of promNamespace.split("_")) {
    if (promMetric.slice(skip).startsWith(part)) skip = part.length;
  }
  promMetric = promMetric.slice(skip).replace(/^_/, "");
  return `${prefix}${promNamespace}_${promMetric}_${promString(statistic)}`;
}

/** Every metric name the exporter produces for the given namespaces. */
export function cloudWatchMetricNames(namespaces: readonly string[]): string[] {
  return namespaces.flatMap((namespace) =>
    CLOUDWATCH_METRICS[namespace].metrics.flatMap((metric) =>
      metric.statistics.map((statistic) => cloudWatchMetricName(namespace, metric.name, statistic)),
    ),
  );
}

function promString(text: string): string {
  let out = "";
  let previous = "";
  for (const c of text) {
    if (" ,\t/\\.-:=@<>()\u201c".includes(c)) out += "_";
    else if (c === "%") out += "_percent";
    else {
      if (isUpper(c) && (isLower(previous) || /[0-9]/.test(previous))) out += "_";
      out += c.toLowerCase();
    }
    previous = c;
  }
  return out;
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
