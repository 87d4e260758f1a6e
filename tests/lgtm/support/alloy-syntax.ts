import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REPO_ROOT } from "../../support/terraform-runner";

/** A top-level component block: `<name> "<label>" { … }`. */
export interface AlloyComponent {
  readonly name: string;
  readonly label: string;
  /** The text between the block's braces. */
  readonly body: string;
}

/** The component blocks of an Alloy config, in order. */
export function alloyComponents(config: string): AlloyComponent[] {
  const components: AlloyComponent[] = [];
  for (const match of config.matchAll(/^([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+) "([^"]*)" \{/gm)) {
    const open = match.index! + match[0].length;
    components.push({ name: match[1], label: match[2], body: config.slice(open, closingBrace(config, open)) });
  }
  return components;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces after offset ${from}`);
}

/**
 * Every reference to a component export (`<component name>.<label>.<export>`: four or more dotted
 * parts, as component names have at least two), outside strings and comments.
 */
export function alloyReferences(config: string): string[] {
  const code = config.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/gm, "");
  return [...code.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*){3,}\b/g)].map((match) => match[0]);
}

/** Component → stability stage, from the Alloy 1.18.1 component index in ../shared/reference. */
export function alloyComponentStages(): Map<string, string> {
  const index = readFileSync(resolve(REPO_ROOT, "..", "shared", "reference", "alloy-1.18.1-components.md"), "utf8");
  return new Map([...index.matchAll(/^\| `([a-z0-9_.]+)` \| ([a-z-]*) \|/gm)].map((match) => [match[1], match[2]]));
}
