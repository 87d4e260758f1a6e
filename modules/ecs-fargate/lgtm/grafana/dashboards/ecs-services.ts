import { cloudWatchMetricName } from "../../alloy/cloudwatch-metrics";
import { DashboardSpec } from "./panels";

const insights = (metric: string) => cloudWatchMetricName("ECS/ContainerInsights", metric, "Average");
const PER_SERVICE = "by (dimension_ClusterName, dimension_ServiceName)";
const SERVICE = "{{dimension_ClusterName}}/{{dimension_ServiceName}}";

/**
 * CPU and memory of every ECS service, from Container Insights through Alloy's CloudWatch exporter
 * (one datapoint a minute, each task's average). Needs Container Insights on the cluster and
 * `ECS/ContainerInsights` in Alloy's namespaces.
 */
export const ECS_SERVICES: DashboardSpec = {
  uid: "lgtm-ecs-services",
  title: "ECS services",
  panels: [
    {
      title: "CPU used, % of reserved",
      description: "Average CPU units a task uses over the CPU units it reserves, per service.",
      unit: "percent",
      queries: [{ expr: `100 * sum ${PER_SERVICE} (${insights("CpuUtilized")}) / sum ${PER_SERVICE} (${insights("CpuReserved")})`, legend: SERVICE }],
    },
    {
      title: "Memory used, % of reserved",
      description: "Average memory a task uses over the memory it reserves, per service; tasks are stopped when they reach 100.",
      unit: "percent",
      queries: [{ expr: `100 * sum ${PER_SERVICE} (${insights("MemoryUtilized")}) / sum ${PER_SERVICE} (${insights("MemoryReserved")})`, legend: SERVICE }],
    },
    {
      title: "CPU units used per task",
      description: "Average CPU units (1024 = 1 vCPU) a task of the service uses.",
      unit: "short",
      queries: [{ expr: `sum ${PER_SERVICE} (${insights("CpuUtilized")})`, legend: SERVICE }],
    },
    {
      title: "Memory used per task",
      description: "Average MiB a task of the service uses.",
      unit: "mbytes",
      queries: [{ expr: `sum ${PER_SERVICE} (${insights("MemoryUtilized")})`, legend: SERVICE }],
    },
    {
      title: "Running and desired tasks",
      description: "Tasks running against the count the service asks for; a gap that lasts is a service failing to start or place tasks.",
      unit: "short",
      width: 24,
      queries: [
        { expr: `sum ${PER_SERVICE} (${insights("RunningTaskCount")})`, legend: `${SERVICE} running` },
        { expr: `sum ${PER_SERVICE} (${insights("DesiredTaskCount")})`, legend: `${SERVICE} desired` },
      ],
    },
  ],
};
