import { InputRule, InputSpecs } from "../../lib/inputs";
import { oneOf } from "../../lib/rules";
import { logRetentionRule } from "../shared/cloudwatch-logs";
import { Ipv4Cidr, contains, isNetworkAddress, overlaps, parseCidr } from "../../lib/ipv4";
import { NetworkProps, SubnetNewbits } from "./props";

export const NAT_GATEWAY_MODES = ["none", "single", "per_az"] as const;
/** Interface endpoints that Fargate tasks need to start and log when private subnets have no NAT. */
export const ENDPOINTS_WITHOUT_NAT = ["ecr.api", "ecr.dkr", "logs"];
/** The smallest subnet AWS allows. */
export const MAX_SUBNET_PREFIX = 28;
export const VPC_PREFIX_RANGE = { min: 16, max: 24 };
export const AZ_COUNT_RANGE = { min: 2, max: 6 };

const NAME_PATTERN = "^[a-z][a-z0-9-]{0,30}[a-z0-9]$";
const AZ_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$";
const ENDPOINT_PATTERN = "^[a-z0-9-]+([.][a-z0-9-]+)*$";
const TIERS = ["public", "private", "isolated"] as const;
export type Tier = (typeof TIERS)[number];

export const networkInputs: InputSpecs<NetworkProps> = {
  name: { type: "string" },
  cidr: { type: "string" },
  azs: { type: "list(string)" },
  subnetNewbits: {
    type: "object({ public = optional(number), private = optional(number), isolated = optional(number) })",
    default: {},
    attributes: { public: "number", private: "number", isolated: "number" },
  },
  subnetCidrs: {
    type: "object({ public = list(string), private = list(string), isolated = optional(list(string), []) })",
    default: null,
    attributes: { public: "list(string)", private: "list(string)", isolated: "list(string)" },
  },
  isolatedSubnets: { type: "bool", default: false },
  natGatewayMode: { type: "string", default: "single" },
  enableFlowLogs: { type: "bool", default: true },
  flowLogsRetentionDays: { type: "number", default: 90 },
  interfaceEndpoints: { type: "list(string)", default: [] },
  tags: { type: "map(string)", default: {} },
};

/**
 * How each tier is cut from the VPC. Private subnets fill its first half, public its third quarter,
 * isolated its fourth (`first` and `count` in quarters), so tiers never overlap and an AZ appended
 * to `azs` never renumbers a subnet. A tier left out of `subnet_newbits` gets `defaultNewbits`
 * (private /20 and public/isolated /24 in a /16), never smaller than /28.
 */
export const TIER_LAYOUT: Record<Tier, { first: number; count: number; defaultNewbits: number }> = {
  public: { first: 2, count: 1, defaultNewbits: 8 },
  private: { first: 0, count: 2, defaultNewbits: 4 },
  isolated: { first: 3, count: 1, defaultNewbits: 8 },
};

/** {@link TIER_LAYOUT} as an HCL object. */
const TIER_LAYOUT_HCL = `{ ${TIERS.map((t) => `${t} = { first = ${TIER_LAYOUT[t].first}, count = ${TIER_LAYOUT[t].count}, default = ${TIER_LAYOUT[t].defaultNewbits} }`).join(", ")} }`;

/** The new bits a tier gets: the one given, else the default capped at /28. */
export function effectiveNewbits(newbits: SubnetNewbits | undefined, vpcPrefix: number, tier: Tier): number {
  return newbits?.[tier] ?? Math.min(TIER_LAYOUT[tier].defaultNewbits, MAX_SUBNET_PREFIX - vpcPrefix);
}

function prefixHcl(cidr: string): string {
  return `tonumber(split("/", ${cidr})[1])`;
}

/** HCL: the network that holds `cidr` at prefix length `length`. */
function networkAtHcl(cidr: string, length: string): string {
  return `cidrsubnet(format("%s/%d", cidrhost(${cidr}, 0), ${length}), 0, 0)`;
}

function validCidr(text: string): Ipv4Cidr | undefined {
  const cidr = parseCidr(text);
  return cidr && isNetworkAddress(cidr) ? cidr : undefined;
}

const VALID_CIDR_HCL = (x: string) => `can(regex("^[0-9.]+/[0-9]+$", ${x})) && cidrsubnet(${x}, 0, 0) == ${x}`;

function activeTiers(props: Required<NetworkProps>): Tier[] {
  return TIERS.filter((tier) => tier !== "isolated" || props.isolatedSubnets);
}

