import { isObject, type CtyObject, type CtyValue } from "./cty";
import type { BlockSchema, NestingMode } from "./schema-types";

/** Applies fn to each object of a nested value, leaving null and unknown alone. */
export function mapElements(value: CtyValue, nesting: NestingMode, fn: (element: CtyObject) => CtyObject): CtyValue {
  if (nesting === "list" || nesting === "set") {
    return Array.isArray(value) ? value.map((element) => (isObject(element) ? fn(element) : element)) : value;
  }
  if (!isObject(value)) return value;
  if (nesting === "map") {
    return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, isObject(element) ? fn(element) : element]));
  }
  return fn(value);
}

/**
 * Shapes stored JSON state to the current schema: every attribute present
 * (null when missing), attributes the schema no longer has dropped.
 */
export function conformToBlock(block: BlockSchema, value: CtyValue): CtyValue {
  if (!isObject(value)) return value;
  const shaped: CtyObject = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    const nested = attribute.nested_type;
    shaped[name] = nested
      ? mapElements(value[name] ?? null, nested.nesting_mode, (element) => conformToBlock({ attributes: nested.attributes }, element) as CtyObject)
      : (value[name] ?? null);
  }
  for (const [name, nestedBlock] of Object.entries(block.block_types ?? {})) {
    // Absent blocks are empty collections in cty, not null (except single blocks).
    const absent = nestedBlock.nesting_mode === "list" || nestedBlock.nesting_mode === "set" ? [] : nestedBlock.nesting_mode === "map" ? {} : null;
    shaped[name] = mapElements(value[name] ?? absent, nestedBlock.nesting_mode, (element) => conformToBlock(nestedBlock.block, element) as CtyObject);
  }
  return shaped;
}
