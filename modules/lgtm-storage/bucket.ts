import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { isGiven } from "../../lib/choose";
import { pick } from "./choice";
import { LgtmStorageProps } from "./props";

/** The bucket and the resources that lock it down. */
export interface Bucket {
  readonly bucket: S3Bucket;
  /** Lifecycle rules on noncurrent versions need versioning in place first. */
  readonly versioning: S3BucketVersioningA;
}

/**
 * A private, versioned bucket owned by its account (ACLs off), encrypted with the KMS key and S3
 * Bucket Keys when one is given and SSE-S3 otherwise, that refuses every request not made over TLS.
 */
export function addBucket(scope: Construct, props: Required<LgtmStorageProps>, bucketArn: string, preventDestroy: boolean): Bucket {
  const bucket = new S3Bucket(scope, "this", {
    bucket: props.bucketName,
    forceDestroy: props.forceDestroy,
    tags: props.tags,
    lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
  });
  new S3BucketOwnershipControls(scope, "this:ownership", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  const publicAccessBlock = new S3BucketPublicAccessBlock(scope, "this:public-access", {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  const hasKey = isGiven(props.kmsKeyArn);
  const versioning = new S3BucketVersioningA(scope, "this:versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
  new S3BucketServerSideEncryptionConfigurationA(scope, "this:encryption", {
    bucket: bucket.id,
    rule: [
      {
        applyServerSideEncryptionByDefault: {
          sseAlgorithm: pick(hasKey, "aws:kms", "AES256"),
          kmsMasterKeyId: props.kmsKeyArn ?? undefined,
        },
        // One data key per bucket instead of a KMS call per object: KMS requests drop by orders of magnitude.
        bucketKeyEnabled: hasKey,
      },
    ],
  });

  const tlsOnly = new DataAwsIamPolicyDocument(scope, "bucket_tls_only", {
    statement: [
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [bucketArn, `${bucketArn}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
  });
  new S3BucketPolicy(scope, "this:policy", {
    bucket: bucket.id,
    policy: tlsOnly.json,
    // S3 rejects concurrent changes to one bucket's policy and its public access block.
    dependsOn: [publicAccessBlock],
  });

  return { bucket, versioning };
}
