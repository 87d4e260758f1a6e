import { Token } from "cdktf";
import { entry } from "../../lib/object-token";
import { Alb } from "../alb/alb";
import { AlbRoute } from "../alb/props";
import { LgtmSettings } from "../ecs-fargate/lgtm/settings";
import { LgtmSizingValues } from "../ecs-fargate/lgtm/sizing/lgtm-sizing";
import { LgtmStorage } from "../lgtm-storage/lgtm-storage";
import { ServiceDiscovery } from "../service-discovery/service-discovery";
import { LgtmProfile } from "./profiles";

/** The Cloud Map namespace the stack's roles find each other in. */
export const LGTM_NAMESPACE = "lgtm.local";

/** What the composition's blocks and choices give the LGTM components. */
export interface LgtmParts {
  readonly profile: LgtmProfile;
  /** The task sizes and replication factors, from the profile or a load. */
  readonly sizing: LgtmSizingValues;
  readonly discovery: ServiceDiscovery;
  readonly storage: LgtmStorage;
  readonly alb: Alb;
  /** The load balancer's routes, keyed as the components attach them. */
  readonly routes: Record<string, AlbRoute>;
  /** Where users open Grafana, with a trailing `/`. */
  readonly grafanaUrl: string;
  /** Who may push straight to the components: the VPC. */
  readonly ingestionCidrs: string[];
  readonly alertSnsTopicArn: string | null;
  /** Tags the load balancers and ECS services Alloy collects from CloudWatch carry. */
  readonly cloudwatchTags: Record<string, string>;
}

/**
 * The ecs-fargate module's `lgtm`: the stack's storage, discovery and load balancer (every route's
 * target group, keyed as the components attach them), pushes admitted from the VPC, the sizing (the
 * profile's or a load's) and the profile's retention, Grafana at its URL on the storage's file system, Alloy collecting the
 * stack's own load balancer and ECS services from CloudWatch.
 */
export function lgtmSettings(parts: LgtmParts): LgtmSettings {
  const { profile } = parts;
  return {
    namespace: LGTM_NAMESPACE,
    service_registry_arns: parts.discovery.serviceArns,
    bucket: parts.storage.bucketName,
    policy_documents: parts.storage.policyDocuments,
    // Routes known here (an env) give literal keys, so the components attach their target groups in
    // TypeScript; a published module hands on the whole map, whose keys terraform knows at plan.
    target_group_arns: Token.isUnresolved(parts.routes)
      ? parts.alb.targetGroupArns
      : Object.fromEntries(Object.keys(parts.routes).map((route) => [route, entry(parts.alb.targetGroupArns, route)])),
    alb_security_group_id: parts.alb.securityGroupId,
    ingestion_cidrs: parts.ingestionCidrs,
    sizing: parts.sizing.sizing,
    replication: parts.sizing.replication,
    retention: {
      mimir_days: profile.mimir_retention_days,
      loki_days: profile.loki_retention_days,
      loki_info_days: profile.loki_info_retention_days,
      tempo_days: profile.tempo_retention_days,
      pyroscope_days: profile.pyroscope_retention_days,
    },
    grafana: {
      root_url: parts.grafanaUrl,
      efs: { file_system_id: parts.storage.efsFileSystemId, access_point_id: parts.storage.efsAccessPointId },
      alert_sns_topic_arn: parts.alertSnsTopicArn,
    },
    alloy: { cloudwatch_namespaces: { "AWS/ApplicationELB": parts.cloudwatchTags, "ECS/ContainerInsights": parts.cloudwatchTags } },
  };
}
