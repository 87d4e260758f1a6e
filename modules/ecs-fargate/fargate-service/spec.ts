import { ObjectSpec, objectType } from "../../../lib/object-type";

// The object types below keep Terraform's snake_case attribute names in TypeScript: a literal
// map of them is rendered into a `locals` block as it is, and the same HCL then reads literal
// maps and `var.*` maps alike. One spelling, no renaming layer.

/** A capacity provider and its share of a service's tasks. */
export interface CapacityProviderShare {
  /** `FARGATE` or `FARGATE_SPOT`. */
  readonly capacity_provider: string;
  /** Relative share of the tasks placed after every `base` is met, 0-1000. */
  readonly weight?: number;
  /** Tasks placed on this provider before the weights apply, 0-100000; at most one provider may have one. */
  readonly base?: number;
}

export const CAPACITY_PROVIDER_SHARE: ObjectSpec = {
  capacity_provider: { type: "string" },
  weight: { type: "number", default: 1 },
  base: { type: "number", default: 0 },
};
export const CAPACITY_PROVIDER_STRATEGY_TYPE = `list(${objectType(CAPACITY_PROVIDER_SHARE)})`;

/** Target tracking of a service's desired count. Give at least one target. */
export interface Autoscaling {
  /** Fewest tasks; at most the service's `desired_count`. */
  readonly min_capacity: number;
  /** Most tasks; at least the service's `desired_count`. */
  readonly max_capacity: number;
  /** Average CPU utilization to hold, in percent (1-100); null for none. */
  readonly cpu_target?: number | null;
  /** Average memory utilization to hold, in percent (1-100); null for none. */
  readonly memory_target?: number | null;
  /** ALB requests per task to hold; needs `load_balancer_arn` and a target group on the service. */
  readonly requests_per_target?: number | null;
  /** ARN of the ALB in front of the service's first target group, for `requests_per_target`. */
  readonly load_balancer_arn?: string | null;
  /** Seconds after a scale-in before the next one. */
  readonly scale_in_cooldown?: number;
  /** Seconds after a scale-out before the next one. */
  readonly scale_out_cooldown?: number;
}

const AUTOSCALING: ObjectSpec = {
  min_capacity: { type: "number" },
  max_capacity: { type: "number" },
  cpu_target: { type: "number", default: null },
  memory_target: { type: "number", default: null },
  requests_per_target: { type: "number", default: null },
  load_balancer_arn: { type: "string", default: null },
  scale_in_cooldown: { type: "number", default: 300 },
  scale_out_cooldown: { type: "number", default: 60 },
};

/**
 * What a service's main container runs and how ECS keeps it running: the attributes the published
 * `services` variable and the internal {@link FargateServiceSpec} share, with the same defaults.
 */
export interface ServiceCore {
  /** Image as pulled from Docker Hub (`grafana/loki:3.7.8`), ECR Public or any registry; `image_source` rewrites Docker Hub and ECR Public references. */
  readonly image: string;
  /** Task CPU units; with `memory`, a size Fargate accepts. */
  readonly cpu?: number;
  /** Task memory in MiB; with `cpu`, a size Fargate accepts. */
  readonly memory?: number;
  /** `ARM64` (Graviton, about 20% cheaper; Grafana's images are multi-arch) or `X86_64`. */
  readonly cpu_architecture?: string;
  /** Tasks to run; the starting count when `autoscaling` is on. */
  readonly desired_count?: number;
  /** Arguments of the main container, one per element (`["run", "/etc/alloy/x.alloy"]`); null keeps the image's CMD. */
  readonly command?: string[] | null;
  /** Plain environment variables of the main container. Never secrets: use `secrets`. */
  readonly environment?: Record<string, string>;
  /** Environment variables read by ECS at start from Secrets Manager or SSM Parameter Store ARNs, name → ARN; the execution role may read exactly these. */
  readonly secrets?: Record<string, string>;
  /** Config files for the main container, absolute path → content; an init container writes them and each directory is mounted read-only. */
  readonly files?: Record<string, string>;
  /** Shell command (`CMD-SHELL`) run as the container health check; only for images with /bin/sh, never for distroless images, whose health comes from the load balancer. */
  readonly health_check?: string | null;
  /** Mounts the container's root file system read-only; list where it writes in `writable_paths`. */
  readonly readonly_root_filesystem?: boolean;
  /** Absolute paths given a writable, task-scoped volume (scratch space, lost with the task). */
  readonly writable_paths?: string[];
  /** The service keeps no state a Spot interruption could lose: it may run on FARGATE_SPOT, and rolls out 100/200. */
  readonly stateless?: boolean;
  /** Capacity providers of this service; null takes the cluster's default strategy when stateless, and FARGATE alone otherwise. */
  readonly capacity_provider_strategy?: CapacityProviderShare[] | null;
  /** Percent of desired tasks kept running during a deployment; null for 100 (stateless) or 0 (stateful: never two generations at once). */
  readonly deployment_minimum_healthy_percent?: number | null;
  /** Percent of desired tasks allowed during a deployment; null for 200 (stateless) or 100 (stateful). */
  readonly deployment_maximum_percent?: number | null;
  /** Allows `aws ecs execute-command` into the tasks; sessions are logged to the cluster's exec log group. */
  readonly enable_execute_command?: boolean;
  /** Target tracking of the desired count; null keeps `desired_count` fixed. */
  readonly autoscaling?: Autoscaling | null;
  /** Adds an Alloy sidecar that receives OTLP on localhost:4317/4318 and forwards it, with the task's ECS metrics, to `telemetry.otlp_endpoint`. */
  readonly alloy_sidecar?: boolean;
  /** Loki push URL (`http://loki:3100/loki/api/v1/push`); the main container's logs go there through a FireLens (Fluent Bit) log router instead of CloudWatch. */
  readonly firelens_to_loki?: string | null;
}

