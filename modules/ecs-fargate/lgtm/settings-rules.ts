import { containsToken, InputRule, ruleMessage } from "../../../lib/inputs";
import { withObjectDefaults } from "../../../lib/object-type";
import { fargateSizeCondition, isFargateSize } from "../../shared/fargate";
import { ipv4NetworkHcl, isIpv4Network } from "../fargate-service/service-rules";
import { CLOUDWATCH_METRICS } from "./alloy/cloudwatch-metrics";
import { LGTM_SETTINGS, LgtmSettings, RoleSizeInput } from "./settings";
import { LGTM_ROLES, OptionalRole, SPOT_ALLOWED } from "./sizing/sizing";
import { CompleteSettings } from "./stack";

/** A rule on the `lgtm` object, in TypeScript and as HCL over `var.lgtm` (never null there). */
export interface LgtmRule {
  /** Attributes the rule reads; literal settings are checked when none of them holds a token. */
  readonly reads: readonly (keyof LgtmSettings)[];
  /** Completes "lgtm …". */
  readonly allowed: string;
  valid(settings: CompleteSettings): boolean;
  readonly condition: string;
  /** Which part breaks the rule, in TypeScript and as an HCL string expression. */
  readonly detail?: { text(settings: CompleteSettings): string; readonly expression: string };
}

/** The route keys whose target groups the components attach. */
export const LGTM_ROUTES = ["grafana", "mimir", "loki", "tempo_otlp_http", "tempo_otlp_grpc", "pyroscope"] as const;
const STORAGE_COMPONENTS = ["mimir", "loki", "tempo", "pyroscope"];
const CACHES: readonly OptionalRole[] = ["loki-chunks-cache", "loki-results-cache"];
const REQUIRED_ROLES = LGTM_ROLES.filter((role) => !CACHES.includes(role as OptionalRole));
/** Roles that run as one task by design: Loki's compactor applies retention alone, Grafana writes one SQLite file, Alloy would scrape twice. */
const SINGLETONS = ["loki-compactor", "grafana", "alloy"];
/** The role holding each component's replicas. */
const REPLICA_HOLDERS = { mimir: "mimir", loki: "loki-ingester", tempo: "tempo-ingester", pyroscope: "pyroscope" } as const;

const TENANT = "^[A-Za-z0-9_-]{1,64}$";
const DNS_NAME = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?[.])*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
const BUCKET = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";
const SECURITY_GROUP = "^sg-[0-9a-f]{8,17}$";
const DIGEST = "@sha256:[0-9a-f]{64}$";
const URL = "^https?://[^/[:space:]]+(/.*)?$";
const URL_TS = /^https?:\/\/[^/\s]+(\/.*)?$/;
const FILE_SYSTEM = "^fs-[0-9a-f]{8,17}$";
const ACCESS_POINT = "^fsap-[0-9a-f]{8,17}$";
const SNS_TOPIC = "^arn:[^:]+:sns:[^:]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$";
const LOG_GROUP_PREFIX = "^[A-Za-z0-9_./#-]{1,512}$";
const NAMESPACES = Object.keys(CLOUDWATCH_METRICS);
const TAG = ":[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";

const L = "var.lgtm";
const json = (value: unknown) => JSON.stringify(value);
const matches = (pattern: string, text: string) => new RegExp(pattern).test(text);
const whole = (value: number | null | undefined, min: number, max = Infinity) => Number.isInteger(value) && value! >= min && value! <= max;
const wholeHcl = (value: string, min: number, max?: number) => `(floor(${value}) == ${value} && ${value} >= ${min}${max === undefined ? "" : ` && ${value} <= ${max}`})`;

