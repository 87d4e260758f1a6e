import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { TerraformStack } from "cdktf";
import { synthAll } from "../../main";

// The compiled app's entry (tools/synth/build.ts bundles it). It exports, rather than runs, so the
// launcher decides when to synthesize and tests can load a bundle to compare it with main.ts.
export { App } from "cdktf";
export { registerEnvs, registerModules } from "../../main";
export { publishedFiles } from "../../lib/publish";

/** What `cdktf synth` does around the app: write everything, drop stack folders of envs that are gone. */
export function synth(): string[] {
  const envs = synthAll();
  const stacks = envs.node.children.filter(TerraformStack.isStack).map((stack) => stack.node.id);
  removeOrphanStacks(envs.outdir, stacks);
  return stacks;
}

/** Removes `<outdir>/stacks/<name>` for every name not synthesized now, as the cdktf CLI does after a synth. */
export function removeOrphanStacks(outdir: string, stacks: readonly string[]): void {
  const dir = join(outdir, "stacks");
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !stacks.includes(entry.name)) rmSync(join(dir, entry.name), { recursive: true });
  }
}
