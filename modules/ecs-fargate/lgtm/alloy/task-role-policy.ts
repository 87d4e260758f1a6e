import { hcl, hclString } from "../../../../lib/hcl";
import { AlloySettings } from "./settings";

/**
 * The IAM policy (JSON, a string token) of Alloy's task role. Read-only CloudWatch metrics and the
 * tagging lookup the CloudWatch exporter resolves resources with (these APIs take no resource
 * ARNs). With log-group prefixes, the only two calls the CloudWatch Logs receiver makes
 * (opentelemetry-collector-contrib receiver/awscloudwatchreceiver/logs.go): FilterLogEvents, allowed
 * only on groups under the prefixes, and DescribeLogGroups, which autodiscovery needs and which
 * IAM cannot narrow to a prefix (the prefix is a request parameter); it lists group metadata, not
 * events.
 */
export function alloyTaskRolePolicy(settings: AlloySettings): string {
  const logGroups = hcl`format("arn:%s:logs:%s:%s:log-group", ${settings.partition}, ${settings.region}, ${settings.accountId})`;
  const prefixes = settings.logGroupPrefixes;
  const metrics = {
    Sid: "ReadCloudWatchMetrics",
    Effect: "Allow",
    Action: ["cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics", "tag:GetResources"],
    Resource: "*",
  };
  const logs = [
    {
      Sid: "ReadLogGroupsUnderPrefixes",
      Effect: "Allow",
      Action: "logs:FilterLogEvents",
      Resource: hcl`[for prefix in ${prefixes} : format("%s:%s*", ${logGroups}, prefix)]`,
    },
    { Sid: "DiscoverLogGroups", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: hcl`format("%s:*", ${logGroups})` },
  ];
  return hclString`jsonencode({ Version = "2012-10-17", Statement = concat(${[metrics]}, [for statement in ${logs} : statement if length(${prefixes}) > 0]) })`;
}
