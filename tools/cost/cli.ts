import { existsSync, readFileSync, statSync } from "node:fs";
import { LgtmLoad, parseLoad } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { sizeForLoad } from "../../modules/ecs-fargate/lgtm/sizing/for-load";
import { LGTM_PROFILES, LgtmSizing } from "../../modules/ecs-fargate/lgtm/sizing/sizing";
import { Assumptions, parseAssumptions } from "./assumptions";
import { estimatePlan, PlanEstimate } from "./estimate";
import { planEnv } from "./env-plan";
import { estimateManaged, ManagedEstimate } from "./managed";
import { PlanJson } from "./plan-json";
import { dollars, renderManaged, renderPlanEstimate, renderSizing } from "./report";

export const USAGE = `Usage:
  npm run cost -- <env | plan.json> [--load name=value,...] [--region <region>] [--assume name=value,...] [--json]
  npm run cost -- --sizing <dev | prod | load> [--load name=value,...] [--region <region>]

  <env>       an env (dev, prod): synthesized and planned offline, as a first apply would plan it
  plan.json   the output of \`terraform show -json <planfile>\`
  --load      e.g. active_series=1000000,scrape_interval_seconds=15,logs_gb_per_day=100,traces_gb_per_day=50
              (profiles_per_second too; volumes default to 0): prices the S3 storage it needs and the
              same load on the managed services
  --region    price in this region instead of the plan's (priced: us-east-1, ap-northeast-2)
  --assume    override usage assumptions; each one used is printed with its default and reason
  --json      the estimate as JSON
  --sizing    a sizing's roles, Fargate cost and capacity: a profile, or Grafana's guidance for --load`;

export class UsageError extends Error {}

export interface CostCommand {
  readonly target?: string;
  readonly sizing?: "dev" | "prod" | "load";
  readonly load?: LgtmLoad;
  readonly region?: string;
  readonly assumptions: Partial<Assumptions>;
  readonly json: boolean;
}

export function parseArgs(argv: readonly string[]): CostCommand {
  const args = [...argv];
  const command: { -readonly [K in keyof CostCommand]: CostCommand[K] } = { assumptions: {}, json: false };
  const value = (flag: string) => {
    const next = args.shift();
    if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value.`);
    return next;
  };
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === "--load") command.load = parseLoad(value(arg));
    else if (arg === "--region") command.region = value(arg);
    else if (arg === "--assume") command.assumptions = { ...command.assumptions, ...parseAssumptions(value(arg)) };
    else if (arg === "--json") command.json = true;
    else if (arg === "--sizing") {
      const name = value(arg);
      if (name !== "dev" && name !== "prod" && name !== "load") throw new UsageError(`--sizing takes dev, prod or load (got "${name}").`);
      command.sizing = name;
    } else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}.`);
    else if (command.target !== undefined) throw new UsageError(`One env or plan at a time (got "${command.target}" and "${arg}").`);
    else command.target = arg;
  }
  if (command.sizing === "load" && !command.load) throw new UsageError("--sizing load needs --load.");
  if (command.sizing && command.sizing !== "load" && command.load) throw new UsageError(`--sizing ${command.sizing} is a fixed layout; --load goes with --sizing load.`);
  if (!command.sizing && command.target === undefined) throw new UsageError("Name an env or a plan JSON file.");
  if (command.sizing && command.target !== undefined) throw new UsageError("--sizing prints a sizing; it takes no env or plan.");
  return command;
}

async function loadPlan(target: string): Promise<PlanJson> {
  if (target.endsWith(".json") || (existsSync(target) && statSync(target).isFile())) return JSON.parse(readFileSync(target, "utf8")) as PlanJson;
  return planEnv(target);
}

/** The plan's total, plus the S3 storage the load needs when the plan holds no bucket yet. */
function selfHostedRows(estimate: PlanEstimate, managed: ManagedEstimate): { label: string; usd: number }[] {
  const rows = [{ label: "Self-hosted: this plan", usd: estimate.after.totalUsd }];
  if (!estimate.after.lines.some((line) => line.id === "s3.storage")) {
    const s3 = managed.selfHostedStorage;
    rows.push({ label: `+ ${s3.item}: ${s3.arithmetic} (the plan has no bucket)`, usd: s3.monthlyUsd }, { label: "Self-hosted total", usd: estimate.after.totalUsd + s3.monthlyUsd });
  }
  return rows;
}

/** Runs the command and returns what it prints. */
export async function runCost(argv: readonly string[]): Promise<string> {
  const command = parseArgs(argv);
  if (command.sizing) {
    const sizing: LgtmSizing = command.sizing === "load" ? sizeForLoad(command.load!) : LGTM_PROFILES[command.sizing];
    return command.json ? JSON.stringify(sizing, null, 2) : renderSizing(sizing, command.region ?? "us-east-1");
  }
  return priced(await loadPlan(command.target!), command);
}

/** `npm run cost -- <plan> <options>` on a plan already at hand (the README's tables, from the envs' test plans). */
export async function runCostOnPlan(plan: PlanJson, options: readonly string[]): Promise<string> {
  return priced(plan, parseArgs(["plan.json", ...options]));
}

function priced(plan: PlanJson, command: CostCommand): string {
  const estimate = estimatePlan(plan, { region: command.region, load: command.load, assumptions: command.assumptions });
  const managed = command.load ? estimateManaged(command.load, estimate.region, command.assumptions) : undefined;
  if (command.json) return JSON.stringify({ estimate, ...(managed ? { managed } : {}) }, null, 2);
  const parts = [renderPlanEstimate(estimate)];
  if (managed) {
    parts.push(renderManaged(managed, selfHostedRows(estimate, managed)));
    parts.push(`Self-hosted is the plan as sized (${dollars(estimate.after.totalUsd)}); \`npm run cost -- --sizing load --load ...\` shows the layout the load needs.`);
  }
  return parts.join("\n\n");
}

if (require.main === module) {
  runCost(process.argv.slice(2)).then(
    (output) => console.log(output),
    (error: Error) => {
      console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error.message);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
