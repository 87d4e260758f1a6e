import { S3BucketLifecycleConfiguration, S3BucketLifecycleConfigurationRule } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { Construct } from "constructs";
import { hcl } from "../../lib/hcl";
import { Bucket } from "./bucket";
import { plusDays } from "./choice";
import { EXPIRATION_MARGIN_DAYS, PREFIXES } from "./layout";
import { LgtmStorageProps } from "./props";

/** Nothing a component uploads takes a day; an upload older than that was abandoned. */
const ABANDONED_UPLOAD_DAYS = 1;

/**
 * Lifecycle rules that never break a read: telemetry expires per prefix a margin after the owning
 * compactor's retention, configuration (`rules/`, `alerts/`) never expires, and nothing ever moves
 * to GLACIER or DEEP_ARCHIVE, whose objects a component cannot GET. Bucket-wide, overwritten and
 * deleted versions expire after `noncurrentVersionDays`, delete markers left alone are removed,
 * and abandoned multipart uploads are aborted.
 */
export function addLifecycle(scope: Construct, props: Required<LgtmStorageProps>, bucket: Bucket): void {
  const telemetry = Object.values(PREFIXES).flatMap(({ prefix, retention }) =>
    retention ? [{ prefix, expiration: plusDays(props[retention] as number, EXPIRATION_MARGIN_DAYS) }] : [],
  );
  const rules: S3BucketLifecycleConfigurationRule[] = [
    ...telemetry.map(({ prefix, expiration }) => ({
      id: `expire-${prefix.replace(/\/$/, "")}`,
      status: "Enabled",
      filter: [{ prefix }],
      expiration: [{ days: expiration }],
    })),
    {
      id: "old-versions-and-abandoned-uploads",
      status: "Enabled",
      filter: [{}],
      noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays }],
      expiration: [{ expiredObjectDeleteMarker: true }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABANDONED_UPLOAD_DAYS }],
    },
  ];
  const lifecycle = new S3BucketLifecycleConfiguration(scope, "this:lifecycle", {
    bucket: bucket.bucket.id,
    rule: rules,
    dependsOn: [bucket.versioning],
  });

  if (props.transition === null) return;
  // S3 rejects a transition on or after the expiration day, so a prefix that expires first keeps
  // STANDARD. cdktf cannot put a dynamic block inside one element of a list block; an override can.
  telemetry.forEach(({ expiration }, index) => {
    lifecycle.addOverride(`rule.${index}.dynamic.transition`, {
      for_each: hcl`[for transition in (${props.transition} == null ? [] : [${props.transition}]) : transition if transition.days < ${expiration}]`,
      content: { days: "${transition.value.days}", storage_class: "${transition.value.storage_class}" },
    });
  });
}
