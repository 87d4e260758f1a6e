import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { TerraformResource, Token } from "cdktf";
import { hclString } from "../../lib/hcl";
import { Construct } from "constructs";
import { checkInputs, withDefaults } from "../../lib/inputs";
import { policyDocuments } from "./access-policies";
import { addBucket } from "./bucket";
import { addGrafanaEfs } from "./grafana-efs";
import { lgtmStorageInputs, lgtmStorageRules } from "./inputs";
import { PREFIXES } from "./layout";
import { addLifecycle } from "./lifecycle";
import { LgtmStorageProps } from "./props";

/** Construct options that are not module inputs: Terraform cannot take a lifecycle from a variable. */
export interface LgtmStorageOptions {
  /** `prevent_destroy` on the bucket and Grafana's file system, so no plan can delete them. */
  readonly preventDestroy?: boolean;
}

/**
 * Where the LGTM stack's telemetry lives: one S3 bucket with a prefix per component, lifecycle
 * rules that never break a read, a least-privilege policy document per component for its task
 * role, and optionally an EFS file system that keeps Grafana's state across task replacements.
 */
export class LgtmStorage extends Construct {
  /** Name of the bucket. */
  public readonly bucketName: string;
  /** ARN of the bucket. */
  public readonly bucketArn: string;
  /** Key prefix of each store, ending with `/`: `mimir_blocks` (Mimir's TSDB blocks), `mimir_ruler` (rule groups), `mimir_alertmanager` (Alertmanager configs and state), `loki`, `tempo` and `pyroscope`. */
  public readonly prefixes: Record<string, string>;
  /** IAM policy document (JSON) for each component's task role, by component: `mimir`, `loki`, `tempo` and `pyroscope` (its own prefixes only, and the KMS key through S3 when one is given), and `grafana` (mount and write the EFS file system through its access point) when `grafana_efs` is given. */
  public readonly policyDocuments: Record<string, string>;
  /** ID of Grafana's EFS file system; null without `grafana_efs`. */
  public readonly efsFileSystemId: string;
  /** ID of the EFS access point Grafana mounts (root `/grafana`, uid/gid 472); null without `grafana_efs`. */
  public readonly efsAccessPointId: string;
  /** ID of the security group of the EFS mount targets; null without `grafana_efs`. */
  public readonly efsSecurityGroupId: string;

  constructor(scope: Construct, id: string, input: LgtmStorageProps, options: LgtmStorageOptions = {}) {
    super(scope, id);
    const props = withDefaults(input, lgtmStorageInputs);
    checkInputs(`LgtmStorage ${this.node.path}`, props, lgtmStorageInputs, lgtmStorageRules);
    const preventDestroy = options.preventDestroy ?? false;

    const partition = new DataAwsPartition(this, "current");
    const region = new DataAwsRegion(this, "current:region");
    // From the name rather than the bucket, so the policies are known, and reviewable, at plan time.
    const bucketArn = `arn:${partition.partition}:s3:::${props.bucketName}`;
    const bucket = addBucket(this, props, bucketArn, preventDestroy);
    addLifecycle(this, props, bucket);
    const efs = addGrafanaEfs(this, props, preventDestroy);

    this.bucketName = bucket.bucket.bucket;
    this.bucketArn = bucket.bucket.arn;
    this.prefixes = Object.fromEntries(Object.entries(PREFIXES).map(([name, { prefix }]) => [name, prefix]));
    this.policyDocuments = policyDocuments(this, props, bucketArn, partition, region, efs);
    const one = (resource: TerraformResource | undefined) => (resource ? hclString`one(${resource.fqn}[*].id)` : Token.asString(Token.nullValue()));
    this.efsFileSystemId = one(efs?.fileSystem);
    this.efsAccessPointId = one(efs?.accessPoint);
    this.efsSecurityGroupId = one(efs?.securityGroup);
  }
}
