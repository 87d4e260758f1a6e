import { entry } from "../lib/object-token";
import { Alb } from "../modules/alb/alb";
import { AlbRoute } from "../modules/alb/props";
import { LgtmSettings, sizingInput } from "../modules/ecs-fargate/lgtm/settings";
import { LgtmStorage } from "../modules/lgtm-storage/lgtm-storage";
import { ServiceDiscovery } from "../modules/service-discovery/service-discovery";
import { EnvProfile } from "./profile";

/** The Cloud Map namespace of every env's stack. */
export const LGTM_NAMESPACE = "lgtm.local";

/** The Cloud Map services an env registers: one per role its sizing runs. */
export function lgtmServiceNames(profile: EnvProfile): string[] {
  return Object.keys(profile.lgtm.sizing.roles);
}

/** What the env's building blocks give the LGTM components, and the profile's shape of the stack. */
export interface LgtmParts {
  readonly discovery: ServiceDiscovery;
  readonly storage: LgtmStorage;
  readonly alb: Alb;
  /** The load balancer's routes, keyed as the components attach them; `grafana` is where users open Grafana. */
  readonly routes: Readonly<Record<string, AlbRoute>>;
}

/**
 * The ecs-fargate module's `lgtm` for an env: the storage, discovery and load balancer of the env,
 * pushes admitted from the env's VPC, the profile's sizing and the storage's retention days;
 * Grafana at its route's host (plain HTTP until the envs have a certificate) on the storage's file
 * system; Alloy collecting the env's own load balancers and ECS services from CloudWatch.
 */
export function lgtmSettings(profile: EnvProfile, parts: LgtmParts): LgtmSettings {
  const { storage } = profile;
  return {
    namespace: LGTM_NAMESPACE,
    service_registry_arns: parts.discovery.serviceArns,
    bucket: parts.storage.bucketName,
    policy_documents: parts.storage.policyDocuments,
    target_group_arns: Object.fromEntries(Object.keys(parts.routes).map((route) => [route, entry(parts.alb.targetGroupArns, route)])),
    alb_security_group_id: parts.alb.securityGroupId,
    ingestion_cidrs: [profile.network.cidr],
    sizing: sizingInput(profile.lgtm.sizing),
    replication: profile.lgtm.sizing.replication,
    retention: {
      mimir_days: storage.mimirRetentionDays,
      loki_days: storage.lokiRetentionDays,
      loki_info_days: profile.lgtm.lokiInfoRetentionDays,
      tempo_days: storage.tempoRetentionDays,
      pyroscope_days: storage.pyroscopeRetentionDays,
    },
    grafana: {
      root_url: `http://${parts.routes.grafana.host}/`,
      efs: { file_system_id: parts.storage.efsFileSystemId, access_point_id: parts.storage.efsAccessPointId },
    },
    alloy: { cloudwatch_namespaces: { "AWS/ApplicationELB": { Environment: profile.name }, "ECS/ContainerInsights": { Environment: profile.name } } },
  };
}
