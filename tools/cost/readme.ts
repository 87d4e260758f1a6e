// npm run readme:cost
//
// Writes the README's cost tables, each the output of an `npm run cost` command: both envs as a
// first apply plans them, the reference workload's layout by Grafana's guidance, and the prod env
// with the reference workload's storage against the managed options. tests/terraform/envs.test.ts
// fails when the README's copy is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REFERENCE_LOAD } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { runCostOnPlan, runCost } from "./cli";
import { planEnv } from "./env-plan";
import { PlanJson } from "./plan-json";

export const README = join(__dirname, "..", "..", "README.md");
const START = "<!-- cost-tables:start (npm run readme:cost) -->";
const END = "<!-- cost-tables:end -->";

/** The reference workload as `--load` takes it. */
export const REFERENCE_LOAD_ARGUMENT = Object.entries(REFERENCE_LOAD)
  .filter(([, value]) => value !== 0)
  .map(([name, value]) => `${name}=${value}`)
  .join(",");

/** The tables, from the envs' plans. */
export async function costTables(plans: Readonly<Record<"dev" | "prod", PlanJson>>): Promise<string> {
  const section = (command: string, output: string) => [`#### \`${command}\``, "", output].join("\n");
  return [
    section("npm run cost -- dev", await runCostOnPlan(plans.dev, [])),
    section("npm run cost -- prod", await runCostOnPlan(plans.prod, [])),
    section(`npm run cost -- --sizing load --load ${REFERENCE_LOAD_ARGUMENT}`, await runCost(["--sizing", "load", "--load", REFERENCE_LOAD_ARGUMENT])),
    section(`npm run cost -- prod --load ${REFERENCE_LOAD_ARGUMENT}`, await runCostOnPlan(plans.prod, ["--load", REFERENCE_LOAD_ARGUMENT])),
  ].join("\n\n");
}

/** What the README holds between its markers. */
export function costTablesInReadme(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return readme.slice(start + START.length, end).replace(/^\n|\n$/g, "");
}

if (require.main === module) {
  (async () => {
    const tables = await costTables({ dev: await planEnv("dev"), prod: await planEnv("prod") });
    const readme = readFileSync(README, "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
    writeFileSync(README, `${readme.slice(0, start + START.length)}\n${tables}\n${readme.slice(end)}`);
  })().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
