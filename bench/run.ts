/**
 * `npm run bench`: synth against the cdktf CLI, the test suite's wall time, terraform per example
 * and env, resources per env and published module, and each env's monthly cost, with issue 11's
 * goals shown as met or not. Numbers to watch across changes, never asserted in tests.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { App } from "cdktf";
import { registerModules } from "../main";
import { REPO_ROOT } from "../tests/support/terraform-runner";
import { README, ReadmeBlock } from "../tools/readme-block";
import { envCost } from "./cost";
import { BenchOptions, benchOptions, USAGE } from "./options";
import { median, timeCommand } from "./measure";
import { BenchResult, goalFor, renderBench, SYNTH_GOAL_MS, TEST_GOAL_MS, TestTimings } from "./report";
import { plannedResources, resourcesByPublishedModule } from "./resources";
import { timeSynth } from "./synth";
import { timeTerraform } from "./terraform";

/** The README's copy of the tables, from the run that wrote it (timings vary, so no test compares it). */
export const BENCH_TABLES = new ReadmeBlock("bench", "npm run bench -- --readme");

function timeTests(runs: number): TestTimings | undefined {
  if (runs === 0) return undefined;
  const results = Array.from({ length: runs }, () => timeCommand("npm", ["test"], REPO_ROOT));
  const medianMs = median(results.map((result) => result.ms));
  return { medianMs, runs, failed: results.filter((result) => result.status !== 0).length, goal: goalFor(medianMs, TEST_GOAL_MS, "≤ 60 s on 2 cores") };
}

export async function bench(options: BenchOptions): Promise<BenchResult> {
  const start = loadavg();
  const synth = timeSynth(REPO_ROOT, options.runs);
  const configs = await timeTerraform(options.tfRuns);
  const test = timeTests(options.testRuns);
  const examplePlan = (module: string) => configs.find((config) => config.kind === "example" && config.id === module)?.plan;
  return {
    machine: { node: process.version, cpus: cpus().length, loadAverage: { start, end: loadavg() } },
    synth: { ...synth, ratio: synth.medians.project / synth.medians.cdktf, goal: goalFor(synth.medians.project, SYNTH_GOAL_MS, "≤ 1 s") },
    ...(test ? { test } : {}),
    terraform: configs.map(({ plan, ...config }) => ({ ...config, ...(plan ? { resources: plannedResources(plan) } : {}) })),
    // The example a module's README shows, which is the one named after it unless the definition says.
    modules: registerModules(new App({ skipValidation: true })).map(({ definition: { name: module, example } }) => {
      const plan = examplePlan(example ?? module);
      return { module, ...(plan ? { resources: resourcesByPublishedModule(plan).get(module) ?? 0 } : {}) };
    }),
    cost: configs
      .filter((config) => config.kind === "env")
      .map(({ id: env, plan, error }) => {
        if (!plan) return { env, error: `no plan: ${error}` };
        try {
          return envCost(env, plan);
        } catch (error) {
          return { env, error: (error as Error).message };
        }
      }),
  };
}

if (require.main === module) {
  let options: BenchOptions;
  try {
    options = benchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  bench(options).then(
    (result) => {
      const tables = renderBench(result);
      console.log(options.json ? JSON.stringify(result, null, 2) : tables);
      if (options.readme) writeFileSync(README, BENCH_TABLES.with(readFileSync(README, "utf8"), tables));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
