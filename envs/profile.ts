import { EcsFargateProps } from "../modules/ecs-fargate/props";
import { NetworkProps } from "../modules/network/props";

/** What differs between two deployments of the stack. */
export interface EnvProfile {
  /** Env name: stack name, state key and the `Environment` tag. */
  readonly name: string;
  /** AWS region the env runs in. */
  readonly region: string;
  /** The env's network; `name` and `tags` come from the env. */
  readonly network: Omit<NetworkProps, "name" | "tags">;
  /** The env's ECS cluster; its name, network and tags come from the env. The LGTM services join it. */
  readonly ecs: Pick<EcsFargateProps, "capacityProviderStrategy" | "logRetentionDays" | "imageSource">;
}