/** The roles of the sizing that break a per-role check, in TypeScript and HCL alike. */
function failingRoles(valid: (size: Required<RoleSizeInput>, role: string) => boolean, condition: string): Pick<LgtmRule, "valid" | "condition" | "detail"> {
  const failing = (s: CompleteSettings) =>
    Object.entries(s.sizing)
      .filter(([role, size]) => !valid(size as Required<RoleSizeInput>, role))
      .map(([role]) => role)
      .sort();
  return {
    valid: (s) => failing(s).length === 0,
    condition: `alltrue([for role, size in ${L}.sizing : ${condition}])`,
    detail: { text: (s) => failing(s).join(", "), expression: `join(", ", [for role, size in ${L}.sizing : role if !(${condition})])` },
  };
}

function isPinned(image: string): boolean {
  return matches(DIGEST, image) || (matches(TAG, image) && !image.endsWith(":latest"));
}

export const LGTM_RULES: LgtmRule[] = [
  {
    reads: ["tenant"],
    allowed: "must give tenant as 1-64 letters, digits, _ and -",
    valid: (s) => matches(TENANT, s.tenant),
    condition: `can(regex("${TENANT}", ${L}.tenant))`,
  },
  {
    reads: ["namespace"],
    allowed: 'must give namespace as the Cloud Map namespace name, lowercase DNS labels joined by dots such as "lgtm.local"',
    valid: (s) => s.namespace.length <= 253 && matches(DNS_NAME, s.namespace),
    condition: `length(${L}.namespace) <= 253 && can(regex("${DNS_NAME}", ${L}.namespace))`,
  },
  {
    reads: ["bucket"],
    allowed: "must give bucket as an S3 bucket name",
    valid: (s) => matches(BUCKET, s.bucket),
    condition: `can(regex("${BUCKET}", ${L}.bucket))`,
  },
  {
    reads: ["policy_documents"],
    allowed: `must give policy_documents for ${STORAGE_COMPONENTS.join(", ")} (the lgtm-storage module's policy_documents)`,
    valid: (s) => STORAGE_COMPONENTS.every((component) => component in s.policy_documents),
    condition: `length(setsubtract(${json(STORAGE_COMPONENTS)}, keys(${L}.policy_documents))) == 0`,
  },
  {
    reads: ["service_registry_arns", "sizing"],
    allowed: "must give service_registry_arns for every role of the sizing (Cloud Map services named after the roles)",
    valid: (s) => Object.keys(s.sizing).every((role) => role in s.service_registry_arns),
    condition: `length(setsubtract(keys(${L}.sizing), keys(${L}.service_registry_arns))) == 0`,
    detail: {
      text: (s) => Object.keys(s.sizing).filter((role) => !(role in s.service_registry_arns)).sort().join(", "),
      expression: `join(", ", sort(setsubtract(keys(${L}.sizing), keys(${L}.service_registry_arns))))`,
    },
  },
  {
    reads: ["target_group_arns"],
    allowed: `must key target_group_arns by routes among ${LGTM_ROUTES.join(", ")}`,
    valid: (s) => Object.keys(s.target_group_arns).every((route) => (LGTM_ROUTES as readonly string[]).includes(route)),
    condition: `length(setsubtract(keys(${L}.target_group_arns), ${json(LGTM_ROUTES)})) == 0`,
  },
  {
    reads: ["target_group_arns", "alb_security_group_id"],
    allowed: "must give alb_security_group_id as a security group ID when target_group_arns is not empty (the load balancer must reach its targets)",
    valid: (s) => (s.alb_security_group_id === null ? Object.keys(s.target_group_arns).length === 0 : matches(SECURITY_GROUP, s.alb_security_group_id)),
    condition: `${L}.alb_security_group_id == null ? length(${L}.target_group_arns) == 0 : can(regex("${SECURITY_GROUP}", ${L}.alb_security_group_id))`,
  },
  {
    reads: ["ingestion_cidrs"],
    allowed: 'must give ingestion_cidrs as IPv4 network addresses such as "10.0.0.0/16"',
    valid: (s) => s.ingestion_cidrs.every(isIpv4Network),
    condition: `alltrue([for cidr in ${L}.ingestion_cidrs : ${ipv4NetworkHcl("cidr")}])`,
  },
  {
    reads: ["sizing"],
    allowed: `must size every role of ${REQUIRED_ROLES.join(", ")}, and both Loki caches or neither, and no other role`,
    valid: (s) => {
      const roles = Object.keys(s.sizing);
      const caches = CACHES.filter((cache) => roles.includes(cache)).length;
      return REQUIRED_ROLES.every((role) => roles.includes(role)) && roles.every((role) => (LGTM_ROLES as readonly string[]).includes(role)) && caches !== 1;
    },
    condition:
      `length(setsubtract(${json(REQUIRED_ROLES)}, keys(${L}.sizing))) == 0 && length(setsubtract(keys(${L}.sizing), ${json(LGTM_ROLES)})) == 0 && ` +
      `length(setintersection(${json(CACHES)}, keys(${L}.sizing))) != 1`,
  },
  {
    reads: ["sizing"],
    allowed: "must size each role with whole tasks 1 or more, a cpu and memory pair Fargate accepts, and ephemeral_storage_gib 21-200 or null",
    ...failingRoles(
      (size) => whole(size.tasks, 1) && isFargateSize(size.cpu, size.memory) && (size.ephemeral_storage_gib === null || whole(size.ephemeral_storage_gib, 21, 200)),
      `${wholeHcl("size.tasks", 1)} && ${fargateSizeCondition("size.cpu", "size.memory")} && (size.ephemeral_storage_gib == null ? true : ${wholeHcl("size.ephemeral_storage_gib", 21, 200)})`,
    ),
  },
  {
    reads: ["sizing"],
    allowed: `must keep every role but ${LGTM_ROLES.filter((role) => SPOT_ALLOWED[role]).join(", ")} off Spot (they hold data a Spot interruption would lose)`,
    ...failingRoles(
      (size, role) => !size.spot || SPOT_ALLOWED[role as keyof typeof SPOT_ALLOWED] === true,
      `!size.spot || contains(${json(LGTM_ROLES.filter((role) => SPOT_ALLOWED[role]))}, role)`,
    ),
  },
  {
    reads: ["sizing"],
    allowed: "must give the caches, and only them, a whole memcached_mib of 64 or more that leaves memcached a fifth of the task's memory",
    ...failingRoles(
      (size, role) => (CACHES.includes(role as OptionalRole) ? whole(size.memcached_mib, 64, Math.floor(size.memory / 1.2)) : size.memcached_mib === null),
      `contains(${json(CACHES)}, role) ? (size.memcached_mib == null ? false : ${wholeHcl("size.memcached_mib", 64)} && size.memcached_mib <= floor(size.memory / 1.2)) : size.memcached_mib == null`,
    ),
  },
  {
    reads: ["sizing"],
    allowed: `must run ${SINGLETONS.join(", ")} as one task each`,
    ...failingRoles((size, role) => !SINGLETONS.includes(role) || size.tasks === 1, `!contains(${json(SINGLETONS)}, role) || size.tasks == 1`),
  },
  {
    reads: ["replication", "sizing"],
    allowed: `must give each replication factor as a whole number from 1 to the task count of the role holding the replicas (${Object.values(REPLICA_HOLDERS).join(", ")})`,
    valid: (s) =>
      Object.entries(REPLICA_HOLDERS).every(([component, role]) => {
        const factor = s.replication[component as keyof typeof REPLICA_HOLDERS];
        return whole(factor, 1) && (!(role in s.sizing) || factor <= s.sizing[role].tasks);
      }),
    condition: `alltrue([for component, role in ${json(REPLICA_HOLDERS)} : ${wholeHcl(`${L}.replication[component]`, 1)} && ${L}.replication[component] <= try(${L}.sizing[role].tasks, 1000)])`,
  },
  {
    reads: ["retention"],
    allowed: "must give retention days as whole numbers 1 or more, loki_info_days at most loki_days",
    valid: (s) => Object.values(s.retention).every((days) => whole(days, 1)) && s.retention.loki_info_days <= s.retention.loki_days,
    condition: `alltrue([for days in values(${L}.retention) : ${wholeHcl("days", 1)}]) && ${L}.retention.loki_info_days <= ${L}.retention.loki_days`,
  },
  {
    reads: ["images"],
    allowed: "must pin each image by an exact tag (not latest) or a sha256 digest",
    valid: (s) => Object.values(s.images).every(isPinned),
    condition: `alltrue([for image in values(${L}.images) : can(regex("${DIGEST}", image)) || (can(regex("${TAG}", image)) && !endswith(image, ":latest"))])`,
  },
  {
    reads: ["grafana"],
    allowed:
      "must give grafana a root_url users open it at (http or https, such as \"https://grafana.example.com/\"), its EFS file_system_id and access_point_id, and alert_sns_topic_arn as an SNS topic ARN or null",
    valid: (s) => {
      const g = s.grafana;
      return (
        URL_TS.test(g.root_url) &&
        matches(FILE_SYSTEM, g.efs.file_system_id) &&
        matches(ACCESS_POINT, g.efs.access_point_id) &&
        (g.alert_sns_topic_arn === null || matches(SNS_TOPIC, g.alert_sns_topic_arn!))
      );
    },
    condition:
      `can(regex("${URL}", ${L}.grafana.root_url)) && can(regex("${FILE_SYSTEM}", ${L}.grafana.efs.file_system_id)) && can(regex("${ACCESS_POINT}", ${L}.grafana.efs.access_point_id)) && ` +
      `(${L}.grafana.alert_sns_topic_arn == null ? true : can(regex("${SNS_TOPIC}", ${L}.grafana.alert_sns_topic_arn)))`,
  },
  {
    reads: ["alloy"],
    allowed: `must give alloy cloudwatch_namespaces among ${NAMESPACES.join(", ")}, and log_group_prefixes of log group name characters`,
    valid: (s) => Object.keys(s.alloy.cloudwatch_namespaces).every((namespace) => NAMESPACES.includes(namespace)) && s.alloy.log_group_prefixes.every((prefix) => matches(LOG_GROUP_PREFIX, prefix)),
    condition: `length(setsubtract(keys(${L}.alloy.cloudwatch_namespaces), ${json(NAMESPACES)})) == 0 && alltrue([for prefix in ${L}.alloy.log_group_prefixes : can(regex("${LOG_GROUP_PREFIX}", prefix))])`,
  },
];

