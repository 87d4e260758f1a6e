import { ANY, block, KeyNode, listOf, mapOf, scalar } from "./key-tree";

/**
 * The key tree of a configuration reference in the format dskit's doc generator writes (Loki,
 * Pyroscope): a YAML-like listing of the root block, then one `### <block>` section per reusable
 * block, where
 *   `[key: <type> | default = …]`  is a field,
 *   `key:`                          opens a nested block (its fields indented below it),
 *   `[key: <block>]`                is a field holding the `### block` section's block,
 *   `[<block>]`                     embeds that block's fields in the enclosing block, and
 *   `[: <map of string to T>]`      makes the enclosing block a free-form map.
 * Types it cannot resolve become free-form values, listed in {@link DskitReference.opaqueTypes}.
 */
export interface DskitReference {
  readonly root: KeyNode;
  /** Placeholder types that resolved to no block and no scalar: their contents go unchecked. */
  readonly opaqueTypes: ReadonlySet<string>;
}

interface Entry {
  key: string;
  indent: number;
  /** The `<type>` text; absent for a `key:` line that opens a nested block. */
  type?: string;
  entries: Entry[];
  /** `[<block>]`: the block's fields belong to the parent. */
  inline?: boolean;
}

const SCALARS: Record<string, KeyNode> = {
  string: scalar("string"),
  url: scalar("string"),
  time: scalar("string"),
  daytime: scalar("string"),
  int: scalar("int"),
  float: scalar("float"),
  boolean: scalar("boolean"),
  duration: scalar("duration"),
};

const FIELD = /^\[([A-Za-z0-9_.-]*): <([^>]*)>(?:\s*\|.*)?\]$/;
const INLINE = /^\[<([A-Za-z0-9_]+)>\]$/;
const NESTED = /^([A-Za-z0-9_.-]+):$/;

export function parseDskitMarkdown(markdown: string, rootHeading: RegExp): DskitReference {
  const { root, sections } = yamlBlocks(markdown, rootHeading);
  const opaqueTypes = new Set<string>();
  const resolved = new Map<string, KeyNode>();

  const sectionNode = (name: string): KeyNode => {
    if (!resolved.has(name)) {
      resolved.set(name, ANY);
      resolved.set(name, blockOf(sections.get(name)!));
    }
    return resolved.get(name)!;
  };

  const typeNode = (type: string): KeyNode => {
    if (SCALARS[type]) return SCALARS[type];
    if (sections.has(type)) return sectionNode(type);
    const list = /^list of (.+)$/.exec(type);
    if (list) {
      const element = list[1].replace(/s$/, "");
      if (SCALARS[element]) return listOf(SCALARS[element]);
      if (sections.has(element)) return listOf(sectionNode(element));
    }
    const map = /^map of string to (.*)$/.exec(type);
    if (map && (SCALARS[map[1]] || sections.has(map[1]) || /^list of /.test(map[1]))) return mapOf(typeNode(map[1]));
    opaqueTypes.add(type);
    return list ? listOf(ANY) : map ? mapOf(ANY) : ANY;
  };

  const blockOf = (entries: Entry[]): KeyNode => {
    const children = new Map<string, KeyNode>();
    for (const entry of entries) {
      if (entry.inline) {
        const embedded = sectionNode(entry.key);
        if (embedded.kind !== "block") throw new Error(`[<${entry.key}>] does not name a block`);
        embedded.children.forEach((node, key) => children.set(key, node));
      } else if (entry.key === "") {
        return typeNode(entry.type!);
      } else {
        children.set(entry.key, entry.type === undefined ? blockOf(entry.entries) : typeNode(entry.type));
      }
    }
    return block(children);
  };

  return { root: blockOf(root), opaqueTypes };
}

/**
 * The root listing and each `### name` section's listing, parsed into entries. A YAML block with
 * lines that are not entries is an example (e.g. under `named_stores_config`), not a listing.
 */
function yamlBlocks(markdown: string, rootHeading: RegExp): { root: Entry[]; sections: Map<string, Entry[]> } {
  const sections = new Map<string, Entry[]>();
  let root: Entry[] | undefined;
  let heading = "";
  let code: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (code) {
      if (line.startsWith("```")) {
        const entries = parseEntries(code);
        const section = /^### ([a-z0-9_]+)$/.exec(heading)?.[1];
        if (entries && rootHeading.test(heading)) root ??= entries;
        if (entries && section && !sections.has(section)) sections.set(section, entries);
        code = undefined;
      } else code.push(line);
    } else if (line.startsWith("```yaml")) code = [];
    else if (/^#{1,4} /.test(line)) heading = line.trim();
  }
  if (!root) throw new Error(`No YAML block under a heading matching ${rootHeading}`);
  return { root, sections };
}

function parseEntries(lines: string[]): Entry[] | undefined {
  const top: Entry = { key: "", indent: -1, entries: [] };
  const open: Entry[] = [top];
  for (const line of lines) {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    while (open[open.length - 1].indent >= indent) open.pop();
    const parent = open[open.length - 1];
    const field = FIELD.exec(text);
    const inline = INLINE.exec(text);
    const nested = NESTED.exec(text);
    if (field) parent.entries.push({ key: field[1], indent, type: field[2].trim(), entries: [] });
    else if (inline) parent.entries.push({ key: inline[1], indent, inline: true, entries: [] });
    else if (nested) {
      const entry: Entry = { key: nested[1], indent, entries: [] };
      parent.entries.push(entry);
      open.push(entry);
    } else return undefined;
  }
  return top.entries;
}
