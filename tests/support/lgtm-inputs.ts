import { EcsFargateProps } from "../../modules/ecs-fargate/props";
import { LgtmSettings, RoleSizeInput, sizingInput } from "../../modules/ecs-fargate/lgtm/settings";
import { LGTM_ROLES, PROD_SIZING } from "../../modules/ecs-fargate/lgtm/sizing/sizing";
import { BadInput } from "./module-calls";

const ACCOUNT = "123456789012";
const targetGroup = (name: string) => `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;

/** The lgtm-storage module's documents, as it scopes them: each component's own prefixes. */
export const POLICY_DOCUMENTS: Record<string, string> = Object.fromEntries(
  Object.entries({ mimir: ["blocks/", "rules/", "alerts/"], loki: ["loki/"], tempo: ["tempo/"], pyroscope: ["pyroscope/"] }).map(([component, prefixes]) => [
    component,
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ListOwnPrefixes", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::lgtm-test-data", Condition: { StringLike: { "s3:prefix": prefixes.map((p) => `${p}*`) } } },
        { Sid: "ReadWriteOwnObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: prefixes.map((p) => `arn:aws:s3:::lgtm-test-data/${p}*`) },
      ],
    }),
  ]),
);

/** Valid `lgtm` settings as a module user writes them: every required input, Grafana, Mimir and Tempo's OTLP/HTTP behind the ALB, alerts to SNS, one log group prefix. */
export const BASE_LGTM: LgtmSettings = {
  namespace: "lgtm.local",
  service_registry_arns: Object.fromEntries(LGTM_ROLES.map((role, i) => [role, `arn:aws:servicediscovery:eu-west-1:${ACCOUNT}:service/srv-${String(i).padStart(16, "0")}`])),
  bucket: "lgtm-test-data",
  policy_documents: POLICY_DOCUMENTS,
  target_group_arns: { grafana: targetGroup("lgtm-grafana"), mimir: targetGroup("lgtm-mimir"), tempo_otlp_http: targetGroup("lgtm-tempo") },
  alb_security_group_id: "sg-0123456789abcdef0",
  ingestion_cidrs: ["10.60.0.0/16"],
  grafana: {
    root_url: "https://grafana.example.com/",
    efs: { file_system_id: "fs-0123456789abcdef0", access_point_id: "fsap-0123456789abcdef0" },
    alert_sns_topic_arn: `arn:aws:sns:eu-west-1:${ACCOUNT}:lgtm-alerts`,
  },
  alloy: { log_group_prefixes: ["/ecs/shop"] },
};

const lgtm = (overrides: Partial<LgtmSettings>): Pick<EcsFargateProps, "lgtm"> => ({ lgtm: { ...BASE_LGTM, ...overrides } });
const sizing = (overrides: Record<string, Partial<RoleSizeInput>>, without: string[] = []) => {
  const prod = sizingInput(PROD_SIZING);
  const sizes = Object.fromEntries(Object.entries(prod).filter(([role]) => !without.includes(role)));
  for (const [role, size] of Object.entries(overrides)) sizes[role] = { ...prod[role], ...size };
  return lgtm({ sizing: sizes });
};

/** Bad `lgtm` settings and the words of the error each must produce, in TypeScript and in HCL. */
export const BAD_LGTM_INPUTS: BadInput<EcsFargateProps>[] = [
  { case: "a tenant with a space", props: lgtm({ tenant: "my team" }), variable: "lgtm", message: "lgtm must give tenant as 1-64 letters, digits, _ and -; got " },
  { case: "an upper-case namespace", props: lgtm({ namespace: "LGTM.local" }), variable: "lgtm", message: "lgtm must give namespace as the Cloud Map namespace name" },
  { case: "a bucket ARN", props: lgtm({ bucket: "arn:aws:s3:::lgtm-test-data" }), variable: "lgtm", message: "lgtm must give bucket as an S3 bucket name" },
  {
    case: "no Pyroscope policy",
    props: lgtm({ policy_documents: { mimir: POLICY_DOCUMENTS.mimir, loki: POLICY_DOCUMENTS.loki, tempo: POLICY_DOCUMENTS.tempo } }),
    variable: "lgtm",
    message: "lgtm must give policy_documents for mimir, loki, tempo, pyroscope (the lgtm-storage module's policy_documents)",
  },
  {
    case: "a role without its Cloud Map service",
    props: lgtm({ service_registry_arns: Object.fromEntries(Object.entries(BASE_LGTM.service_registry_arns).filter(([role]) => role !== "loki-ingester")) }),
    variable: "lgtm",
    message: "lgtm must give service_registry_arns for every role of the sizing (Cloud Map services named after the roles): loki-ingester;",
  },
  { case: "an unknown route", props: lgtm({ target_group_arns: { tempo: targetGroup("lgtm-tempo") } }), variable: "lgtm", message: "lgtm must key target_group_arns by routes among" },
  {
    case: "target groups without the ALB's security group",
    props: lgtm({ alb_security_group_id: null }),
    variable: "lgtm",
    message: "lgtm must give alb_security_group_id as a security group ID when target_group_arns is not empty",
  },
  { case: "ingestion from a host address", props: lgtm({ ingestion_cidrs: ["10.60.0.1/16"] }), variable: "lgtm", message: 'lgtm must give ingestion_cidrs as IPv4 network addresses such as "10.0.0.0/16"' },
  { case: "a sizing without Mimir", props: sizing({}, ["mimir"]), variable: "lgtm", message: "lgtm must size every role of mimir, loki-distributor" },
  { case: "one Loki cache", props: sizing({}, ["loki-results-cache"]), variable: "lgtm", message: "and both Loki caches or neither, and no other role" },
  {
    case: "a size Fargate does not run",
    props: sizing({ mimir: { cpu: 2048, memory: 2048 } }),
    variable: "lgtm",
    message: "lgtm must size each role with whole tasks 1 or more, a cpu and memory pair Fargate accepts, and ephemeral_storage_gib 21-200 or null: mimir;",
  },
  { case: "ingesters on Spot", props: sizing({ "loki-ingester": { spot: true } }), variable: "lgtm", message: "lgtm must keep every role but loki-querier, loki-query-frontend, tempo-querier, tempo-query-frontend off Spot (they hold data a Spot interruption would lose): loki-ingester;" },
  {
    case: "a cache larger than its task",
    props: sizing({ "loki-chunks-cache": { memcached_mib: 4096 } }),
    variable: "lgtm",
    message: "lgtm must give the caches, and only them, a whole memcached_mib of 64 or more that leaves memcached a fifth of the task's memory: loki-chunks-cache;",
  },
  { case: "two Loki compactors", props: sizing({ "loki-compactor": { tasks: 2 } }), variable: "lgtm", message: "lgtm must run loki-compactor, grafana, alloy as one task each: loki-compactor;" },
  { case: "more Mimir replicas than tasks", props: lgtm({ replication: { mimir: 4 } }), variable: "lgtm", message: "lgtm must give each replication factor as a whole number from 1 to the task count of the role holding the replicas" },
  { case: "info logs kept longer than all logs", props: lgtm({ retention: { loki_days: 30, loki_info_days: 60 } }), variable: "lgtm", message: "lgtm must give retention days as whole numbers 1 or more, loki_info_days at most loki_days" },
  { case: "an image at latest", props: lgtm({ images: { loki: "grafana/loki:latest" } }), variable: "lgtm", message: "lgtm must pin each image by an exact tag (not latest) or a sha256 digest" },
  {
    case: "Grafana at a bare host name",
    props: lgtm({ grafana: { ...BASE_LGTM.grafana, root_url: "grafana.example.com" } }),
    variable: "lgtm",
    message: "lgtm must give grafana a root_url users open it at",
  },
  {
    case: "an unsupported CloudWatch namespace",
    props: lgtm({ alloy: { cloudwatch_namespaces: { "AWS/Lambda": {} } } }),
    variable: "lgtm",
    message: "lgtm must give alloy cloudwatch_namespaces among AWS/ApplicationELB, AWS/NetworkELB, AWS/RDS, AWS/ElastiCache, ECS/ContainerInsights",
  },
  {
    case: "a service named like an LGTM role",
    props: { ...lgtm({}), services: { mimir: { image: "nginx:1.27" } } },
    variable: "services",
    message: "services must leave the LGTM services' names (mimir, loki-distributor",
  },
];
