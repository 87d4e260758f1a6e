import { ClusterRef } from "../cluster-ref";
import { LgtmSettings } from "./settings";

/** Inputs of the LGTM components module, which the ecs-fargate module calls when its `lgtm` is set. */
export interface LgtmComponentsProps {
  /** The ECS cluster the components run on, as the ecs-fargate module hands it over. */
  readonly cluster: ClusterRef;
  /** ID of the VPC the tasks run in. */
  readonly vpcId: string;
  /** Private subnets the tasks run in. */
  readonly subnetIds: string[];
  /** Days CloudWatch keeps the components' logs. */
  readonly logRetentionDays: number;
  /** The stack's settings: the ecs-fargate module's `lgtm` input, defaults filled in. */
  readonly settings: LgtmSettings;
}
