import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsSubnet } from "@cdktf/provider-aws/lib/data-aws-subnet";
import { EfsAccessPoint } from "@cdktf/provider-aws/lib/efs-access-point";
import { EfsBackupPolicy } from "@cdktf/provider-aws/lib/efs-backup-policy";
import { EfsFileSystem } from "@cdktf/provider-aws/lib/efs-file-system";
import { EfsFileSystemPolicy } from "@cdktf/provider-aws/lib/efs-file-system-policy";
import { EfsMountTarget } from "@cdktf/provider-aws/lib/efs-mount-target";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Fn, IResolvable, Token } from "cdktf";
import { Construct } from "constructs";
import { countIf, isGiven, tagged } from "../../lib/choose";
import { hclNumber, hclString } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { GrafanaEfs, LgtmStorageProps } from "./props";

/** The uid and gid Grafana's image runs as; the access point makes every file operation theirs. */
const GRAFANA_UID = 472;
const GRAFANA_ROOT = "/grafana";
const NFS_PORT = 2049;

/** Grafana's file system and what reaches it, each `count`-ed: one when `grafana_efs` is given. */
export interface GrafanaFileSystem {
  readonly count: number;
  readonly fileSystem: EfsFileSystem;
  readonly accessPoint: EfsAccessPoint;
  readonly securityGroup: SecurityGroup;
}

/**
 * An encrypted EFS file system for Grafana's state, backed up daily by AWS Backup and reachable
 * only over TLS: a mount target in each given subnet behind its own security group (NFS from the
 * allowed security groups, no egress), and an access point that roots Grafana at `/grafana` as
 * uid/gid 472. Subnet and security group IDs usually come from other modules and are unknown at
 * plan time, so mount targets and rules are `count`-ed by position, never keyed by ID.
 * Returns undefined, creating nothing, when `grafanaEfs` is a literal null.
 */
export function addGrafanaEfs(
  scope: Construct,
  props: Required<LgtmStorageProps>,
  preventDestroy: boolean,
): GrafanaFileSystem | undefined {
  const enabled = isGiven(props.grafanaEfs);
  if (enabled === false) return undefined;
  const given = props.grafanaEfs as GrafanaEfs;
  const count = countIf(enabled);
  const subnetIds = listOf(given.subnet_ids);
  const securityGroupIds = listOf(given.allowed_security_group_ids);
  const mountTargets = whenEnabled(enabled, lengthOf(given.subnet_ids));
  const ingressRules = whenEnabled(enabled, lengthOf(given.allowed_security_group_ids));
  const name = `${props.bucketName}-grafana`;

  // The security group goes in the subnets' VPC, which is read off the first one.
  const subnet = new DataAwsSubnet(scope, "grafana_efs:subnet", { count, id: hclString`${subnetIds}[0]` });
  const securityGroup = new SecurityGroup(scope, "grafana_efs", {
    count,
    name: `${name}-efs`,
    description: "Grafana's EFS mount targets: NFS from the allowed security groups only",
    vpcId: hclString`${subnet.fqn}[0].vpc_id`,
    tags: tagged(props.tags, `${name}-efs`),
  });
  const securityGroupId = hclString`${securityGroup.fqn}[0].id`;
  new VpcSecurityGroupIngressRule(scope, "grafana_efs_nfs", {
    count: ingressRules,
    securityGroupId,
    description: "NFS from an allowed security group",
    ipProtocol: "tcp",
    fromPort: NFS_PORT,
    toPort: NFS_PORT,
    referencedSecurityGroupId: hclString`${securityGroupIds}[count.index]`,
  });

  const fileSystem = new EfsFileSystem(scope, "grafana", {
    count,
    encrypted: true,
    kmsKeyId: props.kmsKeyArn ?? undefined,
    tags: tagged(props.tags, name),
    lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
  });
  const fileSystemId = hclString`${fileSystem.fqn}[0].id`;
  const fileSystemArn = hclString`${fileSystem.fqn}[0].arn`;
  // Daily AWS Backup recovery points outlive the file system, so even a destroy loses at most a day.
  new EfsBackupPolicy(scope, "grafana:backup", { count, fileSystemId, backupPolicy: { status: "ENABLED" } });
  const tlsOnly = new DataAwsIamPolicyDocument(scope, "efs_tls_only", {
    count,
    statement: [
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "AWS", identifiers: ["*"] }],
        actions: ["*"],
        resources: [fileSystemArn],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
  });
  new EfsFileSystemPolicy(scope, "grafana:policy", { count, fileSystemId, policy: hclString`${tlsOnly.fqn}[0].json` });
  new EfsMountTarget(scope, "grafana:mount-targets", {
    count: mountTargets,
    fileSystemId,
    subnetId: hclString`${subnetIds}[count.index]`,
    securityGroups: [securityGroupId],
  });
  const accessPoint = new EfsAccessPoint(scope, "grafana:access-point", {
    count,
    fileSystemId,
    posixUser: { uid: GRAFANA_UID, gid: GRAFANA_UID },
    rootDirectory: { path: GRAFANA_ROOT, creationInfo: { ownerUid: GRAFANA_UID, ownerGid: GRAFANA_UID, permissions: "0750" } },
    tags: tagged(props.tags, name),
  });

  return { count, fileSystem, accessPoint, securityGroup };
}

/** A list as one Terraform value, also when it is a literal list holding tokens. */
function listOf(list: string[]): string[] {
  return Token.isUnresolved(list) || !containsToken(list) ? list : Token.asList(Fn.tolist(list));
}

/** The length of a list: counted here for a literal list (tokens inside or not), by Terraform for a token. */
function lengthOf(list: string[]): number {
  return Token.isUnresolved(list) ? hclNumber`length(${list})` : list.length;
}

/** A count that is zero unless the file system exists. */
function whenEnabled(enabled: boolean | IResolvable, count: number): number {
  return enabled === true ? count : hclNumber`${enabled} ? ${count} : 0`;
}
