import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ReadableStack } from "../../lib/readable-stack";
import { LgtmStorage } from "../../modules/lgtm-storage/lgtm-storage";
import { Network } from "../../modules/network/network";
import { COMPONENTS, PREFIXES } from "../../modules/lgtm-storage/layout";
import { BASE_STORAGE, GRAFANA_EFS, KMS_KEY_ARN, synthLgtmStorage } from "../support/lgtm-storage";

interface Statement {
  sid: string;
  effect?: string;
  actions: string[];
  resources: string[];
  principals?: unknown;
  condition?: { test: string; variable: string; values: string[] }[];
}

const ARN = "arn:${data.aws_partition.storage_current.partition}:s3:::lgtm-test-telemetry";
const OWN_PREFIXES = { mimir: ["blocks/", "rules/", "alerts/"], loki: ["loki/"], tempo: ["tempo/"], pyroscope: ["pyroscope/"] };

describe("component policy documents", () => {
  const json = synthLgtmStorage(BASE_STORAGE);
  const documents = json.data.aws_iam_policy_document;
  const statements = (name: string) => documents[name].statement as Statement[];

  it("give Mimir its three prefixes and every other component its own one", () => {
    expect(Object.fromEntries(COMPONENTS.map((c) => [c, Object.values(PREFIXES).filter((p) => p.owner === c).map((p) => p.prefix)]))).toEqual(OWN_PREFIXES);
  });

  it.each(Object.entries(OWN_PREFIXES))("let %s list, read, write and delete under its own prefixes only", (component, prefixes) => {
    expect(statements(`storage_${component}`)).toEqual([
      {
        sid: "ListOwnPrefixes",
        actions: ["s3:ListBucket"],
        resources: [ARN],
        condition: [{ test: "StringLike", variable: "s3:prefix", values: prefixes.map((p) => `${p}*`) }],
      },
      {
        sid: "ReadWriteOwnObjects",
        actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        resources: prefixes.map((p) => `${ARN}/${p}*`),
      },
    ]);
  });

  it("grant no bucket-wide object access, no wildcard action and nothing on old versions", () => {
    for (const component of COMPONENTS) {
      for (const statement of statements(`storage_${component}`)) {
        expect(statement.resources).not.toContain(`${ARN}/*`);
        expect(statement.actions.every((action) => !action.includes("*") && !action.includes("Version"))).toBe(true);
      }
    }
  });

  it("add no KMS statement without a key", () => {
    expect(documents).not.toHaveProperty("storage_kms");
    for (const component of COMPONENTS) expect(documents[`storage_${component}`].source_policy_documents).toEqual([]);
  });

  it("let each component use the KMS key only through S3 and for this bucket", () => {
    const withKey = synthLgtmStorage({ ...BASE_STORAGE, kmsKeyArn: KMS_KEY_ARN }).data.aws_iam_policy_document;
    expect(withKey.storage_kms.count).toBe(1);
    expect(withKey.storage_kms.statement).toEqual([
      {
        sid: "UseTheBucketKeyThroughS3",
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [KMS_KEY_ARN],
        condition: [
          { test: "StringEquals", variable: "kms:ViaService", values: ["s3.${data.aws_region.storage_current.region}.${data.aws_partition.storage_current.dns_suffix}"] },
          { test: "StringLike", variable: "kms:EncryptionContext:aws:s3:arn", values: [ARN, `${ARN}/*`] },
        ],
      },
    ]);
    for (const component of COMPONENTS) expect(withKey[`storage_${component}`].source_policy_documents).toBe("${data.aws_iam_policy_document.storage_kms[*].json}");
  });
});

