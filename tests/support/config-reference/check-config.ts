import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REPO_ROOT } from "../terraform-runner";
import { parseDskitMarkdown } from "./dskit-markdown";
import { KeyNode, replaceAt, ScalarType } from "./key-tree";
import { parseMimirDescriptor } from "./mimir-descriptor";
import { SUPPLEMENTS, supplementNode } from "./supplements";
import { parseTempoReference } from "./tempo-manifest";

/** The components whose configs are checked, each against the reference of its pinned version. */
export type Component = "mimir" | "loki" | "tempo" | "pyroscope";

/** One way a config departs from its reference. */
export interface ConfigProblem {
  /** Dotted key path, with `[i]` for list items. */
  readonly path: string;
  readonly problem: string;
}

/** A key the config uses that the primary reference does not describe, and what does. */
export interface SecondarySource {
  readonly path: string;
  readonly origin: string;
}

export const REFERENCE_DIR = resolve(REPO_ROOT, "..", "shared", "reference");

const read = (file: string) => readFileSync(resolve(REFERENCE_DIR, file), "utf8");

const PRIMARY: Record<Component, () => KeyNode> = {
  mimir: () => parseMimirDescriptor(read("mimir-3.0.2-config-descriptor.json")),
  loki: () => parseDskitMarkdown(read("loki-3.7.6-configuration.md"), /^### Supported contents and default values/).root,
  tempo: () => parseTempoReference(read("tempo-2.10.8-manifest.md"), read("tempo-2.10.8-configuration.md")),
  pyroscope: () => parseDskitMarkdown(read("pyroscope-1.21.1-reference-configuration.md"), /^## Configuration parameters$/).root,
};

const trees = new Map<Component, KeyNode>();

/** The component's key tree: its reference, with the {@link SUPPLEMENTS} in place. */
export function referenceTree(component: Component): KeyNode {
  if (!trees.has(component)) {
    const supplemented = (SUPPLEMENTS[component] ?? []).reduce((tree, supplement) => replaceAt(tree, supplement.path, supplementNode(supplement)), PRIMARY[component]());
    trees.set(component, supplemented);
  }
  return trees.get(component)!;
}

/** Every key path the reference does not know and every value of the wrong type; empty when the config fits. */
export function checkConfig(component: Component, config: unknown): ConfigProblem[] {
  return problemsAgainst(referenceTree(component), config);
}

/** {@link checkConfig} against any key tree. */
export function problemsAgainst(tree: KeyNode, config: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  walk(tree, config, "", { problem: (path, problem) => problems.push({ path, problem }), origin: () => {} });
  return problems;
}

/** The keys of the config that only a secondary source (the Tempo guide, a supplement) vouches for. */
export function secondarySources(component: Component, config: unknown): SecondarySource[] {
  const found: SecondarySource[] = [];
  walk(referenceTree(component), config, "", { problem: () => {}, origin: (path, origin) => found.push({ path, origin }) });
  return found;
}

interface Visitor {
  problem(path: string, problem: string): void;
  origin(path: string, origin: string): void;
}

// Go's time.Duration units only: every component takes hours, and `d`/`w`/`y` are not valid everywhere.
const DURATION = /^(0|(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+)$/;

function walk(node: KeyNode, value: unknown, path: string, visit: Visitor): void {
  if (node.origin) visit.origin(path, node.origin);
  const holds = (expected: string, ok: boolean): boolean => {
    if (!ok) visit.problem(path, `expected ${expected}, got ${JSON.stringify(value)}`);
    return ok;
  };
  switch (node.kind) {
    case "any":
      return;
    case "scalar":
      holds(SCALAR_CHECKS[node.type].expected, SCALAR_CHECKS[node.type].test(value));
      return;
    case "list":
      if (holds("a list", Array.isArray(value))) (value as unknown[]).forEach((item, i) => walk(node.element, item, `${path}[${i}]`, visit));
      return;
    case "map":
      if (holds("a map", isMapping(value))) for (const [key, inner] of Object.entries(value as object)) walk(node.value, inner, join(path, key), visit);
      return;
    case "block":
      if (!holds("a block", isMapping(value))) return;
      for (const [key, inner] of Object.entries(value as object)) {
        const child = node.children.get(key);
        if (child) walk(child, inner, join(path, key), visit);
        else visit.problem(join(path, key), "unknown key");
      }
  }
}

const SCALAR_CHECKS: Record<ScalarType, { expected: string; test: (value: unknown) => boolean }> = {
  string: { expected: "a string", test: (value) => typeof value === "string" },
  int: { expected: "an integer", test: (value) => Number.isInteger(value) },
  float: { expected: "a number", test: (value) => typeof value === "number" },
  boolean: { expected: "a boolean", test: (value) => typeof value === "boolean" },
  duration: { expected: "a duration", test: (value) => value === 0 || (typeof value === "string" && DURATION.test(value)) },
};

const isMapping = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
