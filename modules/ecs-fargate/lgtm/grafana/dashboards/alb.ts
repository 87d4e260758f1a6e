import { cloudWatchMetricName } from "../../alloy/cloudwatch-metrics";
import { DashboardSpec } from "./panels";

const alb = (metric: string, statistic = "Sum") => cloudWatchMetricName("AWS/ApplicationELB", metric, statistic);
const PER_LB = "by (dimension_LoadBalancer)";
// Counts arrive as one-minute sums.
const perSecond = (metric: string) => `sum ${PER_LB} (${alb(metric)}) / 60`;

/**
 * Application Load Balancers, from CloudWatch through Alloy's exporter (load-balancer-wide
 * metrics, one datapoint a minute). Needs `AWS/ApplicationELB` in Alloy's namespaces.
 */
export const ALB: DashboardSpec = {
  uid: "lgtm-alb",
  title: "Application Load Balancers",
  panels: [
    {
      title: "Requests",
      description: "Requests per second per load balancer.",
      unit: "reqps",
      queries: [{ expr: perSecond("RequestCount"), legend: "{{dimension_LoadBalancer}}" }],
    },
    {
      title: "Target 5xx ratio",
      description: "Share of requests the targets answered with a 5xx.",
      unit: "percentunit",
      queries: [{ expr: `sum ${PER_LB} (${alb("HTTPCode_Target_5XX_Count")}) / sum ${PER_LB} (${alb("RequestCount")})`, legend: "{{dimension_LoadBalancer}}" }],
    },
    {
      title: "4xx and 5xx from targets",
      description: "Responses per second with a 4xx or 5xx status returned by the targets.",
      unit: "reqps",
      queries: [
        { expr: perSecond("HTTPCode_Target_4XX_Count"), legend: "{{dimension_LoadBalancer}} 4xx" },
        { expr: perSecond("HTTPCode_Target_5XX_Count"), legend: "{{dimension_LoadBalancer}} 5xx" },
      ],
    },
    {
      title: "4xx and 5xx from the load balancer",
      description: "Responses per second the load balancer generated itself (no healthy target, rejected request, timeout).",
      unit: "reqps",
      queries: [
        { expr: perSecond("HTTPCode_ELB_4XX_Count"), legend: "{{dimension_LoadBalancer}} 4xx" },
        { expr: perSecond("HTTPCode_ELB_5XX_Count"), legend: "{{dimension_LoadBalancer}} 5xx" },
      ],
    },
    {
      title: "Target response time",
      description: "Seconds from the request leaving the load balancer to the target's response headers: average and 99th percentile.",
      unit: "s",
      width: 24,
      queries: [
        { expr: `max ${PER_LB} (${alb("TargetResponseTime", "Average")})`, legend: "{{dimension_LoadBalancer}} average" },
        { expr: `max ${PER_LB} (${alb("TargetResponseTime", "p99")})`, legend: "{{dimension_LoadBalancer}} p99" },
      ],
    },
  ],
};
