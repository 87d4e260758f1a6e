import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { countIf, isGiven } from "../../lib/choose";
import { hcl, hclList, hclString } from "../../lib/hcl";
import { GrafanaFileSystem } from "./grafana-efs";
import { COMPONENTS, prefixesOf } from "./layout";
import { LgtmStorageProps } from "./props";

/**
 * What the components' S3 clients call, and nothing more: ListObjects(V2) with a prefix (and a
 * delimiter) under their own prefixes only; GetObject (ranged reads, HeadObject), PutObject (every
 * part of a multipart upload too), DeleteObject (a delete marker, since the bucket is versioned) and
 * AbortMultipartUpload (after a failed part) on their own objects. No version-specific calls: old
 * versions are the lifecycle's to remove.
 */
const OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"];

/**
 * One IAM policy document per component for its task role, each scoped to the component's own
 * prefixes, plus `grafana` (mount and write Grafana's EFS through its access point) when there is
 * one. With a KMS key, each may also use it, through S3 and for this bucket only.
 */
export function policyDocuments(
  scope: Construct,
  props: Required<LgtmStorageProps>,
  bucketArn: string,
  partition: DataAwsPartition,
  region: DataAwsRegion,
  efs: GrafanaFileSystem | undefined,
): Record<string, string> {
  const kms = kmsUse(scope, props, bucketArn, partition, region);
  const documents: Record<string, string> = {};
  for (const component of COMPONENTS) {
    const prefixes = prefixesOf(component);
    documents[component] = new DataAwsIamPolicyDocument(scope, component, {
      sourcePolicyDocuments: kms,
      statement: [
        {
          sid: "ListOwnPrefixes",
          actions: ["s3:ListBucket"],
          resources: [bucketArn],
          condition: [{ test: "StringLike", variable: "s3:prefix", values: prefixes.map((prefix) => `${prefix}*`) }],
        },
        { sid: "ReadWriteOwnObjects", actions: OBJECT_ACTIONS, resources: prefixes.map((prefix) => `${bucketArn}/${prefix}*`) },
      ],
    }).json;
  }
  if (!efs) return documents;
  const grafana = grafanaMount(scope, efs);
  return Token.asStringMap(Fn.merge([documents, hcl`{ for document in ${grafana.fqn} : "grafana" => document.json }`]));
}

/** The KMS statement every component document includes when a key is given: none, or one document. */
function kmsUse(scope: Construct, props: Required<LgtmStorageProps>, bucketArn: string, partition: DataAwsPartition, region: DataAwsRegion): string[] {
  const hasKey = isGiven(props.kmsKeyArn);
  if (hasKey === false) return [];
  const kms = new DataAwsIamPolicyDocument(scope, "kms", {
    count: countIf(hasKey),
    statement: [
      {
        sid: "UseTheBucketKeyThroughS3",
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [props.kmsKeyArn as string],
        condition: [
          { test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region.region}.${partition.dnsSuffix}`] },
          // With S3 Bucket Keys the encryption context is the bucket's ARN (an object's, without them).
          { test: "StringLike", variable: "kms:EncryptionContext:aws:s3:arn", values: [bucketArn, `${bucketArn}/*`] },
        ],
      },
    ],
  });
  return hclList`${kms.fqn}[*].json`;
}

/** Grafana's task role: mount and write its file system, through the access point and a mount target only. */
function grafanaMount(scope: Construct, efs: GrafanaFileSystem): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, "grafana:task-access", {
    count: efs.count,
    statement: [
      {
        sid: "MountGrafanaEfsThroughItsAccessPoint",
        actions: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        resources: [hclString`${efs.fileSystem.fqn}[0].arn`],
        condition: [
          { test: "StringEquals", variable: "elasticfilesystem:AccessPointArn", values: [hclString`${efs.accessPoint.fqn}[0].arn`] },
          { test: "Bool", variable: "elasticfilesystem:AccessedViaMountTarget", values: ["true"] },
        ],
      },
    ],
  });
}
