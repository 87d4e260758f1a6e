import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { TerraformIterator, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { tagged } from "../../../lib/choose";
import { hcl, hclLines, hclString, raw } from "../../../lib/hcl";
import { ecsTasksTrustPolicy } from "../cluster";
import { ClusterRef, arnIn } from "../cluster-ref";

/** A Secrets Manager secret's ARN without the JSON key, stage or version a `valueFrom` may add. */
const SECRET_ARN = "^(arn:[^:]+:secretsmanager:[^:]+:[^:]+:secret:[^:]+)";

/**
 * Per service: a task role with the given inline policies and what its own features need (EFS
 * mounts of its access points, ECS Exec channels and session logs), and an inline policy on the
 * cluster's execution role that reads exactly the secrets and parameters the service references.
 */
export function addIam(scope: Construct, cluster: ClusterRef, specs: TerraformLocal, names: TerraformLocal): IamRole {
  const services = TerraformIterator.fromMap(specs.asAnyMap);
  const taskRoles = new IamRole(scope, "task", {
    forEach: services,
    name: hclString`"\${${names.fqn}[each.key].qualified}-task"`,
    description: hclString`"Task role of ECS service \${${names.fqn}[each.key].service}"`,
    assumeRolePolicy: ecsTasksTrustPolicy(cluster),
    tags: tagged(cluster.tags, hclString`"\${${names.fqn}[each.key].qualified}-task"`),
  });

  const policies = TerraformIterator.fromMap(
    hclLines`{ for policy in flatten([for k, s in ${specs.fqn} : [for name, document in s.task_policies : {
      key = "\${k}/\${name}", service = k, name = name, document = document
    } if document != null]]) : policy.key => policy }`,
  );
  new IamRolePolicy(scope, "task:policies", {
    forEach: policies,
    name: hclString`each.value.name`,
    role: hclString`${taskRoles.fqn}[each.value.service].id`,
    policy: hclString`each.value.document`,
  });

  const runtime = TerraformIterator.fromMap(hcl`{ for k, s in ${specs.fqn} : k => s if length(s.efs_volumes) > 0 || s.enable_execute_command }`);
  const fileSystem = (id: string) => arnIn(cluster, "elasticfilesystem", `file-system/${id}`);
  const accessPoint = (id: string) => arnIn(cluster, "elasticfilesystem", `access-point/${id}`);
  const efsStatements = hclLines`[for i, v in each.value.efs_volumes : {
    Sid = "MountEfsVolume\${i}", Effect = "Allow",
    Action = concat(["elasticfilesystem:ClientMount"], v.read_only ? [] : ["elasticfilesystem:ClientWrite"]),
    Resource = ${fileSystem(Token.asString(raw("v.file_system_id")))},
    Condition = { StringEquals = { "elasticfilesystem:AccessPointArn" = ${accessPoint(Token.asString(raw("v.access_point_id")))} } }
  }]`;
  const execStatements = [
    {
      Sid: "EcsExecChannelsHaveNoResourceLevelPermission",
      Effect: "Allow",
      Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      Resource: "*",
    },
    {
      Sid: "WriteExecSessionLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
      Resource: `${cluster.execLogGroupArn}:*`,
    },
    { Sid: "DescribeLogGroupsHasNoResourceLevelPermission", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
  ];
  const execKey = { Sid: "DecryptExecSessions", Effect: "Allow", Action: "kms:Decrypt", Resource: cluster.executeCommandKmsKeyArn };
  new IamRolePolicy(scope, "runtime", {
    forEach: runtime,
    name: "efs-and-exec",
    role: hclString`${taskRoles.fqn}[each.key].id`,
    policy: Token.asString(hclLines`jsonencode({ Version = "2012-10-17", Statement = concat(${efsStatements},
      [for statement in ${execStatements} : statement if each.value.enable_execute_command],
      each.value.enable_execute_command && ${cluster.executeCommandKmsKeyArn} != null ? ${[execKey]} : []) })`),
  });

  const withSecrets = TerraformIterator.fromMap(hcl`{ for k, s in ${specs.fqn} : k => s if length(s.secrets) > 0 }`);
  const secretArns = hcl`distinct([for arn in values(each.value.secrets) : regex(${SECRET_ARN}, arn)[0] if can(regex(${SECRET_ARN}, arn))])`;
  const parameterArns = hcl`distinct([for arn in values(each.value.secrets) : arn if can(regex("^arn:[^:]+:ssm:", arn))])`;
  new IamRolePolicy(scope, "secrets", {
    forEach: withSecrets,
    name: hclString`"\${${names.fqn}[each.key].qualified}-secrets"`,
    role: cluster.executionRoleName,
    policy: Token.asString(hclLines`jsonencode({ Version = "2012-10-17", Statement = concat(
      length(${secretArns}) > 0 ? [{ Sid = "ReadTheServicesSecrets", Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = ${secretArns} }] : [],
      length(${parameterArns}) > 0 ? [{ Sid = "ReadTheServicesParameters", Effect = "Allow", Action = "ssm:GetParameters", Resource = ${parameterArns} }] : []) })`),
  });
  return taskRoles;
}
