import { ANY, block, KeyNode, listOf, mapOf, scalar } from "./key-tree";

/** An entry of Mimir's `cmd/mimir/config-descriptor.json`. */
interface DescriptorEntry {
  kind: "block" | "field";
  name: string;
  blockEntries?: DescriptorEntry[];
  fieldType?: string;
  fieldElement?: DescriptorEntry;
}

/** The descriptor's field types, as the values a YAML file may give them. */
const FIELD_TYPES: Record<string, KeyNode> = {
  string: scalar("string"),
  url: scalar("string"),
  int: scalar("int"),
  float: scalar("float"),
  boolean: scalar("boolean"),
  duration: scalar("duration"),
  "list of strings": listOf(scalar("string")),
  "list of durations": listOf(scalar("duration")),
  "map of string to string": mapOf(scalar("string")),
  "map of string to int": mapOf(scalar("int")),
  "map of string to float64": mapOf(scalar("float")),
  "map of tracker name (string) to matcher (string)": mapOf(scalar("string")),
  // Prometheus relabel rules: their own schema, not in the descriptor.
  "relabel_config...": listOf(ANY),
};

/** The key tree of a Mimir config descriptor (the JSON Mimir generates from its config structs). */
export function parseMimirDescriptor(json: string): KeyNode {
  return blockNode(JSON.parse(json) as DescriptorEntry);
}

function blockNode(entry: DescriptorEntry): KeyNode {
  return block(new Map((entry.blockEntries ?? []).map((child) => [child.name, entryNode(child)])));
}

function entryNode(entry: DescriptorEntry): KeyNode {
  if (entry.kind === "block") return blockNode(entry);
  if (entry.fieldType === "slice" && entry.fieldElement) return listOf(blockNode(entry.fieldElement));
  const type = FIELD_TYPES[entry.fieldType ?? ""];
  if (!type) throw new Error(`Mimir descriptor: field ${entry.name} has an unknown type "${entry.fieldType}"`);
  return type;
}
