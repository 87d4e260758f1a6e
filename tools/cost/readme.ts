// npm run readme:cost
//
// Writes the README's cost tables, each the output of an `npm run cost` command: both envs as a
// first apply plans them, the reference workload's layout by Grafana's guidance, and the prod env
// with the reference workload's storage against the managed options. tests/terraform/envs.test.ts
// fails when the README's copy is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { README, ReadmeBlock } from "../readme-block";
import { REFERENCE_LOAD } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { runCostOnPlan, runCost } from "./cli";
import { planEnv } from "./env-plan";
import { PlanJson } from "./plan-json";

export const COST_TABLES = new ReadmeBlock("cost-tables", "npm run readme:cost");

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

if (require.main === module) {
  (async () => {
    const tables = await costTables({ dev: await planEnv("dev"), prod: await planEnv("prod") });
    writeFileSync(README, COST_TABLES.with(readFileSync(README, "utf8"), tables));
  })().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
