import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { registerEnvs } from "../main";
import { EXAMPLES_DIR } from "../lib/publish";
import { PlanJson } from "../tools/cost/plan-json";
import { checkTerraform, formatDiagnostics } from "../tests/support/terraform-runner";
import { median } from "./measure";

export type Stage = "init" | "plan" | "show" | "total";
const STAGES: readonly Stage[] = ["init", "plan", "show", "total"];

export interface ConfigTimings {
  readonly kind: "example" | "env";
  /** The example's folder or the env's name. */
  readonly id: string;
  /** Median milliseconds per stage over the runs; undefined when a run failed. */
  readonly medians?: Readonly<Record<Stage, number>>;
  readonly runs: number;
  /** The first run's plan. */
  readonly plan?: PlanJson;
  readonly error?: string;
}

/**
 * Every example under terraform/examples and every env (synthesized afresh into a temporary
 * folder), each through the offline harness's init, plan and show `runs` times, one after
 * another so they do not compete for the cores.
 */
export async function timeTerraform(runs: number): Promise<ConfigTimings[]> {
  const outdir = mkdtempSync(join(tmpdir(), "lgtm-bench-"));
  try {
    const app = new App({ outdir });
    const envs = registerEnvs(app).map((stack) => stack.node.id);
    app.synth();
    const configs = [
      ...readdirSync(EXAMPLES_DIR).map((example) => ({ kind: "example" as const, id: example, dir: join(EXAMPLES_DIR, example) })),
      ...envs.map((env) => ({ kind: "env" as const, id: env, dir: join(outdir, "stacks", env) })),
    ];
    const timings: ConfigTimings[] = [];
    for (const config of configs) timings.push({ kind: config.kind, id: config.id, ...(await timeConfig(config.dir, runs)) });
    return timings;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function timeConfig(dir: string, runs: number): Promise<Pick<ConfigTimings, "medians" | "runs" | "plan" | "error">> {
  const stages: Record<Stage, number[]> = { init: [], plan: [], show: [], total: [] };
  let plan: PlanJson | undefined;
  for (let run = 0; run < runs; run++) {
    const result = await checkTerraform(dir);
    if (!result.ok || !result.plan) return { runs: run + 1, error: formatDiagnostics(result.diagnostics).split("\n")[0] || "terraform failed" };
    plan ??= result.plan as PlanJson;
    for (const stage of STAGES) stages[stage].push(result.timings[stage] ?? 0);
  }
  const medians = Object.fromEntries(STAGES.map((stage) => [stage, median(stages[stage])])) as Record<Stage, number>;
  return { medians, runs, plan };
}
