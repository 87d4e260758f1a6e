import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ModuleFiles, PublishableModule } from "./module-stack";
import { moduleReadme } from "./readme";

/** The committed tree of generated, publishable Terraform. */
export const TERRAFORM_DIR = join(__dirname, "..", "terraform");
/** Hand-written HCL roots that call the published modules; `<module>/main.tf` is its README usage. */
export const EXAMPLES_DIR = join(TERRAFORM_DIR, "examples");

/** Every file of a published module, README included. */
export function publishedFiles(stack: PublishableModule): ModuleFiles {
  const files = stack.toModuleFiles();
  const { name, summary } = stack.definition;
  const usage = readFileSync(join(EXAMPLES_DIR, name, "main.tf"), "utf8");
  files["README.md"] = moduleReadme({ name, summary, usage }, files);
  return files;
}

/** The folder a module is published to. */
export function moduleDir(name: string, root = TERRAFORM_DIR): string {
  return join(root, "modules", name);
}

/** Writes the module's files and removes any other file left in its folder by an earlier synth. */
export function writeModule(dir: string, files: ModuleFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const stale of readdirSync(dir).filter((file) => !(file in files))) rmSync(join(dir, stale), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
}
