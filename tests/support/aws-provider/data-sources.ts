import type { CtyObject, CtyValue } from "./cty";
import { mapElements } from "./nested-values";
import { plausibleAttribute } from "./plausible-values";
import { renderPolicyDocument } from "./policy-document";
import { ACCOUNT_ID, partitionOf, type ProviderSettings } from "./provider-config";
import type { BlockSchema } from "./schema-types";
import { ssmParameterFacts } from "./ssm-parameters";

type Facts = Record<string, CtyValue>;
type FactSource = (config: CtyObject, region: string, settings: ProviderSettings) => Facts;

const DIRECTION_ABBREVIATIONS: Record<string, string> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** us-east-1 → use1, ap-northeast-1 → apne1: the prefix of AWS zone IDs. */
function zoneIdPrefix(region: string): string {
  const [area, direction, number] = region.split("-");
  return `${area}${DIRECTION_ABBREVIATIONS[direction] ?? direction}${number}`;
}

function availabilityZones(config: CtyObject, region: string): Facts {
  const excluded = new Set([...(Array.isArray(config.exclude_names) ? config.exclude_names : [])]);
  const excludedIds = new Set([...(Array.isArray(config.exclude_zone_ids) ? config.exclude_zone_ids : [])]);
  const zones = ["a", "b", "c"]
    .map((letter, index) => ({ name: `${region}${letter}`, id: `${zoneIdPrefix(region)}-az${index + 1}` }))
    .filter((zone) => !excluded.has(zone.name) && !excludedIds.has(zone.id));
  return { id: region, names: zones.map((z) => z.name), zone_ids: zones.map((z) => z.id), group_names: [region] };
}

// What AWS would answer for the lookups almost every configuration makes.
const FACT_SOURCES: Record<string, FactSource> = {
  aws_caller_identity: () => ({
    id: ACCOUNT_ID,
    account_id: ACCOUNT_ID,
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/terraform`,
    user_id: "AIDASTANDIN0000000000",
  }),
  aws_region: (_config, region) => ({
    id: region,
    name: region,
    region,
    endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}`,
  }),
  aws_availability_zones: (config, region) => availabilityZones(config, region),
  aws_partition: (_config, region) => {
    const { partition, dnsSuffix } = partitionOf(region);
    return { id: partition, partition, dns_suffix: dnsSuffix, reverse_dns_prefix: dnsSuffix.split(".").reverse().join(".") };
  },
  aws_iam_policy_document: (config) => renderPolicyDocument(config),
  aws_default_tags: (_config, _region, settings) => ({ id: "aws", tags: settings.defaultTags ?? {} }),
  aws_ssm_parameter: (config, region) => ssmParameterFacts(config, region),
};

/**
 * ReadDataSource: the config with every computed attribute it leaves null
 * filled in, from the fact sources above or else with a plausible value.
 */
export function readDataSource(typeName: string, block: BlockSchema, config: CtyObject, settings: ProviderSettings): CtyObject {
  const region = typeof config.region === "string" ? config.region : settings.region;
  const facts = FACT_SOURCES[typeName]?.(config, region, settings) ?? {};
  return fillComputed(block, config, facts, { typeName, region });
}

function fillComputed(block: BlockSchema, config: CtyObject, facts: Facts, context: { typeName: string; region: string }): CtyObject {
  const state: CtyObject = { ...config };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if ((config[name] ?? null) !== null || !attribute.computed) continue;
    state[name] = name in facts ? facts[name] : plausibleAttribute(attribute, name, context);
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    state[name] = mapElements(config[name] ?? null, nested.nesting_mode, (element) => fillComputed(nested.block, element, {}, context));
  }
  return state;
}
