import { IResolvable } from "cdktf";
import { hcl } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { cidrSubnet, formatCidr, parseCidr } from "../../lib/ipv4";
import { MAX_SUBNET_PREFIX, TIER_LAYOUT, Tier, effectiveNewbits } from "./inputs";
import { NetworkProps } from "./props";

/** A tier's subnet CIDRs keyed by AZ name: a literal map in an env, an expression in a module. */
export type TierCidrs = Record<string, string> | IResolvable;

/**
 * The subnet CIDRs of one tier. Literal props are laid out here, so an env's JSON shows the
 * CIDRs a reviewer will see in AWS; tokens get the same layout as a Terraform expression.
 */
export function tierCidrs(props: Required<NetworkProps>, tier: Tier): TierCidrs {
  const enabled = tier !== "isolated" || props.isolatedSubnets;
  const reads = [props.azs, props.cidr, props.subnetCidrs, props.subnetNewbits, props.isolatedSubnets];
  if (!containsToken(reads)) return enabled ? literalLayout(props, tier) : {};
  const layout = hcl`${props.subnetCidrs} == null ? ${computedLayoutHcl(props, tier)} : zipmap(${props.azs}, ${props.subnetCidrs?.[tier]})`;
  return tier === "isolated" ? hcl`${props.isolatedSubnets} ? ${layout} : {}` : layout;
}

function literalLayout(props: Required<NetworkProps>, tier: Tier): Record<string, string> {
  const given = props.subnetCidrs?.[tier];
  if (given) return Object.fromEntries(props.azs.map((az, i) => [az, given[i]]));
  const vpc = parseCidr(props.cidr)!;
  const bits = effectiveNewbits(props.subnetNewbits, vpc.prefix, tier);
  const first = (2 ** bits * TIER_LAYOUT[tier].first) / 4;
  return Object.fromEntries(props.azs.map((az, i) => [az, formatCidr(cidrSubnet(vpc, bits, first + i))]));
}

function computedLayoutHcl(props: Required<NetworkProps>, tier: Tier): IResolvable {
  const newbits = props.subnetNewbits as Record<Tier, unknown>;
  const bits = hcl`coalesce(${newbits[tier]}, min(${TIER_LAYOUT[tier].defaultNewbits}, ${MAX_SUBNET_PREFIX} - tonumber(split("/", ${props.cidr})[1])))`;
  return hcl`{ for i, az in ${props.azs} : az => cidrsubnet(${props.cidr}, ${bits}, pow(2, ${bits}) * ${TIER_LAYOUT[tier].first} / 4 + i) }`;
}
