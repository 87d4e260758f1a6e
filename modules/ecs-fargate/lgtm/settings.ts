import { ObjectSpec, objectType } from "../../../lib/object-type";
import { ALLOY_IMAGE } from "./alloy/image";
import { GRAFANA_IMAGE } from "./grafana/image";
import { LGTM_IMAGES } from "./images";
import { LgtmSizing, PROD_SIZING, ReplicationFactors } from "./sizing/sizing";

// The `lgtm` object keeps Terraform's snake_case attribute names in TypeScript, like the service
// specs: an env writes it as a literal, a published module reads it from a variable, one spelling.

/** One role's ECS service size. */
export interface RoleSizeInput {
  /** Desired task count. */
  readonly tasks: number;
  /** Task CPU units; with `memory`, a pair Fargate accepts. */
  readonly cpu: number;
  /** Task memory in MiB. */
  readonly memory: number;
  /** Task ephemeral storage in GiB (21-200), where WALs and local blocks live; null for Fargate's 20. */
  readonly ephemeral_storage_gib?: number | null;
  /** Runs the tasks on FARGATE_SPOT, all but one when there are several; only queriers and query-frontends may. */
  readonly spot?: boolean;
  /** memcached item memory in MiB (`-m`), the caches only. */
  readonly memcached_mib?: number | null;
}

export const ROLE_SIZE: ObjectSpec = {
  tasks: { type: "number" },
  cpu: { type: "number" },
  memory: { type: "number" },
  ephemeral_storage_gib: { type: "number", default: null },
  spot: { type: "bool", default: false },
  memcached_mib: { type: "number", default: null },
};

/** The images of the components, each an exact tag. */
export interface LgtmImageInputs {
  /** Mimir 3.0.x (classic architecture). */
  readonly mimir?: string;
  /** Loki 3.x. */
  readonly loki?: string;
  /** Tempo 2.x (Tempo 3 needs Kafka). */
  readonly tempo?: string;
  /** Pyroscope 1.x. */
  readonly pyroscope?: string;
  /** memcached, Loki's caches. */
  readonly memcached?: string;
  /** `grafana/grafana` 12.x. */
  readonly grafana?: string;
  /** `grafana/alloy` 1.x; its tag keeps the `v`. */
  readonly alloy?: string;
}

const IMAGES: ObjectSpec = {
  mimir: { type: "string", default: LGTM_IMAGES.mimir.image },
  loki: { type: "string", default: LGTM_IMAGES.loki.image },
  tempo: { type: "string", default: LGTM_IMAGES.tempo.image },
  pyroscope: { type: "string", default: LGTM_IMAGES.pyroscope.image },
  memcached: { type: "string", default: LGTM_IMAGES.memcached.image },
  grafana: { type: "string", default: GRAFANA_IMAGE },
  alloy: { type: "string", default: ALLOY_IMAGE },
};

/** Days each signal is kept; the lgtm-storage module's defaults, whose bucket expirations follow them. */
export interface LgtmRetention {
  /** Days Mimir's compactor keeps metric blocks. */
  readonly mimir_days?: number;
  /** Days Loki keeps logs. */
  readonly loki_days?: number;
  /** Days `{level="info"}` log streams are kept, at most `loki_days`. */
  readonly loki_info_days?: number;
  /** Days Tempo keeps trace blocks. */
  readonly tempo_days?: number;
  /** Days Pyroscope keeps profile blocks. */
  readonly pyroscope_days?: number;
}

const RETENTION: ObjectSpec = {
  mimir_days: { type: "number", default: 365 },
  loki_days: { type: "number", default: 365 },
  loki_info_days: { type: "number", default: 30 },
  tempo_days: { type: "number", default: 7 },
  pyroscope_days: { type: "number", default: 30 },
};

/** Grafana's place in the account. */
export interface GrafanaInput {
  /** The URL users open Grafana at, through the load balancer, e.g. `https://grafana.example.com/`; its cookies are `Secure` when it is https. */
  readonly root_url: string;
  /** Grafana's EFS file system and access point (the lgtm-storage module's, uid 472), which keep its database across task replacements. */
  readonly efs: { readonly file_system_id: string; readonly access_point_id: string };
  /** SNS topic the stack's alerts notify, through Grafana's task role; null keeps them in Grafana. Whether it is null must be known at plan. */
  readonly alert_sns_topic_arn?: string | null;
}

const GRAFANA: ObjectSpec = {
  root_url: { type: "string" },
  efs: { type: "object({ file_system_id = string, access_point_id = string })", attributes: { file_system_id: { type: "string" }, access_point_id: { type: "string" } } },
  alert_sns_topic_arn: { type: "string", default: null },
};

