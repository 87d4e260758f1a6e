import { build, Plugin } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileDocs } from "../../lib/tsdoc";
import { DocIndex } from "./indexed-tsdoc";

/**
 * Builds the compiled synth app: tools/synth/entry.ts and everything it imports, cdktf and the
 * provider classes included, as one CommonJS file. One file loads faster than hundreds of modules
 * and gets one V8 code cache (tools/synth/synth.js); lib/tsdoc.ts is swapped for the docs it would
 * read, so the app runs without the TypeScript compiler, and cdktf's stack-trace capture for a lazy one.
 *
 * `sources` are every app source file (absolute paths), as the launcher hashes them: the build
 * fails if the bundle reads any other file of the repository, since a change there would not
 * rebuild it.
 */
export async function buildApp(root: string, sources: readonly string[], outfile: string): Promise<void> {
  const substitutes = substitute([
    { original: (path) => path === join(root, "lib", "tsdoc.ts"), replacement: join(__dirname, "indexed-tsdoc.ts") },
    { original: (path) => /[\\/]node_modules[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/.test(path), replacement: join(__dirname, "lazy-stack-trace.ts") },
  ]);
  const docs: DocIndex = {};
  for (const file of sources.filter((source) => source.endsWith(".ts"))) {
    const declarations = fileDocs(file);
    if (declarations.size > 0) docs[file] = Object.fromEntries([...declarations].map(([name, members]) => [name, Object.fromEntries(members)]));
  }
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(__dirname, "entry.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "error",
    metafile: true,
    define: { TSDOC_INDEX: JSON.stringify(docs) },
    // The substitutes first: the first plugin to load a file decides its contents.
    plugins: [substitutes.plugin, moduleDirnames()],
  });
  substitutes.check();
  // Files only: `<define:TSDOC_INDEX>` is an input too.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith("<"))
    .map((input) => resolve(root, input));
  if (inputs.some((input) => /[\\/]node_modules[\\/]typescript[\\/]/.test(input))) throw new Error("The synth app must not load the TypeScript compiler (about 0.3 s per run).");
  const inRepo = inputs.filter((input) => !input.split(/[\\/]/).includes("node_modules"));
  const unhashed = inRepo.filter((input) => !sources.includes(input));
  if (unhashed.length > 0) {
    throw new Error(`The synth app reads files outside its sources, so editing them would not rebuild it: ${unhashed.map((file) => relative(root, file)).join(", ")}. Add their folder to APP_SOURCES in tools/synth/synth.js.`);
  }
}

/**
 * Each project module keeps its own `__dirname` and `__filename` in the bundle (module definitions
 * name their source files with them): a module-local declaration, which esbuild renames per module.
 */
function moduleDirnames(): Plugin {
  return {
    name: "module-dirnames",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, ({ path }) => {
        if (path.split(/[\\/]/).includes("node_modules")) return undefined;
        const text = readFileSync(path, "utf8");
        if (!/__dirname|__filename/.test(text)) return { contents: text, loader: "ts" };
        return { contents: `var __dirname = ${JSON.stringify(dirname(path))}, __filename = ${JSON.stringify(path)};\n${text}`, loader: "ts" };
      });
    },
  };
}

/** Compiles each replacement in place of the file it stands for; `check` fails if one was never used (its original moved). */
function substitute(swaps: { original: (path: string) => boolean; replacement: string }[]): { plugin: Plugin; check(): void } {
  const used = new Set<string>();
  return {
    plugin: {
      name: "substitute",
      setup(build) {
        build.onLoad({ filter: /\.[jt]s$/ }, ({ path }) => {
          const swap = swaps.find((candidate) => candidate.original(path));
          if (!swap) return undefined;
          used.add(swap.replacement);
          return { contents: readFileSync(swap.replacement, "utf8"), loader: "ts", resolveDir: dirname(swap.replacement) };
        });
      },
    },
    check() {
      const unused = swaps.filter((swap) => !used.has(swap.replacement)).map((swap) => swap.replacement);
      if (unused.length > 0) throw new Error(`The synth app build replaced nothing with ${unused.join(", ")}: the file each stands for is no longer loaded.`);
    },
  };
}
