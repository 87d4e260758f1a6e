import { containsToken, ruleMessage } from "../../../lib/inputs";
import { isNetworkAddress, parseCidr } from "../../../lib/ipv4";
import { allowedFargateMemory, allowedFargateMemoryHcl, fargateSizeCondition, isFargateSize } from "../../shared/fargate";
import { ALLOY_PORTS, CONTAINERS, LOKI_URL_PATTERN } from "./sidecars";
import { CapacityProviderShare, ServiceCore, Telemetry } from "./spec";

/** What a rule on one service may read besides the service itself. */
export interface ServiceRuleContext {
  /** Keys of every service of the map. */
  readonly keys: readonly string[];
  readonly telemetry: Telemetry | null;
}

/**
 * A check of one service of a map, in TypeScript only (the internal spec's literal maps).
 * `allowed` completes "services must …"; `describe` names the failing service and what it has.
 */
export interface ServiceCheck<S> {
  /** Attributes the check reads; a service is checked only when they hold no token. */
  readonly reads: readonly (keyof S & string)[];
  /** The check reads the telemetry input too. */
  readonly readsTelemetry?: boolean;
  readonly allowed: string;
  readonly valid: (service: S, key: string, context: ServiceRuleContext) => boolean;
  readonly describe: (service: S, key: string) => string;
}

/**
 * A {@link ServiceCheck} that is also rendered in HCL, for the published module's validation of
 * `var.services`: its condition reads a service `s`, its key `k`, and may read `var.services` and
 * `var.telemetry`; it never errors, only turns false.
 */
export interface ServiceRule<S> extends ServiceCheck<S> {
  readonly condition: string;
  /** HCL: the same text as `describe`, over `s` and `k`. */
  readonly describeHcl: string;
}

/** JSON with object keys sorted, as Terraform's `jsonencode` writes it. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A description naming the service and one attribute's value, in TS and HCL alike: `"api" has command ["x"]`. */
export function showing<S>(attribute: keyof S & string): Pick<ServiceRule<S>, "describe" | "describeHcl"> {
  return {
    describe: (service, key) => `${JSON.stringify(key)} has ${attribute} ${sortedJson(service[attribute])}`,
    describeHcl: `format("%q has ${attribute} %s", k, jsonencode(s.${attribute}))`,
  };
}

/** The problems of a map of services, each as the message the published module's validation gives. */
export function serviceProblems<S extends object>(
  services: Readonly<Record<string, S>>,
  checks: readonly ServiceCheck<S>[],
  context: ServiceRuleContext,
  got: string,
): string[] {
  const keys = Object.keys(services).sort();
  return checks.flatMap((check) => {
    if (check.readsTelemetry && containsToken(context.telemetry)) return [];
    const failing = keys.filter((key) => {
      const service = services[key] as Record<string, unknown>;
      if (check.reads.some((attribute) => containsToken(service[attribute]))) return false;
      return !check.valid(services[key], key, context);
    });
    if (failing.length === 0) return [];
    const detail = failing.map((key) => check.describe(services[key], key)).join("; ");
    return [ruleMessage("services", `${check.allowed}: ${detail}`, got)];
  });
}

// Shared predicates, each with its HCL twin.

const CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"];

/** A capacity provider strategy ECS accepts. */
export function isStrategy(strategy: readonly CapacityProviderShare[]): boolean {
  const providers = strategy.map((share) => share.capacity_provider);
  return (
    strategy.length > 0 &&
    providers.every((provider) => CAPACITY_PROVIDERS.includes(provider)) &&
    new Set(providers).size === providers.length &&
    strategy.every((share) => isWhole(share.weight ?? 1, 0, 1000) && isWhole(share.base ?? 0, 0, 100000)) &&
    strategy.filter((share) => (share.base ?? 0) > 0).length <= 1 &&
    strategy.some((share) => (share.weight ?? 1) > 0)
  );
}