/** One port of the main container and who may reach it. */
export interface IngressSpec {
  /** TCP port of the main container; one entry per port. */
  readonly port: number;
  /** Security groups admitted (an ALB's, a client service's). */
  readonly from_security_group_ids?: string[];
  /** IPv4 CIDRs admitted (ingestion from a network). */
  readonly from_cidrs?: string[];
  /** Services of the same {@link FargateServices} admitted, by key; a service may name itself (gossip between its tasks). */
  readonly from_services?: string[];
}

const INGRESS: ObjectSpec = {
  port: { type: "number" },
  from_security_group_ids: { type: "list(string)", default: [] },
  from_cidrs: { type: "list(string)", default: [] },
  from_services: { type: "list(string)", default: [] },
};

/** A target group the main container is registered in. */
export interface LoadBalancerSpec {
  /** ARN of the target group (target type `ip`). */
  readonly target_group_arn: string;
  /** Container port the target group sends to; one of `ports`. */
  readonly port: number;
}

const LOAD_BALANCER: ObjectSpec = { target_group_arn: { type: "string" }, port: { type: "number" } };

/** Cloud Map registration of the service's tasks. */
export interface ServiceRegistrySpec {
  /** ARN of the Cloud Map service (from the service-discovery module). */
  readonly arn: string;
  /** Container port published in SRV records; null for a service with A records only. */
  readonly port?: number | null;
}

const SERVICE_REGISTRY: ObjectSpec = { arn: { type: "string" }, port: { type: "number", default: null } };

/** An EFS access point mounted in the main container, with IAM authorization and TLS in transit. */
export interface EfsVolumeSpec {
  /** Absolute mount path in the container. */
  readonly path: string;
  /** ID of the file system. */
  readonly file_system_id: string;
  /** ID of the access point, which fixes the POSIX user and root directory. */
  readonly access_point_id: string;
  /** Mounts read-only, and the task role gets no write permission. */
  readonly read_only?: boolean;
}

const EFS_VOLUME: ObjectSpec = {
  path: { type: "string" },
  file_system_id: { type: "string" },
  access_point_id: { type: "string" },
  read_only: { type: "bool", default: false },
};

/** A resource limit of the main container. */
export interface UlimitSpec {
  /** Limit name, e.g. `nofile`. */
  readonly name: string;
  /** Soft limit: what the process gets. */
  readonly soft_limit: number;
  /** Hard limit: how far the process may raise it. */
  readonly hard_limit: number;
}

const ULIMIT: ObjectSpec = { name: { type: "string" }, soft_limit: { type: "number" }, hard_limit: { type: "number" } };

/**
 * Everything {@link FargateServices} builds one service from: the published module's `services`
 * map onto it with one `for` expression, and the LGTM components write it directly.
 *
 * Attributes that shape the resource graph must be known at plan time (they pick `for_each`
 * keys): the service keys, `secrets` keys, `ingress` ports and sources, `load_balancers` and
 * `efs_volumes` lengths, `task_policies` keys and whether each is null, whether `autoscaling` and
 * each of its targets are null, `enable_execute_command`. Their values (ARNs, ids, documents,
 * config file content) may be unknown until apply.
 */
