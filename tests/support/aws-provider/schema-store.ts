import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENCODED_SCHEMA_FILE, PLANNING_INDEX_FILE } from "./runtime-files";
import type { PlanningIndex } from "./schema-compile";
import type { TypeSchema } from "./schema-types";

export type SchemaKind = "resources" | "data_sources" | "ephemeral_resources";

/**
 * Reads the precompiled schema files lazily: validate-only plugin starts
 * need just the encoded response, plan starts need a handful of types.
 */
export class SchemaStore {
  private encodedResponse?: Buffer;
  private index?: PlanningIndex;
  private readonly parsed = new Map<string, TypeSchema>();

  constructor(private readonly directory: string) {}

  encodedProviderSchema(): Buffer {
    this.encodedResponse ??= readFileSync(join(this.directory, ENCODED_SCHEMA_FILE));
    return this.encodedResponse;
  }

  planningIndex(): PlanningIndex {
    this.index ??= JSON.parse(readFileSync(join(this.directory, PLANNING_INDEX_FILE), "utf8")) as PlanningIndex;
    return this.index;
  }

  providerSchema(): TypeSchema {
    return this.parse("provider", this.planningIndex().provider);
  }

  typeSchema(kind: SchemaKind, typeName: string): TypeSchema | undefined {
    const json = this.planningIndex()[kind][typeName];
    return json === undefined ? undefined : this.parse(`${kind}/${typeName}`, json);
  }

  private parse(key: string, json: string): TypeSchema {
    let schema = this.parsed.get(key);
    if (!schema) {
      schema = JSON.parse(json) as TypeSchema;
      this.parsed.set(key, schema);
    }
    return schema;
  }
}
