import { Testing } from "cdktf";
import { ReadableStack } from "../../lib/readable-stack";
import { LgtmStorage, LgtmStorageOptions } from "../../modules/lgtm-storage/lgtm-storage";
import { LgtmStorageProps } from "../../modules/lgtm-storage/props";
import { BadInput } from "./module-calls";
import { TerraformJson } from "./synth";

/** Synthesizes a stack holding one LgtmStorage with the given literal props, as an env would. */
export function synthLgtmStorage(props: LgtmStorageProps, options?: LgtmStorageOptions): TerraformJson {
  const stack = new ReadableStack(Testing.app(), "test");
  new LgtmStorage(stack, "storage", props, options);
  return JSON.parse(Testing.synth(stack));
}

/** The minimal valid lgtm-storage props. */
export const BASE_STORAGE: LgtmStorageProps = { bucketName: "lgtm-test-telemetry" };

export const KMS_KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
export const GRAFANA_EFS = { subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"], allowed_security_group_ids: ["sg-0123456789abcdef0"] };

const NAME_RULE =
  'bucket_name must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, without "..", not an IP address, ' +
  'not starting with "xn--", "sthree-", "amzn-s3-demo-" and not ending with "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"';

/** Bad inputs and the words of the error each must produce, in TypeScript and in HCL. */
export const BAD_STORAGE_INPUTS: BadInput<LgtmStorageProps>[] = [
  { case: "a two-character bucket name", props: { bucketName: "ab" }, variable: "bucket_name", message: `${NAME_RULE}; got "ab".` },
  { case: "a 64-character bucket name", props: { bucketName: "a".repeat(64) }, variable: "bucket_name", message: NAME_RULE },
  { case: "an upper-case bucket name", props: { bucketName: "LGTM-telemetry" }, variable: "bucket_name", message: 'got "LGTM-telemetry".' },
  { case: "an underscore", props: { bucketName: "lgtm_telemetry" }, variable: "bucket_name", message: NAME_RULE },
  { case: "a leading hyphen", props: { bucketName: "-lgtm" }, variable: "bucket_name", message: NAME_RULE },
  { case: "a trailing dot", props: { bucketName: "lgtm." }, variable: "bucket_name", message: NAME_RULE },
  { case: "two adjacent dots", props: { bucketName: "lgtm..telemetry" }, variable: "bucket_name", message: NAME_RULE },
  { case: "an IP address", props: { bucketName: "192.168.5.4" }, variable: "bucket_name", message: 'got "192.168.5.4".' },
  { case: "the xn-- prefix", props: { bucketName: "xn--lgtm" }, variable: "bucket_name", message: NAME_RULE },
  { case: "the sthree- prefix", props: { bucketName: "sthree-lgtm" }, variable: "bucket_name", message: NAME_RULE },
  { case: "the -s3alias suffix", props: { bucketName: "lgtm-s3alias" }, variable: "bucket_name", message: NAME_RULE },
  { case: "the --ol-s3 suffix", props: { bucketName: "lgtm--ol-s3" }, variable: "bucket_name", message: NAME_RULE },
  {
    case: "a KMS alias instead of a key",
    props: { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/lgtm" },
    variable: "kms_key_arn",
    message: 'kms_key_arn must be null or the ARN of a KMS key (not an alias), such as "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"; got "arn:aws:kms:eu-west-1:111122223333:alias/lgtm".',
  },
  { case: "a bare key ID", props: { kmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" }, variable: "kms_key_arn", message: "kms_key_arn must be null or the ARN of a KMS key" },
  { case: "no Mimir retention", props: { mimirRetentionDays: 0 }, variable: "mimir_retention_days", message: "mimir_retention_days must be a whole number of days, 1 or more; got 0." },
  { case: "a fractional Loki retention", props: { lokiRetentionDays: 30.5 }, variable: "loki_retention_days", message: "loki_retention_days must be a whole number of days, 1 or more; got 30.5." },
  { case: "a negative Tempo retention", props: { tempoRetentionDays: -7 }, variable: "tempo_retention_days", message: "tempo_retention_days must be a whole number of days, 1 or more" },
  { case: "no Pyroscope retention", props: { pyroscopeRetentionDays: 0 }, variable: "pyroscope_retention_days", message: "pyroscope_retention_days must be a whole number of days, 1 or more" },
  { case: "noncurrent versions kept 0 days", props: { noncurrentVersionDays: 0 }, variable: "noncurrent_version_days", message: "noncurrent_version_days must be a whole number of days, 1 or more" },
  {
    case: "a transition to GLACIER",
    props: { transition: { days: 90, storage_class: "GLACIER" as never } },
    variable: "transition",
    message:
      'transition must be null or move objects to one of "STANDARD_IA", "INTELLIGENT_TIERING", "GLACIER_IR" (classes the components can still read; never GLACIER or DEEP_ARCHIVE) ' +
      'after a whole number of days, 30 or more for STANDARD_IA; got {"days":90,"storage_class":"GLACIER"}.',
  },
  { case: "a transition to DEEP_ARCHIVE", props: { transition: { days: 180, storage_class: "DEEP_ARCHIVE" as never } }, variable: "transition", message: "transition must be null or move objects to one of" },
  { case: "STANDARD_IA before 30 days", props: { transition: { days: 7, storage_class: "STANDARD_IA" } }, variable: "transition", message: "30 or more for STANDARD_IA" },
  { case: "a fractional transition day", props: { transition: { days: 0.5, storage_class: "GLACIER_IR" } }, variable: "transition", message: "after a whole number of days" },
  {
    case: "EFS without subnets",
    props: { grafanaEfs: { subnet_ids: [], allowed_security_group_ids: ["sg-0123456789abcdef0"] } },
    variable: "grafana_efs",
    message: 'grafana_efs must be null or list at least one subnet ID, each once, in subnet_ids (such as "subnet-0123456789abcdef0"); got ',
  },
  {
    case: "EFS with a subnet twice",
    props: { grafanaEfs: { subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef0"], allowed_security_group_ids: ["sg-0123456789abcdef0"] } },
    variable: "grafana_efs",
    message: "grafana_efs must be null or list at least one subnet ID, each once",
  },
  {
    case: "EFS with a VPC ID as a subnet",
    props: { grafanaEfs: { subnet_ids: ["vpc-0123456789abcdef0"], allowed_security_group_ids: ["sg-0123456789abcdef0"] } },
    variable: "grafana_efs",
    message: "grafana_efs must be null or list at least one subnet ID",
  },
  {
    case: "EFS open to a CIDR",
    props: { grafanaEfs: { subnet_ids: ["subnet-0123456789abcdef0"], allowed_security_group_ids: ["10.0.0.0/16"] } },
    variable: "grafana_efs",
    message: 'grafana_efs must be null or list security group IDs, each once, in allowed_security_group_ids (such as "sg-0123456789abcdef0"); got ',
  },
];
