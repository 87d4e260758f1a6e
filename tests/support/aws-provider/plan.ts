import { isObject, isUnknown, isWhollyKnown, unknown, type CtyObject, type CtyValue } from "./cty";
import { mapElements } from "./nested-values";
import type { AttributeSchema, BlockSchema, NestedAttributeType } from "./schema-types";
import type { ProviderSettings } from "./provider-config";

/**
 * PlanResourceChange for any resource type, from its schema alone.
 *
 * Terraform's proposed new state already merges config with prior state, so
 * the provider's job here is what the real provider's SDKs do generically:
 * on create, every computed attribute the config leaves null becomes
 * "known after apply"; write-only attributes never appear in a plan. With
 * prior state, computed values are kept, so an unchanged config is a no-op.
 * Without ForceNew data in the schema, nothing ever requires replacement.
 */
export function planResource(
  block: BlockSchema,
  proposed: CtyValue,
  prior: CtyValue,
  config: CtyValue,
  settings: ProviderSettings,
): CtyValue {
  if (!isObject(proposed)) return proposed; // null: a destroy, nothing to plan
  const creating = !isObject(prior);
  const planned = planBlock(block, proposed, creating);
  applyProviderLevelAttributes(block, planned, isObject(config) ? config : {}, settings);
  return planned;
}

function planBlock(block: BlockSchema, proposed: CtyObject, creating: boolean): CtyObject {
  const planned: CtyObject = { ...proposed };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    planned[name] = planAttribute(attribute, proposed[name] ?? null, creating);
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    planned[name] = mapElements(proposed[name] ?? null, nested.nesting_mode, (element) => planBlock(nested.block, element, creating));
  }
  return planned;
}

function planAttribute(attribute: AttributeSchema, value: CtyValue, creating: boolean): CtyValue {
  if (attribute.write_only) return null;
  if (value === null) return creating && attribute.computed ? unknown() : null;
  if (attribute.nested_type) return planNestedAttribute(attribute.nested_type, value, creating);
  return value;
}

function planNestedAttribute(nested: NestedAttributeType, value: CtyValue, creating: boolean): CtyValue {
  return mapElements(value, nested.nesting_mode, (element) => {
    const planned: CtyObject = { ...element };
    for (const [name, attribute] of Object.entries(nested.attributes)) {
      planned[name] = planAttribute(attribute, element[name] ?? null, creating);
    }
    return planned;
  });
}

/**
 * Attributes the AWS provider fills from its own configuration: `region`
 * (per-resource region override, defaulting to the provider's) and
 * `tags_all` (default_tags merged under the resource's tags).
 */
function applyProviderLevelAttributes(
  block: BlockSchema,
  planned: CtyObject,
  config: CtyObject,
  settings: ProviderSettings,
): void {
  const attributes = block.attributes ?? {};
  if (attributes.region?.computed && (config.region ?? null) === null && isUnknown(planned.region)) {
    planned.region = settings.region;
  }
  if (attributes.tags_all?.computed && attributes.tags && (config.tags_all ?? null) === null) {
    const tags = planned.tags ?? null;
    if (settings.defaultTags === undefined || isUnknown(tags) || !isWhollyKnown(tags)) {
      planned.tags_all = unknown();
    } else {
      planned.tags_all = { ...settings.defaultTags, ...(isObject(tags) ? tags : {}) };
    }
  }
}
