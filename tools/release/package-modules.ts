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
 * Example roots under `examples/` that call this module and no other in-tree module: an example
 * composing several modules (network + alb) would not resolve inside one module's repository.
 */
function examplesOf(terraformDir: string, module: string): string[] {
  const examplesDir = join(terraformDir, "examples");
  if (!existsSync(examplesDir)) return [];
  return readdirSync(examplesDir)
    .filter((example) => existsSync(join(examplesDir, example, "main.tf")))
    .filter((example) => {
      const called = new Set([...readFileSync(join(examplesDir, example, "main.tf"), "utf8").matchAll(ANY_MODULE_SOURCE)].map((match) => match[1]));
      return called.size === 1 && called.has(module);
    })
    .sort();
}

/**
 * Lays a module out as its own repository would hold it (the standard module structure: the
 * module's files at the root, `examples/<name>/` calling it as `../..`) and archives it as
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
    for (const example of examplesOf(terraformDir, module)) {
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