/** What Alloy collects besides OTLP pushes and the stack's own metrics. */
export interface AlloyInput {
  /** CloudWatch namespaces to collect (`AWS/ApplicationELB`, `AWS/NetworkELB`, `AWS/RDS`, `AWS/ElastiCache`, `ECS/ContainerInsights`), each with the tags its resources must carry; `{}` takes every tagged resource. */
  readonly cloudwatch_namespaces?: Record<string, Record<string, string>>;
  /** CloudWatch Logs group name prefixes shipped to Loki; any turns on an experimental Alloy component. */
  readonly log_group_prefixes?: string[];
}

const ALLOY: ObjectSpec = {
  cloudwatch_namespaces: { type: "map(map(string))", default: { "AWS/ApplicationELB": {}, "ECS/ContainerInsights": {} } },
  log_group_prefixes: { type: "list(string)", default: [] },
};

const REPLICATION: ObjectSpec = Object.fromEntries(
  (Object.entries(PROD_SIZING.replication) as [keyof ReplicationFactors, number][]).map(([component, factor]) => [component, { type: "number", default: factor }]),
);

/** The LGTM data plane's inputs: where it stores, how it is found and reached, how large it runs. */
export interface LgtmSettings {
  /** The one tenant every writer and reader uses (`X-Scope-OrgID`): letters, digits, `_` and `-`. */
  readonly tenant?: string;
  /** Cloud Map namespace name, e.g. `lgtm.local`; a role is found at `<role>.<namespace>`. */
  readonly namespace: string;
  /** Cloud Map service ARN of every role (its service name, e.g. `loki-ingester`), from the service-discovery module. */
  readonly service_registry_arns: Record<string, string>;
  /** Name of the telemetry bucket, from the lgtm-storage module. */
  readonly bucket: string;
  /** Task role policy document (JSON) of `mimir`, `loki`, `tempo` and `pyroscope`, from the lgtm-storage module. */
  readonly policy_documents: Record<string, string>;
  /** Target group ARNs by route: `grafana`, `mimir`, `loki`, `tempo_otlp_http`, `tempo_otlp_grpc`, `pyroscope`; a route left out attaches nothing. */
  readonly target_group_arns?: Record<string, string>;
  /** Security group of the load balancer, admitted on the attached target ports; required with any target group. */
  readonly alb_security_group_id?: string | null;
  /** IPv4 CIDRs that may push straight to the ingestion ports (Mimir 8080, Loki's distributor 3100, Tempo's 4317/4318, Pyroscope 4040). */
  readonly ingestion_cidrs?: string[];
  /** Size of every role by name; the two Loki caches may be left out (Loki then caches in process). */
  readonly sizing?: Record<string, RoleSizeInput>;
  /** Replication factors: `mimir`, `loki`, `tempo`, `pyroscope`, each at most that component's ingester count. */
  readonly replication?: Partial<ReplicationFactors>;
  /** Images by component, exact tags. */
  readonly images?: LgtmImageInputs;
  /** Days each signal is kept. */
  readonly retention?: LgtmRetention;
  /** Grafana: its URL, its file system, where alerts go. */
  readonly grafana: GrafanaInput;
  /** Alloy: CloudWatch metrics and logs to collect. */
  readonly alloy?: AlloyInput;
}

/** A sizing profile as the `sizing` input. */
export function sizingInput(sizing: LgtmSizing): Record<string, RoleSizeInput> {
  return Object.fromEntries(
    Object.entries(sizing.roles).map(([role, size]) => [
      role,
      { tasks: size.tasks, cpu: size.cpu, memory: size.memory, ephemeral_storage_gib: size.ephemeralStorageGiB ?? null, spot: size.spot, memcached_mib: size.memcachedMiB ?? null },
    ]),
  );
}

export const LGTM_SETTINGS: ObjectSpec = {
  tenant: { type: "string", default: "lgtm" },
  namespace: { type: "string" },
  service_registry_arns: { type: "map(string)" },
  bucket: { type: "string" },
  policy_documents: { type: "map(string)" },
  target_group_arns: { type: "map(string)", default: {} },
  alb_security_group_id: { type: "string", default: null },
  ingestion_cidrs: { type: "list(string)", default: [] },
  sizing: { type: `map(${objectType(ROLE_SIZE)})`, default: sizingInput(PROD_SIZING), values: ROLE_SIZE },
  replication: { type: objectType(REPLICATION), default: {}, attributes: REPLICATION },
  images: { type: objectType(IMAGES), default: {}, attributes: IMAGES },
  retention: { type: objectType(RETENTION), default: {}, attributes: RETENTION },
  grafana: { type: objectType(GRAFANA), attributes: GRAFANA },
  alloy: { type: objectType(ALLOY), default: {}, attributes: ALLOY },
};

/** The Terraform type of {@link LgtmSettings}. */
export const LGTM_SETTINGS_TYPE = objectType(LGTM_SETTINGS);
