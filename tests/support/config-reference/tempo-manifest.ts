import { parse } from "yaml";
import { ANY, block, KeyNode, listOf, mapOf, scalar, ScalarType, withOrigin } from "./key-tree";

export const TEMPO_GUIDE = "Tempo configuration guide";

/**
 * The key tree of Tempo's manifest (`manifest.md`: the complete default config, every key with
 * its default), typed by those defaults. Where the manifest leaves a value null, `{}` or `[]`,
 * the configuration guide (`configuration/_index.md`) fills in what it documents there, marked
 * with {@link TEMPO_GUIDE}; elsewhere the guide is not used, as its examples are not always
 * current (e.g. `overrides.defaults.ingestion.limit_bytes`).
 */
export function parseTempoReference(manifest: string, guide: string): KeyNode {
  const defaults = parse(yamlFences(manifest)[0]) as Record<string, unknown>;
  const guideRoot = guideTree(guide, new Set(Object.keys(defaults)));
  return manifestNode(defaults, guideRoot);
}

/** A node typed by its default, with gaps (null, `{}`, `[]`) filled from the guide's node at the same place. */
function manifestNode(value: unknown, guide: KeyNode | undefined): KeyNode {
  const gapFilled = () => (guide ? withOrigin(guide, TEMPO_GUIDE) : undefined);
  if (value === null) return gapFilled() ?? ANY;
  if (Array.isArray(value)) {
    if (value.length === 0) return gapFilled() ?? listOf(ANY);
    return listOf(manifestNode(value[0], guide?.kind === "list" ? guide.element : undefined));
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return gapFilled() ?? mapOf(ANY);
    const children = guide?.kind === "block" ? guide.children : new Map<string, KeyNode>();
    return block(new Map(entries.map(([key, inner]) => [key, manifestNode(inner, children.get(key))])));
  }
  return scalar(scalarTypeOf(value));
}

const GO_DURATION = /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

function scalarTypeOf(value: unknown): ScalarType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return typeof value === "string" && GO_DURATION.test(value) ? "duration" : "string";
}

const GUIDE_TYPES: Record<string, KeyNode> = {
  string: scalar("string"),
  bool: scalar("boolean"),
  boolean: scalar("boolean"),
  int: scalar("int"),
  uint: scalar("int"),
  uint64: scalar("int"),
  float: scalar("float"),
  float64: scalar("float"),
  duration: scalar("duration"),
  "list of string": listOf(scalar("string")),
  "list of strings": listOf(scalar("string")),
  "list of float": listOf(scalar("float")),
  map: mapOf(ANY),
};

interface GuideEntry {
  indent: number;
  children: Map<string, GuideEntry>;
  type?: KeyNode;
  /** The entry's children are list items (`- key: …` or `[- <…>]`). */
  list?: boolean;
}

/**
 * The guide's YAML listings merged into one tree: only those whose top-level keys are all root
 * keys of the manifest (the others document reusable blocks, not the root). The guide mixes
 * `[key: <type> | default = …]` fields, bare `key:` blocks and example values; lines that fit
 * none of them are skipped, as the guide is only a fallback.
 */
function guideTree(guide: string, rootKeys: Set<string>): KeyNode {
  const root: GuideEntry = { indent: -1, children: new Map() };
  for (const listing of yamlFences(guide)) {
    const parsed: GuideEntry = { indent: -1, children: new Map() };
    parseGuideListing(listing, parsed);
    if (parsed.children.size === 0 || ![...parsed.children.keys()].every((key) => rootKeys.has(key))) continue;
    mergeEntry(root, parsed);
  }
  return guideNode(root);
}

function parseGuideListing(listing: string, top: GuideEntry): void {
  const open: GuideEntry[] = [top];
  for (const line of listing.split("\n")) {
    const text = line.replace(/\s+#.*$/, "").trim();
    if (text === "" || text.startsWith("#") || text === "---") continue;
    const indent = line.length - line.trimStart().length;
    while (open[open.length - 1].indent >= indent) open.pop();
    const parent = open[open.length - 1];
    if (/^\[?- [<(]/.test(text)) {
      parent.list = true;
      continue;
    }
    const item = text.startsWith("- ");
    const match = /^\[?([A-Za-z0-9_.-]+):\s*(.*?)\]?$/.exec(item ? text.slice(2) : text);
    if (!match) continue;
    if (item) parent.list = true;
    const entry: GuideEntry = { indent: item ? indent + 2 : indent, children: new Map(), type: guideType(match[2]) };
    parent.children.set(match[1], entry);
    open.push(entry);
  }
}

function guideType(text: string): KeyNode | undefined {
  if (text === "") return undefined;
  const placeholder = /^<([^>|]*)/.exec(text);
  if (placeholder) return GUIDE_TYPES[placeholder[1].trim()] ?? ANY;
  try {
    return scalar(scalarTypeOf(parse(text)));
  } catch {
    return undefined;
  }
}

function mergeEntry(into: GuideEntry, from: GuideEntry): void {
  into.list ||= from.list;
  into.type ??= from.type;
  for (const [key, child] of from.children) {
    const existing = into.children.get(key);
    if (existing) mergeEntry(existing, child);
    else into.children.set(key, child);
  }
}

function guideNode(entry: GuideEntry): KeyNode {
  const children = block(new Map([...entry.children].map(([key, child]) => [key, guideNode(child)])));
  if (entry.list) return listOf(children.children.size > 0 ? children : ANY);
  return entry.children.size > 0 ? children : (entry.type ?? block());
}

function yamlFences(markdown: string): string[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((match) => match[1]);
}
