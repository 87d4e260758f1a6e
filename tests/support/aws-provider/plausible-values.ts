import type { CtyType, CtyValue } from "./cty";
import type { AttributeSchema, NestedAttributeType } from "./schema-types";
import { ACCOUNT_ID, partitionOf } from "./provider-config";

/**
 * Made-up but well-formed values for attributes the stand-in cannot know
 * (what AWS would return). They are shaped so that typical expressions on
 * them still evaluate: ARNs parse, CIDRs feed cidrsubnet(), policies decode.
 */
export interface ValueContext {
  typeName: string;
  region: string;
}

const MINIMAL_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [] });

function serviceOf(typeName: string): string {
  return typeName.replace(/^aws_/, "").split("_")[0] ?? "service";
}

function plausibleString(name: string, context: ValueContext): string {
  const shortType = context.typeName.replace(/^aws_/, "");
  const { partition, dnsSuffix } = partitionOf(context.region);
  if (name === "arn" || name.endsWith("_arn")) {
    const service = serviceOf(context.typeName);
    const region = service === "iam" ? "" : context.region;
    return `arn:${partition}:${service}:${region}:${ACCOUNT_ID}:${shortType}/stand-in`;
  }
  if (name === "region") return context.region;
  if (name === "account_id" || name === "owner_id") return ACCOUNT_ID;
  if (name === "availability_zone") return `${context.region}a`;
  if (name.includes("ipv6_cidr")) return "2001:db8::/56";
  if (name.includes("cidr")) return "10.0.0.0/16";
  if (name === "json" || name === "policy" || name.endsWith("_policy")) return MINIMAL_POLICY;
  if (name === "endpoint" || name.endsWith("_endpoint")) return `${serviceOf(context.typeName)}.${context.region}.${dnsSuffix}`;
  if (name === "url" || name.endsWith("_url")) return `https://${serviceOf(context.typeName)}.${context.region}.${dnsSuffix}/stand-in`;
  if (name === "id") return `${shortType}-stand-in`;
  if (name.endsWith("_id")) return `${name.slice(0, -3)}-stand-in`;
  return `${name}-stand-in`;
}

/** A known value of the given type, named after the attribute it fills. */
export function plausibleValue(type: CtyType, name: string, context: ValueContext): CtyValue {
  if (type === "string") return plausibleString(name, context);
  if (type === "number") return 1;
  if (type === "bool") return false;
  if (type === "dynamic") return null;
  const [kind, element] = type;
  switch (kind) {
    case "list":
    case "set": {
      // One element, so that for_each/count over a looked-up list still plans something.
      // aws_subnets.ids holds subnet ids: name the element after the type.
      const elementName = name === "ids" ? `${context.typeName.replace(/^aws_/, "").replace(/s$/, "")}_id` : name.replace(/s$/, "");
      return [plausibleValue(element, elementName, context)];
    }
    case "map":
      return {};
    case "object":
      return Object.fromEntries(Object.entries(element).map(([field, fieldType]) => [field, plausibleValue(fieldType, field, context)]));
    case "tuple":
      return element.map((elementType) => plausibleValue(elementType, name, context));
  }
}

function plausibleNested(nested: NestedAttributeType, name: string, context: ValueContext): CtyValue {
  const one = Object.fromEntries(
    Object.entries(nested.attributes).map(([field, attribute]) => [field, plausibleAttribute(attribute, field, context)]),
  );
  switch (nested.nesting_mode) {
    case "single":
      return one;
    case "list":
    case "set":
      return [one];
    case "map":
      return { [name]: one };
  }
}

export function plausibleAttribute(attribute: AttributeSchema, name: string, context: ValueContext): CtyValue {
  if (attribute.write_only) return null;
  if (attribute.nested_type) return plausibleNested(attribute.nested_type, name, context);
  return attribute.type === undefined ? null : plausibleValue(attribute.type, name, context);
}
