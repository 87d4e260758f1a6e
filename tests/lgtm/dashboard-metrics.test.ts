import { describe, expect, it } from "vitest";
import { CLOUDWATCH_METRICS, cloudWatchMetricName, cloudWatchMetricNames } from "../../modules/ecs-fargate/lgtm/alloy/cloudwatch-metrics";
import { dashboardMetricNames } from "../../modules/ecs-fargate/lgtm/grafana/dashboards";
import { metricNames } from "../../modules/ecs-fargate/lgtm/grafana/promql";
import { isProducedMetric, PRODUCED_METRICS } from "./support/produced-metrics";

describe("CloudWatch exporter metric names", () => {
  // Names as YACE's promutil.BuildMetricName produces them; the first four are queried by public
  // Grafana dashboards built on YACE, the last two exercise the branches the source comments on.
  it.each([
    ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", "aws_applicationelb_httpcode_target_5_xx_count_sum"],
    ["AWS/ApplicationELB", "HealthyHostCount", "Minimum", "aws_applicationelb_healthy_host_count_minimum"],
    ["AWS/RDS", "FreeStorageSpace", "Average", "aws_rds_free_storage_space_average"],
    ["AWS/RDS", "CPUUtilization", "Average", "aws_rds_cpuutilization_average"],
    ["Glue", "glue.driver.aggregate.bytesRead", "Average", "aws_glue_driver_aggregate_bytes_read_average"],
    ["/aws/sagemaker/TrainingJobs", "CPUUtilization", "p99", "aws_sagemaker_trainingjobs_cpuutilization_p99"],
  ])("names %s %s %s as %s", (namespace, metric, statistic, expected) => {
    expect(cloudWatchMetricName(namespace, metric, statistic)).toBe(expected);
  });

  it("names ECS Container Insights metrics under aws_ecs_containerinsights_", () => {
    expect(cloudWatchMetricNames(["ECS/ContainerInsights"])).toContain("aws_ecs_containerinsights_cpu_utilized_average");
  });
});

describe("PromQL metric names", () => {
  it("finds metrics and skips functions, keywords, labels, strings and ranges", () => {
    const expr = 'sum by (job, le) (rate(a_total{status_code=~"5..", x="b_c"}[$__rate_interval])) / on (job) group_left b_gauge > bool 0 or absent(c_info)';
    expect(metricNames(expr).sort()).toEqual(["a_total", "b_gauge", "c_info"]);
  });
});

describe("dashboard queries", () => {
  const collected = new Set(cloudWatchMetricNames(Object.keys(CLOUDWATCH_METRICS)));

  it("name only metrics the stack produces or Alloy collects from CloudWatch", () => {
    const unknown = dashboardMetricNames().filter((name) => !isProducedMetric(name) && !collected.has(name));
    expect(unknown).toEqual([]);
  });

  it("cover every component and Alloy", () => {
    const used = dashboardMetricNames();
    for (const prefix of ["cortex_", "loki_", "tempo_", "pyroscope_", "prometheus_remote_storage_", "otelcol_", "aws_applicationelb_", "aws_ecs_containerinsights_"]) {
      expect(used.some((name) => name.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it("rejects a metric nobody produces", () => {
    expect(isProducedMetric("cortex_made_up_total")).toBe(false);
    expect(isProducedMetric("cortex_ring_members_bucket")).toBe(false);
    expect(isProducedMetric("loki_request_duration_seconds_count")).toBe(true);
  });

  it("cites a source for every produced metric", () => {
    for (const [name, metric] of Object.entries(PRODUCED_METRICS)) expect(metric.source, name).toMatch(/^grafana\/|^dskit /);
  });
});
