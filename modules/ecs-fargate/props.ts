import { CapacityProviderShare, ServiceCore, Telemetry } from "./fargate-service/spec";
import { ImageSource } from "./image-source";
import { LgtmSettings } from "./lgtm/settings";

/**
 * One service of the published module: {@link ServiceCore} plus one port with who may reach it,
 * an optional target group, Cloud Map registration and task role policy.
 */
export interface EcsServiceInput extends ServiceCore {
  /** TCP port of the main container; needed by `target_group_arn` and the `ingress_*` lists. */
  readonly port?: number | null;
  /** Target group (target type `ip`) the main container is registered in on `port`. */
  readonly target_group_arn?: string | null;
  /** Security groups admitted on `port`, e.g. the ALB's. */
  readonly ingress_security_group_ids?: string[];
  /** IPv4 CIDRs admitted on `port`. */
  readonly ingress_cidrs?: string[];
  /** Other services of this map (or this one, for its own tasks) admitted on `port`. */
  readonly ingress_from_services?: string[];
  /** Cloud Map service ARN the tasks register in (A records). */
  readonly service_registry_arn?: string | null;
  /** JSON policy document of the task role. Whether it is null must be known at plan time: `jsonencode(...)` always is; an `aws_iam_policy_document` is only when its own inputs are. */
  readonly policy_json?: string | null;
}

/** Inputs of the ecs-fargate module. */
export interface EcsFargateProps {
  /** Cluster name and prefix of every resource name: 2-32 lowercase letters, digits and hyphens, starting with a letter (not `sg-`). */
  readonly name: string;
  /** ID of the VPC the tasks run in. */
  readonly vpcId: string;
  /** Private subnets the tasks run in (never public: tasks get no public IP), one or more. */
  readonly subnetIds: string[];
  /**
   * Services to run on the cluster, keyed by a name of 1-24 lowercase letters, digits and hyphens (not `config-files`, `alloy` or `log-router`). Each
   * takes `image` (required), `cpu`/`memory` (a Fargate size, default 256/512), `cpu_architecture`
   * (ARM64), `desired_count` (1), `command` (a list, one argument per element), `port`, `environment`,
   * `secrets` (name → Secrets Manager or SSM ARN), `files` (absolute path → content, written by an init
   * container), `health_check` (a shell command, only for images with a shell), `readonly_root_filesystem`
   * with `writable_paths`, `stateless` (may run on FARGATE_SPOT), `capacity_provider_strategy`,
   * `deployment_minimum_healthy_percent`/`deployment_maximum_percent`, `target_group_arn`,
   * `ingress_security_group_ids`/`ingress_cidrs`/`ingress_from_services` (the only sources the service's own security group admits, on `port`),
   * `service_registry_arn`, `policy_json` (task role), `enable_execute_command`, `autoscaling`
   * (`min_capacity`, `max_capacity`, `cpu_target`, `memory_target`, `requests_per_target` with
   * `load_balancer_arn`, cooldowns), `alloy_sidecar` and `firelens_to_loki` (a Loki push URL).
   */
  readonly services?: Record<string, EcsServiceInput>;
  /** Default capacity provider strategy of the cluster, used by stateless services that set none (stateful services always run on FARGATE). */
  readonly capacityProviderStrategy?: CapacityProviderShare[];
  /** Days CloudWatch keeps the services' logs and the ECS Exec session logs; one of the retention periods CloudWatch Logs accepts. */
  readonly logRetentionDays?: number;
  /** Where Docker Hub and ECR Public images are pulled from: `mode` = `docker_hub` (direct, optional `credentials_secret_arn`), `pull_through_cache` (ECR cache rules; `credentials_secret_arn` named `ecr-pullthroughcache/...` required) or `registry_prefix` (a mirror at `registry_prefix`). Applies to every image, sidecars included. */
  readonly imageSource?: ImageSource;
  /** Where telemetry sidecars send: `otlp_endpoint` (OTLP/HTTP URL) and `tenant` (sent as X-Scope-OrgID); required by `alloy_sidecar` and `firelens_to_loki`. */
  readonly telemetry?: Telemetry | null;
  /** KMS key ARN that encrypts ECS Exec sessions and their log group; null for none. The key policy must allow CloudWatch Logs. */
  readonly executeCommandKmsKeyArn?: string | null;
  /**
   * Runs the LGTM stack on the cluster (Mimir, Loki, Tempo, Pyroscope, Grafana, Alloy), one ECS
   * service per role registered in Cloud Map; null runs none. Required: `namespace` (Cloud Map
   * namespace name), `service_registry_arns` (Cloud Map service ARN by role name), `bucket` and
   * `policy_documents` (from the lgtm-storage module), `grafana` (`root_url`, `efs` with
   * `file_system_id` and `access_point_id` from lgtm-storage, optional `alert_sns_topic_arn`).
   * Optional: `tenant` (default "lgtm"), `target_group_arns` (by route: grafana, mimir, loki,
   * tempo_otlp_http, tempo_otlp_grpc, pyroscope) with `alb_security_group_id`, `ingestion_cidrs`
   * (who may push straight to the components and Alloy), `sizing` (role → tasks, cpu, memory,
   * ephemeral_storage_gib, spot, memcached_mib; default the prod profile, seed 004),
   * `replication`, `images` (default the pinned tags), `retention` (days per signal) and `alloy`
   * (`cloudwatch_namespaces` with tag filters, `log_group_prefixes`). Which target groups are
   * given, and whether the alert topic is null, must be known at plan.
   */
  readonly lgtm?: LgtmSettings | null;
  /** Tags added to every resource. */
  readonly tags?: Record<string, string>;
}

/** The cluster's share of the module inputs. */
export type EcsClusterProps = Pick<EcsFargateProps, "name" | "capacityProviderStrategy" | "imageSource" | "logRetentionDays" | "executeCommandKmsKeyArn" | "tags">;
