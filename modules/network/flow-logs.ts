import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import { countIf, tagged } from "../../lib/choose";
import { hclString } from "../../lib/hcl";
import { NetworkProps } from "./props";

/** The flow log resources of a network, each `count`-ed by `enableFlowLogs`. */
export interface FlowLogs {
  readonly logGroup: CloudwatchLogGroup;
}

/**
 * VPC flow logs (all traffic, 1-minute aggregation) to a CloudWatch log group, delivered by a role
 * that only the flow logs service of this account may assume and that may write only to that group.
 */
export function addFlowLogs(scope: Construct, props: Required<NetworkProps>, vpc: Vpc, region: DataAwsRegion): FlowLogs {
  const count = countIf(props.enableFlowLogs);
  const account = new DataAwsCallerIdentity(scope, "current:account");
  const partition = new DataAwsPartition(scope, "current:partition");

  const logGroup = new CloudwatchLogGroup(scope, "flow_logs", {
    count,
    name: `/aws/vpc-flow-logs/${props.name}`,
    retentionInDays: props.flowLogsRetentionDays,
    tags: tagged(props.tags, `${props.name}-flow-logs`),
  });
  const logGroupArn = hclString`${logGroup.fqn}[0].arn`;

  const trust = new DataAwsIamPolicyDocument(scope, "flow_logs_trust", {
    count,
    statement: [
      {
        sid: "FlowLogsOfThisAccount",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: [`arn:${partition.partition}:ec2:${region.region}:${account.accountId}:vpc-flow-log/*`],
          },
        ],
      },
    ],
  });
  const role = new IamRole(scope, "flow_logs:role", {
    count,
    name: `${props.name}-vpc-flow-logs`,
    description: `Delivers the flow logs of VPC ${props.name} to CloudWatch Logs`,
    assumeRolePolicy: hclString`${trust.fqn}[0].json`,
    tags: tagged(props.tags, `${props.name}-vpc-flow-logs`),
  });

  const delivery = new DataAwsIamPolicyDocument(scope, "flow_logs_delivery", {
    count,
    statement: [
      {
        sid: "WriteToTheFlowLogGroup",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        resources: [logGroupArn, `${logGroupArn}:log-stream:*`],
      },
      {
        sid: "FindTheFlowLogGroup",
        actions: ["logs:DescribeLogGroups"],
        resources: [`arn:${partition.partition}:logs:${region.region}:${account.accountId}:log-group:*`],
      },
    ],
  });
  new IamRolePolicy(scope, "flow_logs:policy", {
    count,
    name: "flow-logs-delivery",
    role: hclString`${role.fqn}[0].id`,
    policy: hclString`${delivery.fqn}[0].json`,
  });

  new FlowLog(scope, "this:flow-log", {
    count,
    vpcId: vpc.id,
    trafficType: "ALL",
    logDestinationType: "cloud-watch-logs",
    logDestination: logGroupArn,
    iamRoleArn: hclString`${role.fqn}[0].arn`,
    maxAggregationInterval: 60,
    tags: tagged(props.tags, `${props.name}-flow-logs`),
  });

  return { logGroup };
}