function tierFits(props: Required<NetworkProps>, tier: Tier): boolean {
  const vpc = parseCidr(props.cidr)!;
  const bits = effectiveNewbits(props.subnetNewbits, vpc.prefix, tier);
  return Number.isInteger(bits) && bits >= 1 && vpc.prefix + bits <= MAX_SUBNET_PREFIX && (2 ** bits * TIER_LAYOUT[tier].count) / 4 >= props.azs.length;
}

function explicitCidrs(props: Required<NetworkProps>): string[] {
  const given = props.subnetCidrs!;
  return [...given.public, ...given.private, ...(given.isolated ?? [])];
}

/** HCL that is true when `value` is null and `condition` otherwise (`||` does not short-circuit). */
function unlessNull(value: string, condition: string): string {
  return `${value} == null ? true : (${condition})`;
}

const ALL_EXPLICIT_HCL = `concat(var.subnet_cidrs.public, var.subnet_cidrs.private, var.subnet_cidrs.isolated)`;

export const networkRules: InputRule<NetworkProps>[] = [
  {
    input: "name",
    allowed: "must be 2-32 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen",
    valid: (p) => new RegExp(NAME_PATTERN).test(p.name),
    condition: `can(regex("${NAME_PATTERN}", var.name))`,
  },
  {
    input: "cidr",
    allowed: `must be an IPv4 network address in CIDR notation with a prefix from /${VPC_PREFIX_RANGE.min} to /${VPC_PREFIX_RANGE.max}, such as "10.0.0.0/16"`,
    valid: (p) => {
      const cidr = validCidr(p.cidr);
      return !!cidr && cidr.prefix >= VPC_PREFIX_RANGE.min && cidr.prefix <= VPC_PREFIX_RANGE.max;
    },
    condition: `try(${VALID_CIDR_HCL("var.cidr")} && ${prefixHcl("var.cidr")} >= ${VPC_PREFIX_RANGE.min} && ${prefixHcl("var.cidr")} <= ${VPC_PREFIX_RANGE.max}, false)`,
  },
  {
    input: "azs",
    allowed: `must list ${AZ_COUNT_RANGE.min} to ${AZ_COUNT_RANGE.max} distinct availability zone names such as "eu-west-1a"`,
    valid: (p) =>
      p.azs.length >= AZ_COUNT_RANGE.min &&
      p.azs.length <= AZ_COUNT_RANGE.max &&
      new Set(p.azs).size === p.azs.length &&
      p.azs.every((az) => new RegExp(AZ_PATTERN).test(az)),
    condition:
      `length(var.azs) >= ${AZ_COUNT_RANGE.min} && length(var.azs) <= ${AZ_COUNT_RANGE.max} && ` +
      `length(distinct(var.azs)) == length(var.azs) && alltrue([for az in var.azs : can(regex("${AZ_PATTERN}", az))])`,
  },
  {
    input: "subnetNewbits",
    reads: ["subnetCidrs"],
    allowed: "must be left empty when subnet_cidrs is set (give one or the other)",
    valid: (p) => p.subnetCidrs === null || TIERS.every((tier) => p.subnetNewbits[tier] === undefined || p.subnetNewbits[tier] === null),
    condition: `var.subnet_cidrs == null || alltrue([for bits in values(var.subnet_newbits) : bits == null])`,
  },
  {
    input: "subnetNewbits",
    reads: ["cidr", "azs", "isolatedSubnets", "subnetCidrs"],
    allowed:
      `must give each tier whole new bits that keep its subnets /${MAX_SUBNET_PREFIX} or larger and leave room for every AZ ` +
      `(private subnets share half the VPC, public and isolated a quarter each; a smaller VPC or fewer AZs may be needed)`,
    valid: (p) => p.subnetCidrs !== null || !validCidr(p.cidr) || activeTiers(p).every((tier) => tierFits(p, tier)),
    condition:
      `var.subnet_cidrs != null || try(alltrue([for tier, layout in ${TIER_LAYOUT_HCL} : ` +
      `tier == "isolated" && !var.isolated_subnets || alltrue([for bits in [coalesce(var.subnet_newbits[tier], min(layout.default, ${MAX_SUBNET_PREFIX} - ${prefixHcl("var.cidr")}))] : ` +
      `floor(bits) == bits && bits >= 1 && ${prefixHcl("var.cidr")} + bits <= ${MAX_SUBNET_PREFIX} && pow(2, bits) * layout.count / 4 >= length(var.azs)])]), true)`,
  },
  {
    input: "subnetCidrs",
    reads: ["azs", "isolatedSubnets"],
    allowed: "must list one CIDR per AZ in azs for public and private, and for isolated one per AZ when isolated_subnets is on and none otherwise",
    valid: (p) =>
      p.subnetCidrs === null ||
      (p.subnetCidrs.public.length === p.azs.length &&
        p.subnetCidrs.private.length === p.azs.length &&
        (p.subnetCidrs.isolated ?? []).length === (p.isolatedSubnets ? p.azs.length : 0)),
    condition: unlessNull(
      "var.subnet_cidrs",
      `length(var.subnet_cidrs.public) == length(var.azs) && length(var.subnet_cidrs.private) == length(var.azs) ` +
        `&& length(var.subnet_cidrs.isolated) == (var.isolated_subnets ? length(var.azs) : 0)`,
    ),
  },
  {
    input: "subnetCidrs",
    reads: ["cidr"],
    allowed: `must hold IPv4 network addresses inside the VPC cidr, each /${MAX_SUBNET_PREFIX} or larger`,
    valid: (p) => {
      const vpc = validCidr(p.cidr);
      if (p.subnetCidrs === null || !vpc) return true;
      return explicitCidrs(p).every((text) => {
        const subnet = validCidr(text);
        return !!subnet && subnet.prefix <= MAX_SUBNET_PREFIX && contains(vpc, subnet);
      });
    },
    condition: unlessNull(
      "var.subnet_cidrs",
      `!can(cidrhost(var.cidr, 0)) || alltrue([for s in ${ALL_EXPLICIT_HCL} : try(` +
        `${VALID_CIDR_HCL("s")} && ${prefixHcl("s")} <= ${MAX_SUBNET_PREFIX} && ${prefixHcl("s")} >= ${prefixHcl("var.cidr")} ` +
        `&& ${networkAtHcl("s", prefixHcl("var.cidr"))} == cidrsubnet(var.cidr, 0, 0), false)])`,
    ),
  },
  {
    input: "subnetCidrs",
    allowed: "must not overlap one another",
    valid: (p) => {
      if (p.subnetCidrs === null) return true;
      const parsed = explicitCidrs(p).map(validCidr);
      return parsed.every((a, i) => parsed.every((b, j) => i === j || !a || !b || !overlaps(a, b)));
    },
    condition: unlessNull(
      "var.subnet_cidrs",
      `alltrue(flatten([for i, a in ${ALL_EXPLICIT_HCL} : [for j, b in ${ALL_EXPLICIT_HCL} : ` +
        `i == j || try(${networkAtHcl("a", `min(${prefixHcl("a")}, ${prefixHcl("b")})`)} != ${networkAtHcl("b", `min(${prefixHcl("a")}, ${prefixHcl("b")})`)}, true)]]))`,
    ),
  },
  oneOf("natGatewayMode", NAT_GATEWAY_MODES),
  logRetentionRule("flowLogsRetentionDays"),
  {
    input: "interfaceEndpoints",
    allowed: `must hold distinct AWS service name suffixes such as "ecr.api" or "logs" (not "s3": an S3 gateway endpoint is always created)`,
    valid: (p) =>
      new Set(p.interfaceEndpoints).size === p.interfaceEndpoints.length &&
      p.interfaceEndpoints.every((service) => service !== "s3" && new RegExp(ENDPOINT_PATTERN).test(service)),
    condition:
      `length(distinct(var.interface_endpoints)) == length(var.interface_endpoints) && ` +
      `alltrue([for service in var.interface_endpoints : service != "s3" && can(regex("${ENDPOINT_PATTERN}", service))])`,
  },
  {
    input: "interfaceEndpoints",
    reads: ["natGatewayMode"],
    allowed: `must include ${ENDPOINTS_WITHOUT_NAT.map((s) => `"${s}"`).join(", ")} when nat_gateway_mode is "none", or Fargate tasks in private subnets cannot pull images or ship logs`,
    valid: (p) => p.natGatewayMode !== "none" || ENDPOINTS_WITHOUT_NAT.every((service) => p.interfaceEndpoints.includes(service)),
    condition: `var.nat_gateway_mode != "none" || length(setsubtract(${JSON.stringify(ENDPOINTS_WITHOUT_NAT)}, var.interface_endpoints)) == 0`,
  },
];
