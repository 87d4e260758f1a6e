/** A storage class the components can still read directly; GLACIER and DEEP_ARCHIVE are never allowed. */
export type ReadableStorageClass = "STANDARD_IA" | "INTELLIGENT_TIERING" | "GLACIER_IR";

/** When the telemetry under the data prefixes moves to a cheaper storage class. */
export interface StorageTransition {
  /** Days after an object is written. */
  readonly days: number;
  readonly storage_class: ReadableStorageClass;
}

/** Where Grafana's EFS file system is reachable from. */
export interface GrafanaEfs {
  /** Subnets that get a mount target, at most one per AZ (Grafana's private subnets). */
  readonly subnet_ids: string[];
  /** Security groups allowed to reach the mount targets on NFS (2049), e.g. the Grafana tasks'. Empty admits none: add rules to `efs_security_group_id` yourself when the allowed group comes from a module that reads this one's outputs (the ecs-fargate module's `lgtm` does), which would otherwise be a cycle. */
  readonly allowed_security_group_ids: string[];
}

/** Inputs of the lgtm-storage module. */
export interface LgtmStorageProps {
  /** Name of the telemetry bucket, globally unique: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address, and none of the prefixes and suffixes S3 reserves. */
  readonly bucketName: string;
  /** Lets `terraform destroy` delete the bucket with every object version in it. Keep false wherever the data matters: S3 then refuses to delete a bucket that holds any object or version. */
  readonly forceDestroy?: boolean;
  /** ARN of a KMS key (`arn:aws:kms:<region>:<account>:key/<id>`) that encrypts the bucket, with S3 Bucket Keys, and Grafana's EFS file system; `null` uses SSE-S3 and the AWS-managed EFS key. The key policy must let the task roles use it through S3. */
  readonly kmsKeyArn?: string | null;
  /** Days Mimir keeps metrics (its compactor's `compactor_blocks_retention_period`); `blocks/` objects expire 30 days later as a safety net. */
  readonly mimirRetentionDays?: number;
  /** Days Loki keeps logs (its compactor's `retention_period`); `loki/` objects expire 30 days later as a safety net. */
  readonly lokiRetentionDays?: number;
  /** Days Tempo keeps traces (its compactor's `block_retention`); `tempo/` objects expire 30 days later as a safety net. */
  readonly tempoRetentionDays?: number;
  /** Days Pyroscope keeps profiles (its compactor's `compactor_blocks_retention_period`); `pyroscope/` objects expire 30 days later as a safety net. */
  readonly pyroscopeRetentionDays?: number;
  /** Days an overwritten or deleted object version is kept before S3 removes it, anywhere in the bucket. */
  readonly noncurrentVersionDays?: number;
  /** Moves objects under the data prefixes (`blocks/`, `loki/`, `tempo/`, `pyroscope/`) to `STANDARD_IA` (30 days or later), `INTELLIGENT_TIERING` or `GLACIER_IR` after `days`, for each prefix whose expiration comes later; the components keep reading them directly, at the class's retrieval price. `null` keeps everything in STANDARD. */
  readonly transition?: StorageTransition | null;
  /** An encrypted EFS file system for Grafana's database, dashboards and alert state: a mount target in each subnet, an access point rooted at `/grafana` as uid/gid 472, and a security group that admits NFS only from the given security groups. `null` creates none. */
  readonly grafanaEfs?: GrafanaEfs | null;
  /** Tags added to every resource. */
  readonly tags?: Record<string, string>;
}
