import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { captureStackTrace as cdktfCaptureStackTrace } from "cdktf/lib/tokens/private/stack-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerEnvs } from "../../main";
import { buildApp } from "../../tools/synth/build";
import { captureStackTrace } from "../../tools/synth/lazy-stack-trace";
import { freshModules } from "../support/published";
import { REPO_ROOT } from "../support/terraform-runner";

// The launcher is plain JavaScript (node runs it without a loader); these are the parts tested here.
interface Launcher {
  sourceFiles(root: string): string[];
  sourceKey(root: string, files?: string[]): string;
  loadApp(dir: string): { app: CompiledApp };
}
/** What the bundle exports: tools/synth/entry.ts, compiled. */
type CompiledApp = typeof import("../../tools/synth/entry");
const launcher = createRequire(__filename)("../../tools/synth/synth.js") as Launcher;

const work = mkdtempSync(join(tmpdir(), "lgtm-synth-app-"));
let app: CompiledApp;

beforeAll(async () => {
  await buildApp(REPO_ROOT, launcher.sourceFiles(REPO_ROOT), join(work, "build", "app.js"));
  app = launcher.loadApp(join(work, "build")).app;
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder: relative path → bytes as text. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[path.slice(dir.length + 1)] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}

describe("the compiled synth app (npm run synth)", () => {
  it("publishes every module byte for byte as main.ts does under the TypeScript loader", () => {
    const compiled = new app.App({ skipValidation: true, outdir: join(work, "modules-out") });
    const modules = Object.fromEntries(app.registerModules(compiled).map((stack) => [stack.definition.name, app.publishedFiles(stack)]));
    expect(modules).toEqual(Object.fromEntries(freshModules()));
  });

  it("synthesizes the env roots byte for byte as main.ts does", () => {
    const compiled = new app.App({ outdir: join(work, "envs-compiled") });
    app.registerEnvs(compiled);
    compiled.synth();
    const reference = new App({ outdir: join(work, "envs-reference") });
    registerEnvs(reference);
    reference.synth();
    expect(tree(join(work, "envs-compiled"))).toEqual(tree(join(work, "envs-reference")));
  });

  it("removes the stack folders of envs that are gone, as cdktf synth does", () => {
    const outdir = join(work, "orphans");
    for (const stack of ["dev", "prod", "staging"]) mkdirSync(join(outdir, "stacks", stack), { recursive: true });
    app.removeOrphanStacks(outdir, ["dev", "prod"]);
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(["dev", "prod"]);
  });

  it("fails to build when the bundle reads a file the build key does not hash", async () => {
    const sources = launcher.sourceFiles(REPO_ROOT).filter((file) => file !== join(REPO_ROOT, "lib", "publish.ts"));
    await expect(buildApp(REPO_ROOT, sources, join(work, "unhashed", "app.js"))).rejects.toThrow(/outside its sources.*lib\/publish\.ts/);
  });
});

describe("the build key", () => {
  const root = join(work, "key-root");
  mkdirSync(join(root, "lib"), { recursive: true });
  for (const file of ["package-lock.json", "tsconfig.json", "main.ts", "lib/a.ts"]) writeFileSync(join(root, file), "{}");

  it("changes with any source, and only then", () => {
    const files = () => [join(root, "main.ts"), join(root, "lib", "a.ts")];
    const before = launcher.sourceKey(root, files());
    expect(launcher.sourceKey(root, files())).toBe(before);
    writeFileSync(join(root, "lib", "a.ts"), "{ }");
    expect(launcher.sourceKey(root, files())).not.toBe(before);
  });

  it("covers every file under the app's source folders", () => {
    const files = launcher.sourceFiles(REPO_ROOT).map((file) => file.slice(REPO_ROOT.length + 1));
    expect(files).toEqual(expect.arrayContaining(["main.ts", "lib/tsdoc.ts", "modules/network/props.ts", "envs/env-stack.ts", "tools/synth/synth.js"]));
  });
});

describe("the lazy stack trace the compiled app gives cdktf", () => {
  it("holds the same lines as cdktf's own, formatted on first read", () => {
    function capture(): [string[], string[]] {
      return [cdktfCaptureStackTrace(capture), captureStackTrace(capture)];
    }
    const [original, lazy] = capture();
    expect(original.length).toBeGreaterThan(0);
    expect(Array.isArray(lazy)).toBe(true);
    expect(lazy.length).toBe(original.length);
    expect(lazy.join("\n  at ")).toBe(original.join("\n  at "));
    expect([...lazy]).toEqual(original);
  });
});