/** HCL twin of {@link isStrategy} for a strategy expression. */
export function strategyCondition(strategy: string): string {
  return (
    `length(${strategy}) > 0 && alltrue([for share in ${strategy} : contains(${JSON.stringify(CAPACITY_PROVIDERS)}, share.capacity_provider)]) && ` +
    `length(distinct([for share in ${strategy} : share.capacity_provider])) == length(${strategy}) && ` +
    `alltrue([for share in ${strategy} : ${wholeHcl("share.weight", 0, 1000)} && ${wholeHcl("share.base", 0, 100000)}]) && ` +
    `length([for share in ${strategy} : share if share.base > 0]) <= 1 && anytrue([for share in ${strategy} : share.weight > 0])`
  );
}

export const STRATEGY_ALLOWED =
  "list FARGATE and/or FARGATE_SPOT once each, with whole weights 0-1000 (one above 0) and whole bases 0-100000 (at most one above 0)";

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function wholeHcl(value: string, min: number, max: number): string {
  return `(floor(${value}) == ${value} && ${value} >= ${min} && ${value} <= ${max})`;
}

/** An absolute path of plain names: what the module mounts volumes at. */
export const ABSOLUTE_PATH = "^(/[A-Za-z0-9._-]+)+$";
/** A file path the config-files init container can write: a plain file name inside a directory other than `/`. */
const FILE_PATH = "^(/[A-Za-z0-9._-]+)+/[A-Za-z0-9._-]+$";

function directoryOf(path: string): string {
  return path.replace(/\/[^/]+$/, "");
}

const DIRECTORY_HCL = (path: string) => `regex("^(.*)/[^/]+$", ${path})[0]`;

/** A Secrets Manager secret or SSM parameter ARN, the only `valueFrom` ECS reads secrets from. */
const SECRET_REFERENCE = "^arn:[^:]+:(secretsmanager:[^:]+:[0-9]{12}:secret:.+|ssm:[^:]+:[0-9]{12}:parameter/.+)$";

/** True when a policy document allows no wildcard action outside a statement whose Sid gives the reason. */
export function isPolicyWithoutUnexplainedWildcards(document: string): boolean {
  let parsed: { Statement?: unknown };
  try {
    parsed = JSON.parse(document);
  } catch {
    return false;
  }
  const statements = ([] as unknown[]).concat(parsed.Statement ?? []) as Record<string, unknown>[];
  return statements.every((statement) => {
    const actions = ([] as unknown[]).concat(statement.Action ?? []) as string[];
    const wildcard = actions.some((action) => action === "*" || action.endsWith(":*"));
    return (statement.Effect ?? "Allow") !== "Allow" || (typeof statement.Sid === "string" && statement.Sid !== "") || !wildcard;
  });
}

/** HCL twin of {@link isPolicyWithoutUnexplainedWildcards}. */
export function policyCondition(document: string): string {
  return (
    `can(jsondecode(${document})) && alltrue([for statement in flatten([try(jsondecode(${document}).Statement, [])]) : ` +
    `try(statement.Effect, "Allow") != "Allow" || try(statement.Sid, "") != "" || ` +
    `!anytrue([for action in flatten([try(statement.Action, [])]) : action == "*" || endswith(action, ":*")])])`
  );
}

export const POLICY_ALLOWED = 'must give task roles JSON policy documents with no wildcard action ("*" or "service:*") outside a statement whose Sid states the reason';

/** Service keys: short enough for every name derived from them (IAM role names stop at 64). */
const SERVICE_KEY_PATTERN = "^[a-z]([a-z0-9-]{0,22}[a-z0-9])?$";
/** The module's own container names, which a main container named after its key must not take. */
const RESERVED_KEYS = Object.values(CONTAINERS);

