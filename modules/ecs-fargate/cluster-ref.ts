import { IResolvable } from "cdktf";
import { CAPACITY_PROVIDER_STRATEGY_TYPE } from "./fargate-service/spec";
import { IMAGE_SOURCE_TYPE } from "./image-source";

/**
 * What services need of the cluster they run on, as plain values: an {@link EcsCluster} in the same
 * root is one, and the same values handed to a nested module as its `cluster` variable are another,
 * so {@link FargateServices} runs beside the cluster or inside a module the cluster's module calls.
 */
export interface ClusterRef {
  /** Name of the cluster (its resource attribute). */
  readonly name: string;
  /** Name of the cluster as given, for names derived from it. */
  readonly clusterName: string;
  /** ARN of the cluster. */
  readonly arn: string;
  /** ARN of the shared task execution role. */
  readonly executionRoleArn: string;
  /** Name of the shared task execution role, to attach each service's secret-read policy. */
  readonly executionRoleName: string;
  /** ARN of the log group that receives ECS Exec session logs. */
  readonly execLogGroupArn: string;
  /** KMS key ARN of ECS Exec sessions, or null. */
  readonly executeCommandKmsKeyArn: string | null;
  /** The default capacity provider strategy, with defaults filled in. */
  readonly capacityProviderStrategy: IResolvable | string[];
  /** The image source with defaults filled in (an expression). */
  readonly imageSource: string;
  /** This account's ECR registry host. */
  readonly registry: string;
  /** The helper images (init container, Alloy, Fluent Bit) as pulled under the image source (an expression). */
  readonly helperImages: string;
  /** AWS partition, for ARNs. */
  readonly partition: string;
  /** Region, for ARNs and log configuration. */
  readonly region: string;
  /** Account ID, for ARNs. */
  readonly account: string;
  /** Tags on every resource. */
  readonly tags: Record<string, string>;
}

/** Terraform types of {@link ClusterRef}'s attributes, for a module's `cluster` variable (snake_case attributes). */
export const CLUSTER_REF_ATTRIBUTES: Readonly<Record<keyof ClusterRef, string>> = {
  name: "string",
  clusterName: "string",
  arn: "string",
  executionRoleArn: "string",
  executionRoleName: "string",
  execLogGroupArn: "string",
  executeCommandKmsKeyArn: "string",
  capacityProviderStrategy: CAPACITY_PROVIDER_STRATEGY_TYPE,
  imageSource: IMAGE_SOURCE_TYPE,
  registry: "string",
  // Each helper image's repository credentials are null or an object: only `any` holds both.
  helperImages: "any",
  partition: "string",
  region: "string",
  account: "string",
  tags: "map(string)",
};

/** The cluster's values, plain, to pass into a nested module. */
export function clusterRef(cluster: ClusterRef): ClusterRef {
  return Object.fromEntries(Object.keys(CLUSTER_REF_ATTRIBUTES).map((key) => [key, cluster[key as keyof ClusterRef]])) as unknown as ClusterRef;
}

/** An ARN in the cluster's account and region: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function arnIn(cluster: ClusterRef, service: string, resource: string): string {
  return `arn:${cluster.partition}:${service}:${cluster.region}:${cluster.account}:${resource}`;
}
