// npm run synth: writes terraform/modules/* and cdktf.out/stacks/<env>, exactly as `cdktf synth`
// with main.ts does, in a fraction of the time. Plain JavaScript so node runs it without a loader.
//
// It runs a compiled bundle of the app (tools/synth/build.ts) with a V8 code cache, both kept in
// .gen/synth/<key>/. The key hashes every app source, the lock file (the bundle includes cdktf and
// the provider classes), tsconfig.json, node and the repository path, so any change rebuilds it;
// building needs esbuild and the TypeScript compiler, which the fast path never loads.
"use strict";
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { wrap } = require("node:module");
const { join } = require("node:path");
const { setFlagsFromString } = require("node:v8");
const { Script } = require("node:vm");

const ROOT = join(__dirname, "..", "..");
/** Everything the bundle may read from the repository; the build fails if it reads anything else. */
const APP_SOURCES = ["main.ts", "lib", "modules", "envs", "tools/synth"];
const BUILD_INPUTS = ["package-lock.json", "tsconfig.json"];
const BUNDLE = "app.js";
const CODE_CACHE = "app.js.cache";

/** Every file of the app's sources, absolute, sorted. */
function sourceFiles(root) {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  return APP_SOURCES.flatMap((source) => (statSync(join(root, source)).isDirectory() ? walk(join(root, source)) : [join(root, source)])).sort();
}

/** The build key: a hash of every input of the bundle and of the node that compiles its code cache. */
function sourceKey(root, files = sourceFiles(root)) {
  const hash = createHash("sha256").update([root, process.version, process.arch].join("\n"));
  for (const file of [...files, ...BUILD_INPUTS.map((input) => join(root, input))]) hash.update(`\n${file}\n`).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/** Builds the bundle into a staging folder renamed into place, so a concurrent synth never runs half a build. */
async function build(root, dir, files) {
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    require("tsx/cjs/api").register(); // build.ts is TypeScript; only a build needs the loader
    const { buildApp } = require("./build.ts");
    await buildApp(root, files, join(staging, BUNDLE));
    renameSync(staging, dir);
  } catch (error) {
    if (!existsSync(join(dir, BUNDLE))) throw error; // else another synth built the same key first
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  // Older keys' builds are never used again.
  for (const old of readdirSync(join(dir, ".."))) if (join(dir, "..", old) !== dir && !old.includes(".staging-")) rmSync(join(dir, "..", old), { recursive: true, force: true });
}

/** Loads the bundle with its code cache, and writes the cache after the first run (it then holds every function the run compiled). */
function loadApp(dir) {
  const file = join(dir, BUNDLE);
  const cacheFile = join(dir, CODE_CACHE);
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const app = { exports: {} };
  script.runInThisContext()(app.exports, require, app, file, dir);
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  };
  return { app: app.exports, saveCache };
}

async function main() {
  const files = sourceFiles(ROOT);
  const dir = join(ROOT, ".gen", "synth", sourceKey(ROOT, files));
  if (!existsSync(join(dir, BUNDLE))) await build(ROOT, dir, files);
  // A synth lasts under a second: optimizing compiles cost more than they save there (~0.1 s of
  // CPU). Set before the bundle is compiled, as V8 takes a code cache only under the same flags.
  setFlagsFromString("--no-opt");
  const { app, saveCache } = loadApp(dir);
  const stacks = app.synth();
  saveCache();
  console.log(`Generated Terraform code for the stacks: ${stacks.join(", ")} (and terraform/modules/*)`);
}

module.exports = { sourceFiles, sourceKey, loadApp };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
