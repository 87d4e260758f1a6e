import type { CtyType } from "./cty";

// The shapes of `terraform providers schema -json`, which is also the form
// the stand-in keeps its planning schemas in.

export type NestingMode = "single" | "list" | "set" | "map" | "group";

export interface AttributeSchema {
  type?: CtyType;
  nested_type?: NestedAttributeType;
  description?: string;
  description_kind?: "plain" | "markdown";
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface NestedAttributeType {
  attributes: Record<string, AttributeSchema>;
  nesting_mode: Exclude<NestingMode, "group">;
}

export interface BlockSchema {
  attributes?: Record<string, AttributeSchema>;
  block_types?: Record<string, NestedBlockSchema>;
  description?: string;
  description_kind?: "plain" | "markdown";
  deprecated?: boolean;
}

export interface NestedBlockSchema {
  nesting_mode: NestingMode;
  block: BlockSchema;
  min_items?: number;
  max_items?: number;
}

export interface TypeSchema {
  version: number;
  block: BlockSchema;
}

export interface FunctionParameterSchema {
  name: string;
  type: CtyType;
  description?: string;
  is_nullable?: boolean;
}

export interface FunctionSchema {
  summary?: string;
  description?: string;
  parameters?: FunctionParameterSchema[];
  variadic_parameter?: FunctionParameterSchema;
  return_type: CtyType;
}

export interface ProviderSchemaDocument {
  provider: TypeSchema;
  resource_schemas: Record<string, TypeSchema>;
  data_source_schemas: Record<string, TypeSchema>;
  ephemeral_resource_schemas?: Record<string, TypeSchema>;
  functions?: Record<string, FunctionSchema>;
}

export const AWS_PROVIDER_SOURCE = "registry.terraform.io/hashicorp/aws";
