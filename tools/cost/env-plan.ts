import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { registerEnvs } from "../../main";
import { checkTerraform, formatDiagnostics } from "../../tests/support/terraform-runner";
import { PlanJson } from "./plan-json";

/**
 * Synthesizes the envs into a temporary outdir and plans one with the offline terraform harness
 * (tests/support/terraform-runner.ts: real terraform against the stand-in provider), the plan a
 * first apply would make.
 */
export async function planEnv(env: string): Promise<PlanJson> {
  const outdir = mkdtempSync(join(tmpdir(), "lgtm-cost-"));
  try {
    const app = new App({ outdir });
    const names = registerEnvs(app).map((stack) => stack.node.id);
    if (!names.includes(env)) throw new Error(`Unknown env "${env}"; envs: ${names.join(", ")}.`);
    app.synth();
    const result = await checkTerraform(join(outdir, "stacks", env));
    if (!result.ok || !result.plan) throw new Error(`terraform could not plan env ${env}:\n${formatDiagnostics(result.diagnostics)}`);
    return result.plan as PlanJson;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