/** Rules every service spec obeys, the published `services` and the internal spec alike. */
export const CORE_RULES: ServiceRule<ServiceCore>[] = [
  {
    reads: [],
    allowed: `must be keyed by names of 1-24 lowercase letters, digits and hyphens, starting with a letter, other than ${RESERVED_KEYS.join(", ")} (the module's own containers)`,
    valid: (_s, k) => new RegExp(SERVICE_KEY_PATTERN).test(k) && !RESERVED_KEYS.includes(k as never),
    condition: `can(regex("${SERVICE_KEY_PATTERN}", k)) && !contains(${JSON.stringify(RESERVED_KEYS)}, k)`,
    describe: (_s, k) => JSON.stringify(k),
    describeHcl: `format("%q", k)`,
  },
  {
    reads: ["cpu", "memory"],
    allowed: "must give each service a cpu and memory pair Fargate accepts",
    valid: (s) => isFargateSize(s.cpu!, s.memory!),
    condition: fargateSizeCondition("s.cpu", "s.memory"),
    describe: (s, k) => `${JSON.stringify(k)} has cpu ${s.cpu} and memory ${s.memory}, and ${allowedFargateMemory(s.cpu!)}`,
    describeHcl: `format("%q has cpu %v and memory %v, and %s", k, s.cpu, s.memory, ${allowedFargateMemoryHcl("s.cpu")})`,
  },
  {
    reads: ["cpu_architecture"],
    allowed: 'must give each service a cpu_architecture of "ARM64" or "X86_64"',
    valid: (s) => ["ARM64", "X86_64"].includes(s.cpu_architecture!),
    condition: `contains(["ARM64", "X86_64"], s.cpu_architecture)`,
    ...showing<ServiceCore>("cpu_architecture"),
  },
  {
    reads: ["desired_count"],
    allowed: "must give each service a whole desired_count of 0 or more",
    valid: (s) => Number.isInteger(s.desired_count) && s.desired_count! >= 0,
    condition: "floor(s.desired_count) == s.desired_count && s.desired_count >= 0",
    ...showing<ServiceCore>("desired_count"),
  },
  {
    reads: ["command"],
    allowed:
      'must give each command as a list with one argument per element and no whitespace in the first: ECS passes ["run /etc/alloy/x.alloy"] as one argument; write ["run", "/etc/alloy/x.alloy"]',
    valid: (s) => s.command === null || s.command === undefined || (s.command.length > 0 && !/[\t\n\v\f\r ]/.test(s.command[0])),
    condition: `s.command == null ? true : (length(s.command) > 0 && !can(regex("[[:space:]]", s.command[0])))`,
    ...showing<ServiceCore>("command"),
  },
  {
    reads: ["secrets"],
    allowed: "must give each secret as the ARN of a Secrets Manager secret or SSM parameter, never a value",
    valid: (s) => Object.values(s.secrets!).every((arn) => new RegExp(SECRET_REFERENCE).test(arn)),
    condition: `alltrue([for arn in values(s.secrets) : can(regex(${JSON.stringify(SECRET_REFERENCE)}, arn))])`,
    describe: (s, k) => `${JSON.stringify(k)} has secrets ${sortedJson(Object.keys(s.secrets!).sort())} not all ARNs`,
    describeHcl: `format("%q has secrets %s not all ARNs", k, jsonencode(keys(s.secrets)))`,
  },
  {
    reads: ["files"],
    allowed: "must give each config file an absolute path of plain names inside a directory other than /, and no directory of files inside another",
    valid: (s) => {
      const paths = Object.keys(s.files!);
      const dirs = paths.map(directoryOf);
      return paths.every((path) => new RegExp(FILE_PATH).test(path)) && dirs.every((a) => dirs.every((b) => a === b || !b.startsWith(`${a}/`)));
    },
    condition:
      `alltrue([for path in keys(s.files) : can(regex(${JSON.stringify(FILE_PATH)}, path))]) && try(alltrue([for a in keys(s.files) : alltrue([for b in keys(s.files) : ` +
      `${DIRECTORY_HCL("a")} == ${DIRECTORY_HCL("b")} || !startswith(${DIRECTORY_HCL("b")}, format("%s/", ${DIRECTORY_HCL("a")}))])]), false)`,
    describe: (s, k) => `${JSON.stringify(k)} has files at ${sortedJson(Object.keys(s.files!).sort())}`,
    describeHcl: `format("%q has files at %s", k, jsonencode(keys(s.files)))`,
  },
  {
    reads: ["readonly_root_filesystem", "writable_paths"],
    allowed: "must give writable_paths as distinct absolute paths of plain names",
    valid: (s) => new Set(s.writable_paths).size === s.writable_paths!.length && s.writable_paths!.every((path) => new RegExp(ABSOLUTE_PATH).test(path)),
    condition: `length(distinct(s.writable_paths)) == length(s.writable_paths) && alltrue([for path in s.writable_paths : can(regex(${JSON.stringify(ABSOLUTE_PATH)}, path))])`,
    ...showing<ServiceCore>("writable_paths"),
  },
  {
    reads: ["capacity_provider_strategy"],
    allowed: `must give a capacity_provider_strategy that is null or ${STRATEGY_ALLOWED}`,
    valid: (s) => s.capacity_provider_strategy === null || s.capacity_provider_strategy === undefined || isStrategy(s.capacity_provider_strategy),
    condition: `s.capacity_provider_strategy == null ? true : (${strategyCondition("s.capacity_provider_strategy")})`,
    ...showing<ServiceCore>("capacity_provider_strategy"),
  },
  {
    reads: ["stateless", "capacity_provider_strategy"],
    allowed: "must keep stateful services off FARGATE_SPOT (a Spot interruption would lose their state); set stateless = true only for services that hold none",
    valid: (s) => s.stateless! || !(s.capacity_provider_strategy ?? []).some((share) => share.capacity_provider === "FARGATE_SPOT"),
    condition: `s.stateless || !contains([for share in coalesce(s.capacity_provider_strategy, []) : share.capacity_provider], "FARGATE_SPOT")`,
    describe: (_s, k) => `${JSON.stringify(k)} is stateful and asks for FARGATE_SPOT`,
    describeHcl: `format("%q is stateful and asks for FARGATE_SPOT", k)`,
  },
  {
    reads: ["stateless", "deployment_minimum_healthy_percent", "deployment_maximum_percent"],
    allowed: "must give deployment_minimum_healthy_percent 0-100 and deployment_maximum_percent 100-200, the maximum above the minimum, or null for the defaults",
    valid: (s) => {
      const min = s.deployment_minimum_healthy_percent ?? (s.stateless ? 100 : 0);
      const max = s.deployment_maximum_percent ?? (s.stateless ? 200 : 100);
      return min >= 0 && min <= 100 && max >= 100 && max <= 200 && max > min;
    },
    condition:
      `coalesce(s.deployment_minimum_healthy_percent, s.stateless ? 100 : 0) >= 0 && coalesce(s.deployment_minimum_healthy_percent, s.stateless ? 100 : 0) <= 100 && ` +
      `coalesce(s.deployment_maximum_percent, s.stateless ? 200 : 100) >= 100 && coalesce(s.deployment_maximum_percent, s.stateless ? 200 : 100) <= 200 && ` +
      `coalesce(s.deployment_maximum_percent, s.stateless ? 200 : 100) > coalesce(s.deployment_minimum_healthy_percent, s.stateless ? 100 : 0)`,
    describe: (s, k) => `${JSON.stringify(k)} has ${s.deployment_minimum_healthy_percent ?? null}/${s.deployment_maximum_percent ?? null}`,
    describeHcl: `format("%q has %s/%s", k, jsonencode(s.deployment_minimum_healthy_percent), jsonencode(s.deployment_maximum_percent))`,
  },
  {
    reads: ["autoscaling", "desired_count"],
    allowed:
      "must give autoscaling whole capacities with min_capacity <= desired_count <= max_capacity and max_capacity >= 1, at least one target, cpu_target and memory_target 1-100, requests_per_target above 0 with a load_balancer_arn",
    valid: (s) => {
      const a = s.autoscaling;
      if (a === null || a === undefined) return true;
      const targets = [a.cpu_target, a.memory_target, a.requests_per_target].filter((t) => t !== null && t !== undefined);
      const percent = (t: number | null | undefined) => t === null || t === undefined || (t >= 1 && t <= 100);
      return (
        Number.isInteger(a.min_capacity) &&
        Number.isInteger(a.max_capacity) &&
        a.min_capacity >= 0 &&
        a.max_capacity >= 1 &&
        a.min_capacity <= s.desired_count! &&
        s.desired_count! <= a.max_capacity &&
        targets.length > 0 &&
        percent(a.cpu_target) &&
        percent(a.memory_target) &&
        (a.requests_per_target === null || a.requests_per_target === undefined || (a.requests_per_target > 0 && !!a.load_balancer_arn))
      );
    },
    condition:
      `s.autoscaling == null ? true : (floor(s.autoscaling.min_capacity) == s.autoscaling.min_capacity && floor(s.autoscaling.max_capacity) == s.autoscaling.max_capacity && ` +
      `s.autoscaling.min_capacity >= 0 && s.autoscaling.max_capacity >= 1 && s.autoscaling.min_capacity <= s.desired_count && s.desired_count <= s.autoscaling.max_capacity && ` +
      `length(compact([for t in [s.autoscaling.cpu_target, s.autoscaling.memory_target, s.autoscaling.requests_per_target] : t == null ? "" : "set"])) > 0 && ` +
      `(s.autoscaling.cpu_target == null ? true : s.autoscaling.cpu_target >= 1 && s.autoscaling.cpu_target <= 100) && ` +
      `(s.autoscaling.memory_target == null ? true : s.autoscaling.memory_target >= 1 && s.autoscaling.memory_target <= 100) && ` +
      `(s.autoscaling.requests_per_target == null ? true : s.autoscaling.requests_per_target > 0 && s.autoscaling.load_balancer_arn != null))`,
    describe: (s, k) => `${JSON.stringify(k)} has desired_count ${s.desired_count} and autoscaling ${sortedJson(s.autoscaling)}`,
    describeHcl: `format("%q has desired_count %v and autoscaling %s", k, s.desired_count, jsonencode(s.autoscaling))`,
  },
  {
    reads: ["firelens_to_loki"],
    allowed: "must give firelens_to_loki as a Loki push URL (http or https, host, optional port and path) or null",
    valid: (s) => s.firelens_to_loki === null || s.firelens_to_loki === undefined || new RegExp(LOKI_URL_PATTERN).test(s.firelens_to_loki),
    condition: `s.firelens_to_loki == null ? true : can(regex(${JSON.stringify(LOKI_URL_PATTERN)}, s.firelens_to_loki))`,
    ...showing<ServiceCore>("firelens_to_loki"),
  },
  {
    reads: ["alloy_sidecar", "firelens_to_loki"],
    readsTelemetry: true,
    allowed: "must not ask for an Alloy sidecar or FireLens without telemetry: set telemetry to where they send",
    valid: (s, _k, context) => context.telemetry !== null || !(s.alloy_sidecar || (s.firelens_to_loki !== null && s.firelens_to_loki !== undefined)),
    condition: `var.telemetry != null || !(s.alloy_sidecar || s.firelens_to_loki != null)`,
    describe: (_s, k) => `${JSON.stringify(k)} asks for a sidecar`,
    describeHcl: `format("%q asks for a sidecar", k)`,
  },
];