/** The rules as rules on a module's `lgtm` variable (the value may be null: no LGTM stack). */
export function lgtmInputRules<P extends { lgtm?: LgtmSettings | null }>(): InputRule<P>[] {
  return LGTM_RULES.map((rule) => ({
    input: "lgtm" as keyof P,
    allowed: rule.allowed,
    valid: (p: Required<P>) => p.lgtm === null || rule.valid(completeSettings(p.lgtm!)),
    condition: `${L} == null ? true : (${rule.condition})`,
    // Terraform evaluates the message at validate too, when the value may still be null.
    detail: rule.detail && { text: (p: Required<P>) => rule.detail!.text(completeSettings(p.lgtm!)), template: `\${${L} == null ? "" : ${rule.detail.expression}}` },
  }));
}

/**
 * The problems of literal settings, each as the Terraform validation words it, checking each rule
 * whose attributes hold no token (an env passes ARNs and documents of other constructs).
 */
export function lgtmProblems(settings: LgtmSettings): string[] {
  const complete = completeSettings(settings);
  return LGTM_RULES.filter((rule) => !rule.reads.some((attribute) => containsToken(complete[attribute])))
    .filter((rule) => !rule.valid(complete))
    .map((rule) => ruleMessage("lgtm", rule.detail ? `${rule.allowed}: ${rule.detail.text(complete)}` : rule.allowed, JSON.stringify(settings)));
}

function completeSettings(settings: LgtmSettings): CompleteSettings {
  return withObjectDefaults(settings, LGTM_SETTINGS) as unknown as CompleteSettings;
}
