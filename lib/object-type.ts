import { Token } from "cdktf";

/** One attribute of an object-typed input. */
export interface AttributeSpec {
  /** Terraform type constraint of the attribute, e.g. `list(string)`. */
  readonly type: string;
  /** Absent: the attribute is required. Present: `optional(type, default)`; `null` is `optional(type)`. */
  readonly default?: unknown;
  /** For an object attribute, its own attributes, so their defaults are filled in too. */
  readonly attributes?: ObjectSpec;
  /** For a list of objects, the attributes of each element, so their defaults are filled in too. */
  readonly elements?: ObjectSpec;
  /** For a map of objects, the attributes of each value, so their defaults are filled in too. */
  readonly values?: ObjectSpec;
}

/** The attributes of an object type, by name. */
export type ObjectSpec = Readonly<Record<string, AttributeSpec>>;

/**
 * The Terraform type of an object with these attributes, optional ones with their defaults:
 * `object({ host = string, paths = optional(list(string), ["/*"]) })`. Written once, it types the
 * variable of a published module; {@link withObjectDefaults} applies the same defaults to literals.
 */
export function objectType(spec: ObjectSpec): string {
  const attributes = Object.entries(spec).map(([name, attribute]) => {
    if (!("default" in attribute)) return `${name} = ${attribute.type}`;
    return attribute.default === null ? `${name} = optional(${attribute.type})` : `${name} = optional(${attribute.type}, ${JSON.stringify(attribute.default)})`;
  });
  return `object({ ${attributes.join(", ")} })`;
}

/**
 * A literal object with every absent optional attribute set to its default (null when it has
 * none), as Terraform does for a variable of {@link objectType}. A token, or null, is returned as
 * it is: Terraform applies the defaults itself.
 */
export function withObjectDefaults<T>(value: T, spec: ObjectSpec): T {
  if (value === null || value === undefined || isWholeToken(value)) return value;
  const complete: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, attribute] of Object.entries(spec)) {
    if (complete[name] === undefined && "default" in attribute) complete[name] = structuredClone(attribute.default);
    if (attribute.attributes && complete[name] !== null && complete[name] !== undefined) {
      complete[name] = withObjectDefaults(complete[name], attribute.attributes);
    }
    const elements = attribute.elements;
    if (elements && Array.isArray(complete[name]) && !Token.isUnresolved(complete[name])) {
      complete[name] = (complete[name] as unknown[]).map((element) => withObjectDefaults(element, elements));
    }
    const values = attribute.values;
    if (values && complete[name] !== null && complete[name] !== undefined) {
      complete[name] = mapWithObjectDefaults(complete[name] as Record<string, unknown>, values);
    }
  }
  return complete as T;
}

/** {@link withObjectDefaults} for each value of a literal map; a token map is returned as it is. */
export function mapWithObjectDefaults<T>(map: Readonly<Record<string, T>>, spec: ObjectSpec): Record<string, T> {
  if (isWholeToken(map)) return map as Record<string, T>;
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, withObjectDefaults(value, spec)]));
}

/** The value itself is a token (a `var.*`), as opposed to a literal that may hold tokens inside. */
function isWholeToken(value: unknown): boolean {
  return Token.isUnresolved(value) || (typeof value === "object" && value !== null && !isPlainObject(value));
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Array.isArray(value);
}
