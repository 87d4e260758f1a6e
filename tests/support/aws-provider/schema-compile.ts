import type {
  AttributeSchema,
  BlockSchema,
  FunctionParameterSchema,
  FunctionSchema,
  NestingMode,
  ProviderSchemaDocument,
  TypeSchema,
} from "./schema-types";

// Turns the JSON schema document into (a) the protobuf message objects of
// GetProviderSchema / GetFunctions and (b) a planning index. Both are made
// once when the provider mirror is built, so a plugin start only reads files.

const NESTING: Record<NestingMode, number> = { single: 1, list: 2, set: 3, map: 4, group: 5 };
const MARKDOWN = 1;
const PLAIN = 0;

const typeBytes = (type: unknown): Buffer => Buffer.from(JSON.stringify(type), "utf8");
const descriptionKind = (kind: string | undefined) => (kind === "markdown" ? MARKDOWN : PLAIN);

function attributeMessage(name: string, attribute: AttributeSchema): object {
  return {
    name,
    type: attribute.nested_type ? Buffer.alloc(0) : typeBytes(attribute.type),
    nested_type: attribute.nested_type
      ? {
          attributes: Object.entries(attribute.nested_type.attributes).map(([n, a]) => attributeMessage(n, a)),
          nesting: NESTING[attribute.nested_type.nesting_mode],
        }
      : undefined,
    description: attribute.description ?? "",
    description_kind: descriptionKind(attribute.description_kind),
    required: attribute.required ?? false,
    optional: attribute.optional ?? false,
    computed: attribute.computed ?? false,
    sensitive: attribute.sensitive ?? false,
    deprecated: attribute.deprecated ?? false,
    write_only: attribute.write_only ?? false,
  };
}

function blockMessage(block: BlockSchema, version: number): object {
  return {
    version,
    attributes: Object.entries(block.attributes ?? {}).map(([name, attribute]) => attributeMessage(name, attribute)),
    block_types: Object.entries(block.block_types ?? {}).map(([typeName, nested]) => ({
      type_name: typeName,
      block: blockMessage(nested.block, 0),
      nesting: NESTING[nested.nesting_mode],
      min_items: nested.min_items ?? 0,
      max_items: nested.max_items ?? 0,
    })),
    description: block.description ?? "",
    description_kind: descriptionKind(block.description_kind),
    deprecated: block.deprecated ?? false,
  };
}

const schemaMessage = (schema: TypeSchema): object => ({
  version: schema.version,
  block: blockMessage(schema.block, schema.version),
});

const schemaMap = (schemas: Record<string, TypeSchema> | undefined): Record<string, object> =>
  Object.fromEntries(Object.entries(schemas ?? {}).map(([name, schema]) => [name, schemaMessage(schema)]));

function parameterMessage(parameter: FunctionParameterSchema): object {
  return {
    name: parameter.name,
    type: typeBytes(parameter.type),
    allow_null_value: parameter.is_nullable ?? false,
    allow_unknown_values: false,
    description: parameter.description ?? "",
    description_kind: PLAIN,
  };
}

export function functionMessages(functions: Record<string, FunctionSchema> | undefined): Record<string, object> {
  return Object.fromEntries(
    Object.entries(functions ?? {}).map(([name, fn]) => [
      name,
      {
        parameters: (fn.parameters ?? []).map(parameterMessage),
        variadic_parameter: fn.variadic_parameter ? parameterMessage(fn.variadic_parameter) : undefined,
        return: { type: typeBytes(fn.return_type) },
        summary: fn.summary ?? "",
        description: fn.description ?? "",
        description_kind: PLAIN,
      },
    ]),
  );
}

export const SERVER_CAPABILITIES = { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false };

export function providerSchemaResponse(document: ProviderSchemaDocument): Record<string, unknown> {
  return {
    provider: schemaMessage(document.provider),
    resource_schemas: schemaMap(document.resource_schemas),
    data_source_schemas: schemaMap(document.data_source_schemas),
    ephemeral_resource_schemas: schemaMap(document.ephemeral_resource_schemas),
    functions: functionMessages(document.functions),
    diagnostics: [],
    server_capabilities: SERVER_CAPABILITIES,
  };
}

/**
 * Each type's schema, descriptions dropped, as a JSON string of its own: the
 * plugin parses the index quickly (it is mostly strings) and then only the
 * few type schemas a run touches.
 */
export interface PlanningIndex {
  provider: string;
  resources: Record<string, string>;
  data_sources: Record<string, string>;
  ephemeral_resources: Record<string, string>;
  functions: Record<string, FunctionSchema>;
}

const DOC_KEYS = new Set(["description", "description_kind", "deprecated"]);
const PRIMITIVE_TYPES = new Set(["string", "number", "bool", "dynamic"]);

/**
 * Drops documentation, and only documentation: an attribute named `description` (its value is a
 * schema object) and an object type's `description` field (`entries` of
 * `aws_ec2_managed_prefix_list` is `set(object({ cidr, description }))`) stay, or the stand-in
 * would plan values with a field missing.
 */
function withoutDocs(this: unknown, key: string, value: unknown): unknown {
  if (!DOC_KEYS.has(key) || (typeof value === "object" && value !== null)) return value;
  return isObjectTypeFields(this) ? value : undefined;
}

/** True for the field map of an `["object", {...}]` cty type: every value is a type. */
function isObjectTypeFields(holder: unknown): boolean {
  return (
    typeof holder === "object" &&
    holder !== null &&
    !Array.isArray(holder) &&
    Object.values(holder).every((type) => Array.isArray(type) || (typeof type === "string" && PRIMITIVE_TYPES.has(type)))
  );
}

const indexOf = (schemas: Record<string, TypeSchema> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(schemas ?? {}).map(([name, schema]) => [name, JSON.stringify(schema, withoutDocs)]));

export function planningIndex(document: ProviderSchemaDocument): PlanningIndex {
  return {
    provider: JSON.stringify(document.provider, withoutDocs),
    resources: indexOf(document.resource_schemas),
    data_sources: indexOf(document.data_source_schemas),
    ephemeral_resources: indexOf(document.ephemeral_resource_schemas),
    functions: document.functions ?? {},
  };
}
