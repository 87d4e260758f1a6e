import { describe, expect, it } from "vitest";
import { BASE_STORAGE, GRAFANA_EFS, KMS_KEY_ARN, synthLgtmStorage } from "../support/lgtm-storage";

type Statement = { effect?: string; actions: string[]; resources: string[]; principals?: unknown; condition?: unknown };

describe("telemetry bucket", () => {
  const json = synthLgtmStorage(BASE_STORAGE);
  const resource = (type: string) => json.resource[type].storage;

  it("is named as given and keeps its data on destroy unless force_destroy", () => {
    expect(resource("aws_s3_bucket")).toMatchObject({ bucket: "lgtm-test-telemetry", force_destroy: false });
    expect(resource("aws_s3_bucket")).not.toHaveProperty("lifecycle");
  });

  it("blocks every kind of public access and turns ACLs off", () => {
    expect(resource("aws_s3_bucket_public_access_block")).toMatchObject({
      bucket: "${aws_s3_bucket.storage.id}",
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resource("aws_s3_bucket_ownership_controls").rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
  });

  it("is versioned", () => {
    expect(resource("aws_s3_bucket_versioning").versioning_configuration).toEqual({ status: "Enabled" });
  });

  it("encrypts with SSE-S3 by default and with the KMS key and Bucket Keys when one is given", () => {
    expect(resource("aws_s3_bucket_server_side_encryption_configuration").rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" }, bucket_key_enabled: false },
    ]);
    const withKey = synthLgtmStorage({ ...BASE_STORAGE, kmsKeyArn: KMS_KEY_ARN });
    expect(withKey.resource.aws_s3_bucket_server_side_encryption_configuration.storage.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KMS_KEY_ARN }, bucket_key_enabled: true },
    ]);
  });

  it("denies every request not made over TLS, to the bucket and every object", () => {
    expect(resource("aws_s3_bucket_policy")).toMatchObject({
      bucket: "${aws_s3_bucket.storage.id}",
      policy: "${data.aws_iam_policy_document.storage_bucket_tls_only.json}",
      depends_on: ["aws_s3_bucket_public_access_block.storage"],
    });
    const statements = json.data.aws_iam_policy_document.storage_bucket_tls_only.statement as Statement[];
    const arn = "arn:${data.aws_partition.storage_current.partition}:s3:::lgtm-test-telemetry";
    expect(statements).toEqual([
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [arn, `${arn}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ]);
  });

  it("guards the bucket and Grafana's file system with prevent_destroy only when asked", () => {
    const protectedJson = synthLgtmStorage({ ...BASE_STORAGE, grafanaEfs: GRAFANA_EFS }, { preventDestroy: true });
    expect(protectedJson.resource.aws_s3_bucket.storage.lifecycle).toEqual({ prevent_destroy: true });
    expect(protectedJson.resource.aws_efs_file_system.storage_grafana.lifecycle).toEqual({ prevent_destroy: true });
    const unprotected = synthLgtmStorage({ ...BASE_STORAGE, grafanaEfs: GRAFANA_EFS });
    expect(unprotected.resource.aws_efs_file_system.storage_grafana).not.toHaveProperty("lifecycle");
  });
});
