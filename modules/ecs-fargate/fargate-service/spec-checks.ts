import {
  ABSOLUTE_PATH,
  CORE_RULES,
  POLICY_ALLOWED,
  ServiceCheck,
  isIpv4Network,
  isPolicyWithoutUnexplainedWildcards,
  isPort,
  showing as showingValue,
  sidecarPortsRule,
  sortedJson,
} from "./service-rules";
import { FargateServiceSpec } from "./spec";

type Spec = FargateServiceSpec;

const showing = (attribute: keyof Spec & string) => showingValue<Spec>(attribute);

/**
 * Synth-time checks of a literal map of {@link FargateServiceSpec}: the rules the published
 * `services` variable shares, and those of the attributes only the internal spec has.
 */
export const SPEC_CHECKS: ServiceCheck<Spec>[] = [
  ...(CORE_RULES as ServiceCheck<Spec>[]),
  sidecarPortsRule<Spec>("ports", (s) => s.ports!, "s.ports"),
  {
    reads: ["ports"],
    allowed: "must give ports as distinct whole numbers 1-65535",
    valid: (s) => s.ports!.every(isPort) && new Set(s.ports).size === s.ports!.length,
    ...showing("ports"),
  },
  {
    reads: ["ports", "ingress"],
    allowed: "must give one ingress entry per port, each a port of the service, admitting valid IPv4 networks and services of the same map",
    valid: (s, _k, context) => {
      const ports = s.ingress!.map((rule) => rule.port);
      return (
        new Set(ports).size === ports.length &&
        s.ingress!.every(
          (rule) =>
            s.ports!.includes(rule.port) &&
            (rule.from_cidrs ?? []).every(isIpv4Network) &&
            (rule.from_services ?? []).every((from) => context.keys.includes(from)),
        )
      );
    },
    ...showing("ingress"),
  },
  {
    reads: ["ports", "load_balancers", "service_registry"],
    allowed: "must register ports of the service in target groups and Cloud Map",
    valid: (s) => {
      const registryPort = s.service_registry?.port ?? null;
      return s.load_balancers!.every((target) => s.ports!.includes(target.port)) && (registryPort === null || s.ports!.includes(registryPort));
    },
    describe: (s, k) => `${JSON.stringify(k)} has ports ${sortedJson(s.ports)}, load_balancers ${sortedJson(s.load_balancers)} and service_registry ${sortedJson(s.service_registry)}`,
  },
  {
    reads: ["autoscaling", "load_balancers"],
    allowed: "must put a service in a target group before scaling it on requests_per_target",
    valid: (s) => (s.autoscaling?.requests_per_target ?? null) === null || s.load_balancers!.length > 0,
    ...showing("load_balancers"),
  },
  {
    reads: ["stop_timeout"],
    allowed: "must give stop_timeout as whole seconds 2-120 (Fargate's maximum) or null",
    valid: (s) => s.stop_timeout === null || (Number.isInteger(s.stop_timeout) && s.stop_timeout! >= 2 && s.stop_timeout! <= 120),
    ...showing("stop_timeout"),
  },
  {
    reads: ["ephemeral_storage_gib"],
    allowed: "must give ephemeral_storage_gib as whole GiB 21-200 or null (Fargate's default 20)",
    valid: (s) => s.ephemeral_storage_gib === null || (Number.isInteger(s.ephemeral_storage_gib) && s.ephemeral_storage_gib! >= 21 && s.ephemeral_storage_gib! <= 200),
    ...showing("ephemeral_storage_gib"),
  },
  {
    reads: ["efs_volumes", "writable_paths"],
    allowed: "must mount EFS volumes at distinct absolute paths no writable path uses",
    valid: (s) => {
      const paths = s.efs_volumes!.map((volume) => volume.path);
      return new Set(paths).size === paths.length && paths.every((path) => new RegExp(ABSOLUTE_PATH).test(path) && !s.writable_paths!.includes(path));
    },
    ...showing("efs_volumes"),
  },
  {
    reads: ["task_policies"],
    allowed: POLICY_ALLOWED,
    valid: (s) => Object.values(s.task_policies!).every((document) => document === null || isPolicyWithoutUnexplainedWildcards(document)),
    describe: (s, k) => `${JSON.stringify(k)} has task_policies ${sortedJson(Object.keys(s.task_policies!).sort())}`,
  },
];
