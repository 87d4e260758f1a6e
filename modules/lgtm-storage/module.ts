import { join } from "node:path";
import { ModuleDefinition } from "../../lib/module-definition";
import { lgtmStorageInputs, lgtmStorageRules } from "./inputs";
import { EXPIRATION_MARGIN_DAYS } from "./layout";
import { LgtmStorage } from "./lgtm-storage";
import { LgtmStorageProps } from "./props";

/** The lgtm-storage construct as a published Terraform module. */
export const lgtmStorageModule: ModuleDefinition<LgtmStorageProps, LgtmStorage> = {
  name: "lgtm-storage",
  summary: [
    "Where the LGTM stack's telemetry lives: one private, versioned S3 bucket (ACLs off, all public access blocked, SSE-S3 or",
    "SSE-KMS with Bucket Keys, TLS-only bucket policy) with a prefix per store (`blocks/` Mimir TSDB, `rules/` Mimir ruler,",
    "`alerts/` Mimir Alertmanager, `loki/`, `tempo/`, `pyroscope/`), a least-privilege IAM policy document per component for",
    "its task role, and optionally an encrypted EFS file system that keeps Grafana's users, dashboards and alert state across",
    "task replacements.",
    "",
    "**Lifecycle that never breaks reads.** The components read their blocks directly, so nothing ever moves to GLACIER or",
    "DEEP_ARCHIVE (a GET would fail); the optional `transition` allows only STANDARD_IA, INTELLIGENT_TIERING and GLACIER_IR.",
    `Each telemetry prefix expires ${EXPIRATION_MARGIN_DAYS} days after its component's retention, as a safety net: the compactors delete expired`,
    "blocks within a day of their retention; the objects they keep rewriting (bucket and tenant indexes, Loki's delete",
    "requests) are minutes old; a block is written after the data it holds, so it is never older than that data; and the",
    "remaining weeks leave time to repair a stopped compactor before S3 removes blocks its index still lists. Set each",
    "component's retention from the same input, and raise the input before any per-tenant retention exceeds it. `rules/` and",
    "`alerts/` hold configuration and never expire. Anywhere in the bucket, overwritten and deleted versions expire after",
    "`noncurrent_version_days`, lone delete markers are removed and abandoned multipart uploads are aborted after a day.",
    "",
    "**Not destroyed by accident.** `prevent_destroy` cannot come from a variable, so this module does not set it; instead",
    "`force_destroy` defaults to false, and S3 refuses to delete a bucket that holds any object or version: a destroy stops",
    "at the bucket with every object intact (after removing its policy and settings, which the next apply restores).",
    "Grafana's file system is backed up daily by AWS Backup, whose recovery points outlive it.",
    "The CDKTF construct takes `{ preventDestroy: true }` (the prod env uses it) for `prevent_destroy` on both.",
  ].join("\n"),
  props: { file: join(__dirname, "props.ts"), declaration: "LgtmStorageProps" },
  construct: { file: join(__dirname, "lgtm-storage.ts"), declaration: "LgtmStorage" },
  inputs: lgtmStorageInputs,
  rules: lgtmStorageRules,
  create: (scope, id, props) => new LgtmStorage(scope, id, props),
  outputs: ["bucketName", "bucketArn", "prefixes", "policyDocuments", "efsFileSystemId", "efsAccessPointId", "efsSecurityGroupId"],
};