describe("Grafana's file system", () => {
  const json = synthLgtmStorage({ ...BASE_STORAGE, kmsKeyArn: KMS_KEY_ARN, grafanaEfs: GRAFANA_EFS });
  const resource = (type: string, name: string) => json.resource[type][name];

  it("is not created without grafana_efs", () => {
    const without = synthLgtmStorage(BASE_STORAGE);
    expect(Object.keys(without.resource).filter((type) => type.startsWith("aws_efs") || type.includes("security_group"))).toEqual([]);
  });

  it("is encrypted with the given key and backed up daily", () => {
    expect(resource("aws_efs_file_system", "storage_grafana")).toMatchObject({ count: 1, encrypted: true, kms_key_id: KMS_KEY_ARN });
    expect(resource("aws_efs_backup_policy", "storage_grafana").backup_policy).toEqual({ status: "ENABLED" });
  });

  it("has a mount target in each subnet, behind its own security group", () => {
    expect(resource("aws_efs_mount_target", "storage_grafana")).toMatchObject({
      count: 2,
      file_system_id: "${aws_efs_file_system.storage_grafana[0].id}",
      subnet_id: '${["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"][count.index]}',
      security_groups: ["${aws_security_group.storage_grafana_efs[0].id}"],
    });
  });

  it("admits NFS only from the allowed security groups, and sends nothing", () => {
    expect(resource("aws_vpc_security_group_ingress_rule", "storage_grafana_efs_nfs")).toMatchObject({
      count: 1,
      security_group_id: "${aws_security_group.storage_grafana_efs[0].id}",
      ip_protocol: "tcp",
      from_port: 2049,
      to_port: 2049,
      referenced_security_group_id: '${["sg-0123456789abcdef0"][count.index]}',
    });
    expect(resource("aws_vpc_security_group_ingress_rule", "storage_grafana_efs_nfs")).not.toHaveProperty("cidr_ipv4");
    expect(json.resource).not.toHaveProperty("aws_vpc_security_group_egress_rule");
    expect(resource("aws_security_group", "storage_grafana_efs")).not.toHaveProperty("egress");
    expect(resource("aws_security_group", "storage_grafana_efs").vpc_id).toBe("${data.aws_subnet.storage_grafana_efs[0].vpc_id}");
  });

  it("roots Grafana at /grafana as uid/gid 472", () => {
    expect(resource("aws_efs_access_point", "storage_grafana")).toMatchObject({
      posix_user: { uid: 472, gid: 472 },
      root_directory: { path: "/grafana", creation_info: { owner_uid: 472, owner_gid: 472, permissions: "0750" } },
    });
  });

  it("denies every client that does not use TLS", () => {
    expect(resource("aws_efs_file_system_policy", "storage_grafana").policy).toBe("${data.aws_iam_policy_document.storage_efs_tls_only[0].json}");
    expect(json.data.aws_iam_policy_document.storage_efs_tls_only.statement).toEqual([
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "AWS", identifiers: ["*"] }],
        actions: ["*"],
        resources: ["${aws_efs_file_system.storage_grafana[0].arn}"],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ]);
  });

  it("gives Grafana's task role a document to mount and write it through the access point and a mount target only", () => {
    expect(json.data.aws_iam_policy_document.storage_grafana.statement).toEqual([
      {
        sid: "MountGrafanaEfsThroughItsAccessPoint",
        actions: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        resources: ["${aws_efs_file_system.storage_grafana[0].arn}"],
        condition: [
          { test: "StringEquals", variable: "elasticfilesystem:AccessPointArn", values: ["${aws_efs_access_point.storage_grafana[0].arn}"] },
          { test: "Bool", variable: "elasticfilesystem:AccessedViaMountTarget", values: ["true"] },
        ],
      },
    ]);
  });
});

describe("Grafana's file system in a composition", () => {
  it("takes subnet and security group IDs that other constructs create", () => {
    const stack = new ReadableStack(Testing.app(), "test");
    const network = new Network(stack, "network", { name: "lgtm-test", cidr: "10.0.0.0/16", azs: ["eu-west-1a", "eu-west-1b"] });
    const grafana = new SecurityGroup(stack, "grafana", { name: "grafana", vpcId: network.vpcId });
    new LgtmStorage(stack, "storage", { ...BASE_STORAGE, grafanaEfs: { subnet_ids: network.privateSubnetIds, allowed_security_group_ids: [grafana.id] } });
    const json = JSON.parse(Testing.synth(stack));
    const privateSubnetIds = '[for az in ["eu-west-1a", "eu-west-1b"] : aws_subnet.network_private[az].id if contains(keys(aws_subnet.network_private), az)]';
    expect(json.resource.aws_efs_mount_target.storage_grafana).toMatchObject({ count: `\${length(${privateSubnetIds})}`, subnet_id: `\${${privateSubnetIds}[count.index]}` });
    expect(json.resource.aws_vpc_security_group_ingress_rule.storage_grafana_efs_nfs).toMatchObject({
      count: 1,
      referenced_security_group_id: "${tolist([aws_security_group.grafana.id])[count.index]}",
    });
  });
});
