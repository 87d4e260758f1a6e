import { InputRule, InputSpecs } from "../../lib/inputs";
import { ServiceDiscoveryProps } from "./props";

/** One DNS label: 1-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
const LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
const LABEL_PATTERN = `^${LABEL}$`;
const NAME_PATTERN = `^${LABEL}([.]${LABEL})*$`;
const VPC_ID_PATTERN = "^vpc-[0-9a-f]{8}([0-9a-f]{9})?$";
/** Longest name DNS allows, without the trailing dot. */
const MAX_DNS_NAME = 253;
/**
 * Task IPs change with every deployment and ECS deregisters a stopped task at once; a longer TTL
 * would keep dead addresses in resolvers' caches (and in memberlist join attempts) for longer.
 */
export const MAX_DNS_TTL = 3600;

export const serviceDiscoveryInputs: InputSpecs<ServiceDiscoveryProps> = {
  namespace: { type: "string", default: "lgtm.local" },
  vpcId: { type: "string" },
  services: { type: "list(string)" },
  dnsTtl: { type: "number", default: 10 },
  tags: { type: "map(string)", default: {} },
};

export const serviceDiscoveryRules: InputRule<ServiceDiscoveryProps>[] = [
  {
    input: "namespace",
    allowed: `must be a DNS name of lowercase labels (1-63 letters, digits and hyphens, no hyphen at either end) joined by dots, at most ${MAX_DNS_NAME} characters, such as "lgtm.local"`,
    valid: (p) => p.namespace.length <= MAX_DNS_NAME && new RegExp(NAME_PATTERN).test(p.namespace),
    condition: `length(var.namespace) <= ${MAX_DNS_NAME} && can(regex("${NAME_PATTERN}", var.namespace))`,
  },
  {
    input: "vpcId",
    allowed: 'must be a VPC ID such as "vpc-0123456789abcdef0"',
    valid: (p) => new RegExp(VPC_ID_PATTERN).test(p.vpcId),
    condition: `can(regex("${VPC_ID_PATTERN}", var.vpc_id))`,
  },
  {
    input: "services",
    allowed: 'must hold distinct DNS labels (1-63 lowercase letters, digits and hyphens, no hyphen at either end), such as "mimir"',
    valid: (p) => new Set(p.services).size === p.services.length && p.services.every((name) => new RegExp(LABEL_PATTERN).test(name)),
    condition: `length(distinct(var.services)) == length(var.services) && alltrue([for name in var.services : can(regex("${LABEL_PATTERN}", name))])`,
  },
  {
    input: "dnsTtl",
    allowed: `must be a whole number of seconds from 0 to ${MAX_DNS_TTL}`,
    valid: (p) => Number.isInteger(p.dnsTtl) && p.dnsTtl >= 0 && p.dnsTtl <= MAX_DNS_TTL,
    condition: `floor(var.dns_ttl) == var.dns_ttl && var.dns_ttl >= 0 && var.dns_ttl <= ${MAX_DNS_TTL}`,
  },
];