export interface FargateServiceSpec extends ServiceCore {
  /** Container ports of the main container (port mappings, TCP). */
  readonly ports?: number[];
  /** Who may reach which port; everything else is refused. */
  readonly ingress?: IngressSpec[];
  /** Target groups the main container is registered in (a Tempo distributor serves OTLP gRPC and HTTP from two). */
  readonly load_balancers?: LoadBalancerSpec[];
  /** Cloud Map registration; null for none. */
  readonly service_registry?: ServiceRegistrySpec | null;
  /** Inline policies of the task role, name → JSON document. */
  readonly task_policies?: Record<string, string>;
  /** Seconds ECS waits after SIGTERM before SIGKILL, 2-120 (Fargate's maximum; ingesters flush on shutdown); null for ECS's 30. */
  readonly stop_timeout?: number | null;
  /** Task ephemeral storage in GiB, 21-200; null for Fargate's 20. */
  readonly ephemeral_storage_gib?: number | null;
  /** EFS access points mounted in the main container. */
  readonly efs_volumes?: EfsVolumeSpec[];
  /** Resource limits of the main container. */
  readonly ulimits?: UlimitSpec[];
  /** Seconds ECS ignores failing load balancer health checks after a task starts; null for 60. Only used with `load_balancers`. */
  readonly health_check_grace_period_seconds?: number | null;
}

/** The attributes of {@link ServiceCore}, with their defaults. */
export const SERVICE_CORE: ObjectSpec = {
  image: { type: "string" },
  cpu: { type: "number", default: 256 },
  memory: { type: "number", default: 512 },
  cpu_architecture: { type: "string", default: "ARM64" },
  desired_count: { type: "number", default: 1 },
  command: { type: "list(string)", default: null },
  environment: { type: "map(string)", default: {} },
  secrets: { type: "map(string)", default: {} },
  files: { type: "map(string)", default: {} },
  health_check: { type: "string", default: null },
  readonly_root_filesystem: { type: "bool", default: false },
  writable_paths: { type: "list(string)", default: [] },
  stateless: { type: "bool", default: false },
  capacity_provider_strategy: { type: CAPACITY_PROVIDER_STRATEGY_TYPE, default: null, elements: CAPACITY_PROVIDER_SHARE },
  deployment_minimum_healthy_percent: { type: "number", default: null },
  deployment_maximum_percent: { type: "number", default: null },
  enable_execute_command: { type: "bool", default: false },
  autoscaling: { type: objectType(AUTOSCALING), default: null, attributes: AUTOSCALING },
  alloy_sidecar: { type: "bool", default: false },
  firelens_to_loki: { type: "string", default: null },
};

/** The attributes of {@link FargateServiceSpec}, with their defaults. */
export const FARGATE_SERVICE_SPEC: ObjectSpec = {
  ...SERVICE_CORE,
  ports: { type: "list(number)", default: [] },
  ingress: { type: `list(${objectType(INGRESS)})`, default: [], elements: INGRESS },
  load_balancers: { type: `list(${objectType(LOAD_BALANCER)})`, default: [], elements: LOAD_BALANCER },
  service_registry: { type: objectType(SERVICE_REGISTRY), default: null, attributes: SERVICE_REGISTRY },
  task_policies: { type: "map(string)", default: {} },
  stop_timeout: { type: "number", default: null },
  ephemeral_storage_gib: { type: "number", default: null },
  efs_volumes: { type: `list(${objectType(EFS_VOLUME)})`, default: [], elements: EFS_VOLUME },
  ulimits: { type: `list(${objectType(ULIMIT)})`, default: [], elements: ULIMIT },
  health_check_grace_period_seconds: { type: "number", default: null },
};

/** The Terraform type of a map of {@link FargateServiceSpec}, for a module that takes them as a variable. */
export const FARGATE_SERVICES_TYPE = `map(${objectType(FARGATE_SERVICE_SPEC)})`;

/** Where telemetry sidecars send: the stack's OTLP collector. */
export interface Telemetry {
  /** OTLP/HTTP endpoint URL, e.g. `http://alloy.lgtm.local:4318`. */
  readonly otlp_endpoint: string;
  /** Tenant sent as `X-Scope-OrgID`; null sends none. */
  readonly tenant?: string | null;
}

export const TELEMETRY: ObjectSpec = { otlp_endpoint: { type: "string" }, tenant: { type: "string", default: null } };
