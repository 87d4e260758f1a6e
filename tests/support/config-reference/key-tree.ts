/** Value types a reference gives its leaves. */
export type ScalarType = "string" | "int" | "float" | "boolean" | "duration";

/** One node of a component's config schema as its reference describes it. */
export type KeyNode =
  | { readonly kind: "block"; readonly children: Map<string, KeyNode>; readonly origin?: string }
  | { readonly kind: "scalar"; readonly type: ScalarType; readonly origin?: string }
  | { readonly kind: "list"; readonly element: KeyNode; readonly origin?: string }
  | { readonly kind: "map"; readonly value: KeyNode; readonly origin?: string }
  /** Anything goes: a free-form value the reference does not describe further. */
  | { readonly kind: "any"; readonly origin?: string };

export const scalar = (type: ScalarType): KeyNode => ({ kind: "scalar", type });
export const listOf = (element: KeyNode): KeyNode => ({ kind: "list", element });
export const mapOf = (value: KeyNode): KeyNode => ({ kind: "map", value });
export const ANY: KeyNode = { kind: "any" };

export function block(children: Record<string, KeyNode> | Map<string, KeyNode> = {}): KeyNode & { kind: "block" } {
  return { kind: "block", children: children instanceof Map ? children : new Map(Object.entries(children)) };
}

/** The same node marked as coming from a source other than the component's primary reference. */
export function withOrigin(node: KeyNode, origin: string): KeyNode {
  return { ...node, origin };
}

/**
 * The node at a dotted path, `[]` stepping into a list's element (`a.b[].c`); undefined when the
 * path leaves the tree.
 */
export function nodeAt(root: KeyNode, path: string): KeyNode | undefined {
  let node: KeyNode | undefined = root;
  for (const step of pathSteps(path)) {
    if (step === "[]") node = node?.kind === "list" ? node.element : undefined;
    else node = node?.kind === "block" ? node.children.get(step) : undefined;
  }
  return node;
}

/** A copy of the tree with the node at `path` replaced; the parent path must exist. */
export function replaceAt(root: KeyNode, path: string, replacement: KeyNode): KeyNode {
  return replaceSteps(root, pathSteps(path), replacement, path);
}

function replaceSteps(node: KeyNode, steps: string[], replacement: KeyNode, path: string): KeyNode {
  if (steps.length === 0) return replacement;
  const [step, ...rest] = steps;
  if (step === "[]") {
    if (node.kind !== "list") throw new Error(`${path}: not a list at ${step}`);
    return { ...node, element: replaceSteps(node.element, rest, replacement, path) };
  }
  if (node.kind !== "block") throw new Error(`${path}: not a block at ${step}`);
  const child = node.children.get(step) ?? (rest.length === 0 ? ANY : undefined);
  if (!child) throw new Error(`${path}: no key ${step}`);
  const children = new Map(node.children);
  children.set(step, replaceSteps(child, rest, replacement, path));
  return { ...node, children };
}

function pathSteps(path: string): string[] {
  return path.split(".").flatMap((part) => (part.endsWith("[]") ? [part.slice(0, -2), "[]"] : [part])).filter((step) => step !== "");
}
