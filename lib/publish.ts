import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { ModuleFiles, PublishableModule } from "./module-stack";
import { moduleReadme } from "./readme";

/** The committed tree of generated, publishable Terraform. */
export const TERRAFORM_DIR = join(__dirname, "..", "terraform");
/** Hand-written HCL roots that call the published modules; `<module>/main.tf` (or the definition's `example`) is its README usage. */
export const EXAMPLES_DIR = join(TERRAFORM_DIR, "examples");

/** Every file of a published module, README included. */
export function publishedFiles(stack: PublishableModule): ModuleFiles {
  const files = stack.toModuleFiles();
  const { name, summary, example } = stack.definition;
  const usage = readFileSync(join(EXAMPLES_DIR, example ?? name, "main.tf"), "utf8");
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
  for (const stale of filesIn(dir).filter((file) => !(file in files))) rmSync(join(dir, stale));
  removeEmptyFolders(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

/** Every file under a folder, as paths relative to it with `/` separators, sorted. */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split(sep).join("/")];
    });
  return walk(dir).sort();
}

function removeEmptyFolders(folder: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (!statSync(path).isDirectory()) continue;
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}