/** The rule that the main container leaves the Alloy sidecar's ports free, over a service's ports. */
export function sidecarPortsRule<S extends ServiceCore>(portsAttribute: keyof S & string, ports: (s: S) => number[], portsHcl: string): ServiceRule<S> {
  return {
    reads: ["alloy_sidecar", portsAttribute],
    allowed: `must leave ports ${ALLOY_PORTS.join(", ")} to the Alloy sidecar in services that have one`,
    valid: (s) => !s.alloy_sidecar || !ports(s).some((port) => ALLOY_PORTS.includes(port)),
    condition: `!s.alloy_sidecar || length(setintersection(${portsHcl}, ${JSON.stringify(ALLOY_PORTS)})) == 0`,
    ...showing<S>(portsAttribute),
  };
}

/** The rule that a service's ports are whole numbers 1-65535. */
export function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

export function portHcl(port: string): string {
  return `(floor(${port}) == ${port} && ${port} >= 1 && ${port} <= 65535)`;
}

/** An IPv4 network address in CIDR notation. */
export function isIpv4Network(text: string): boolean {
  const cidr = parseCidr(text);
  return !!cidr && isNetworkAddress(cidr);
}

export function ipv4NetworkHcl(text: string): string {
  return `can(regex("^[0-9]+[.][0-9]+[.][0-9]+[.][0-9]+/[0-9]+$", ${text})) && try(cidrsubnet(${text}, 0, 0) == ${text}, false)`;
}

