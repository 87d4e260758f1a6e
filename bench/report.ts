import { dollars } from "../tools/cost/report";
import { EnvCost, Goal } from "./cost";
import { SYNTH_COMMANDS, SynthCommand, SynthTimings } from "./synth";
import { ConfigTimings, Stage } from "./terraform";

export interface TestTimings {
  readonly medianMs: number;
  readonly runs: number;
  /** Runs that exited non-zero (their time still counts). */
  readonly failed: number;
  readonly goal: Goal;
}

export interface BenchResult {
  readonly machine: { readonly node: string; readonly cpus: number; readonly loadAverage: { readonly start: number[]; readonly end: number[] } };
  readonly synth: SynthTimings & { readonly ratio: number; readonly goal: Goal };
  readonly test?: TestTimings;
  readonly terraform: readonly (Omit<ConfigTimings, "plan"> & { readonly resources?: number })[];
  /** Resource instances each published module plans in the example named after it. */
  readonly modules: readonly { readonly module: string; readonly resources?: number }[];
  readonly cost: readonly (EnvCost | { readonly env: string; readonly error: string })[];
}

/** Issue 11's speed goals (reported, never asserted in tests). */
export const SYNTH_GOAL_MS = 1000;
export const TEST_GOAL_MS = 60_000;

export const goalFor = (ms: number, limit: number, text: string): Goal => ({ goal: text, met: ms <= limit });

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const status = (goal?: Goal) => (goal ? (goal.met ? "met" : "**not met**") : "");
const share = (cost: EnvCost) => (cost.x86OnDemandUsd > 0 ? `${((cost.monthlyUsd / cost.x86OnDemandUsd) * 100).toFixed(0)} %` : "");
const load = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(" ");

function table(header: string[], rows: string[][], rightAligned: number[]): string {
  const rule = header.map((_, i) => (rightAligned.includes(i) ? "---:" : "---"));
  return [header, rule, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

/** The bench as markdown tables: synth, tests, terraform per config, resources per module, cost per env. */
export function renderBench(result: BenchResult): string {
  const { synth, machine } = result;
  const synthRows = (Object.keys(SYNTH_COMMANDS) as SynthCommand[]).map((name) => [
    SYNTH_COMMANDS[name].label,
    seconds(synth.medians[name]),
    String(synth.runs),
    name === "project" ? synth.goal.goal : "",
    name === "project" ? status(synth.goal) : "",
  ]);
  synthRows.push(["npm run synth after a source change (rebuilds the compiled app)", seconds(synth.rebuildMs), "1", "", ""]);
  synthRows.push(["project synth ÷ cdktf synth", `${synth.ratio.toFixed(2)} (${(1 / synth.ratio).toFixed(1)}× faster)`, "", "", ""]);
  const out = [
    `Node ${machine.node}, ${machine.cpus} cores; load average ${load(machine.loadAverage.start)} at the start, ${load(machine.loadAverage.end)} at the end (a shared machine shows here). Times are medians of wall-clock runs.`,
    "",
    table(["Synth of everything", "Median", "Runs", "Goal", "Status"], synthRows, [1, 2]),
    "",
  ];
  if (result.test) {
    const test = result.test;
    const failed = test.failed > 0 ? ` (${test.failed} failed)` : "";
    out.push(table(["Tests", "Median", "Runs", "Goal", "Status"], [["npm test" + failed, seconds(test.medianMs), String(test.runs), test.goal.goal, status(test.goal)]], [1, 2]), "");
  }
  const stages: Stage[] = ["init", "plan", "show", "total"];
  out.push(
    table(
      ["Terraform (offline harness)", ...stages, "Runs", "Resources"],
      result.terraform.map((config) => [`${config.kind} ${config.id}`, ...stages.map((stage) => (config.medians ? seconds(config.medians[stage]) : "failed")), String(config.runs), config.error ?? String(config.resources ?? "")]),
      [1, 2, 3, 4, 5, 6],
    ),
    "",
    table(["Published module", "Resources in its example"], result.modules.map((row) => [row.module, row.resources === undefined ? "no example of that name" : String(row.resources)]), [1]),
    "",
    table(
      ["Env", "Monthly cost", "Fargate all x86_64 on demand", "Share", "Goal", "Status"],
      result.cost.map((cost) =>
        "error" in cost
          ? [cost.env, cost.error, "", "", "", ""]
          : [`${cost.env} (${cost.region})`, dollars(cost.monthlyUsd), dollars(cost.x86OnDemandUsd), share(cost), cost.goal?.goal ?? "", status(cost.goal)],
      ),
      [1, 2, 3],
    ),
  );
  return out.join("\n");
}
