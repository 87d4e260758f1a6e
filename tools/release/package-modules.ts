import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** A release tag: `vMAJOR.MINOR.PATCH`, the form the Terraform Registry reads as a version. */
export const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The registry's repository name for a module: `terraform-<provider>-<name>`. */
export const registryRepoName = (module: string) => `terraform-aws-${module}`;

const EXAMPLE_SOURCE = (module: string) => new RegExp(`(source\\s*=\\s*)"\\.\\./\\.\\./modules/${module}"`, "g");

const ANY_MODULE_SOURCE = /source\s*=\s*"\.\.\/\.\.\/modules\/([^"/]+)"/g;

/**
 * Example roots under `examples/` that call this module and otherwise only modules its package
 * carries (see {@link carrySiblings}): an example composing modules the package lacks would not
 * resolve inside one module's repository. A carried sibling keeps its `../../modules/<name>`
 * source, which reaches the package's own `modules/<name>/` from `examples/<example>/`.
 */
function examplesOf(terraformDir: string, module: string, carried: readonly string[]): string[] {
  const examplesDir = join(terraformDir, "examples");
  if (!existsSync(examplesDir)) return [];
  return readdirSync(examplesDir)
    .filter((example) => existsSync(join(examplesDir, example, "main.tf")))
    .filter((example) => {
      const called = new Set([...readFileSync(join(examplesDir, example, "main.tf"), "utf8").matchAll(ANY_MODULE_SOURCE)].map((match) => match[1]));
      return called.has(module) && [...called].every((name) => name === module || carried.includes(name));
    })
    .sort();
}

/** A call of a sibling published module: `"source": "../<name>"` in the module's main.tf.json. */
const SIBLING_SOURCE = /^\.\.\/([^/]+)$/;

/**
 * A module that calls its siblings (the whole-stack module calls `../network`...) cannot resolve
 * them in a repository of its own: the siblings are copied into the package as nested modules,
 * `modules/<name>/`, and the calls rewritten to `./modules/<name>`. Returns the siblings carried.
 */
function carrySiblings(terraformDir: string, stage: string): string[] {
  const mainFile = join(stage, "main.tf.json");
  const main = JSON.parse(readFileSync(mainFile, "utf8")) as { module?: Record<string, { source: string }> };
  const carried = new Set<string>();
  for (const call of Object.values(main.module ?? {})) {
    const sibling = SIBLING_SOURCE.exec(call.source)?.[1];
    if (sibling === undefined) continue;
    if (!carried.has(sibling)) {
      const into = join(stage, "modules", sibling);
      if (existsSync(into)) throw new Error(`the package's nested module modules/${sibling} would be overwritten by the sibling module ${sibling}`);
      cpSync(join(terraformDir, "modules", sibling), into, { recursive: true });
      carried.add(sibling);
    }
    call.source = `./modules/${sibling}`;
  }
  // Parsing keeps the generated file's key order, so only the sources change.
  if (carried.size > 0) writeFileSync(mainFile, JSON.stringify(main, null, 2) + "\n");
  return [...carried].sort();
}

/**
 * Lays a module out as its own repository would hold it (the standard module structure: the
 * module's files at the root, the sibling modules it calls under `modules/`, `examples/<name>/`
 * calling it as `../..`) and archives it as
 * `terraform-aws-<name>-<tag>.tar.gz`. The archive is reproducible: sorted entries, fixed
 * mtime and owner, so the same tree always gives the same bytes.
 */
export function packageModule(terraformDir: string, module: string, tag: string, outDir: string): string {
  if (!RELEASE_TAG.test(tag)) throw new Error(`release tag ${JSON.stringify(tag)} is not vMAJOR.MINOR.PATCH`);
  const moduleDir = join(terraformDir, "modules", module);
  if (!existsSync(join(moduleDir, "README.md"))) throw new Error(`${moduleDir} is not a published module (no README.md)`);
  const stage = mkdtempSync(join(tmpdir(), "lgtm-release-"));
  try {
    cpSync(moduleDir, stage, { recursive: true });
    const carried = carrySiblings(terraformDir, stage);
    for (const example of examplesOf(terraformDir, module, carried)) {
      const into = join(stage, "examples", example);
      cpSync(join(terraformDir, "examples", example), into, { recursive: true, filter: (path) => !path.includes(".terraform") });
      const main = join(into, "main.tf");
      writeFileSync(main, readFileSync(main, "utf8").replace(EXAMPLE_SOURCE(module), '$1"../.."'));
    }
    mkdirSync(outDir, { recursive: true });
    const archive = join(outDir, `${registryRepoName(module)}-${tag}.tar.gz`);
    const tar = execFileSync("tar", ["--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-cf", "-", "-C", stage, "."], {
      maxBuffer: 256 * 1024 * 1024,
    });
    // Node's gzip header carries no file name and mtime 0, unlike gzip's by default.
    writeFileSync(archive, gzipSync(tar, { level: 9 }));
    return archive;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Every published module (a folder under `modules/`), packaged. */
export function packageModules(terraformDir: string, tag: string, outDir: string): string[] {
  return readdirSync(join(terraformDir, "modules"))
    .sort()
    .map((module) => packageModule(terraformDir, module, tag, outDir));
}
