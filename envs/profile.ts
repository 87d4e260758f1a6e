import { AlbProps } from "../modules/alb/props";
import { LgtmStorageProps } from "../modules/lgtm-storage/props";
import { EcsFargateProps } from "../modules/ecs-fargate/props";
import { NetworkProps } from "../modules/network/props";
import { LgtmSizing } from "../modules/ecs-fargate/lgtm/sizing/sizing";

/** What differs between two deployments of the stack. */
export interface EnvProfile {
  /** Env name: stack name, state key and the `Environment` tag. */
  readonly name: string;
  /** AWS region the env runs in. */
  readonly region: string;
  /** The env's network; `name` and `tags` come from the env. */
  readonly network: Omit<NetworkProps, "name" | "tags">;
  /** The env's load balancer, in the network's public subnets; its routes are `<component>.<domain>`. */
  readonly alb: { readonly domain: string } & Pick<AlbProps, "deletionProtection">;
  /** The env's telemetry storage; the bucket name comes from the env, account and region. */
  readonly storage: Omit<LgtmStorageProps, "bucketName" | "grafanaEfs" | "tags">;
  /** `prevent_destroy` on the env's data stores (the telemetry bucket, Grafana's file system). */
  readonly protectData: boolean;
  /** The env's ECS cluster; its name, network and tags come from the env. The LGTM services join it. */
  readonly ecs: Pick<EcsFargateProps, "capacityProviderStrategy" | "logRetentionDays" | "imageSource">;
  /** The LGTM stack's shape: its sizing profile and the days `{level="info"}` logs are kept (the other retentions are `storage`'s). */
  readonly lgtm: { readonly sizing: LgtmSizing; readonly lokiInfoRetentionDays: number };
}
