import { rmSync } from "node:fs";
import { join } from "node:path";
import { median, timeCommand } from "./measure";

/** The synth commands compared, each synthesizing everything (terraform/modules/* and every env). */
export const SYNTH_COMMANDS = {
  project: { label: "npm run synth (the project's synth)", command: "npm", args: ["run", "--silent", "synth"] },
  direct: { label: "node tools/synth/synth.js (the same, without npm)", command: process.execPath, args: ["tools/synth/synth.js"] },
  cdktf: { label: "npm run synth:cdktf (cdktf synth through the CLI, tsx)", command: "npm", args: ["run", "--silent", "synth:cdktf"] },
} as const;

export type SynthCommand = keyof typeof SYNTH_COMMANDS;

export interface SynthTimings {
  /** Median wall milliseconds per command. */
  readonly medians: Readonly<Record<SynthCommand, number>>;
  readonly runs: number;
  /** `npm run synth` once with no compiled app: what the first synth after a source change costs. */
  readonly rebuildMs: number;
}

function run(root: string, name: SynthCommand): number {
  const { command, args } = SYNTH_COMMANDS[name];
  const result = timeCommand(command, args, root);
  if (result.status !== 0) throw new Error(`${SYNTH_COMMANDS[name].label} failed (exit ${result.status}); run it to see why.`);
  return result.ms;
}

/**
 * Times each synth command `runs` times, interleaved so a busy machine slows each alike. Clearing
 * the compiled app first (a cache under .gen/, rebuilt by the next synth) times a rebuild too.
 */
export function timeSynth(root: string, runs: number): SynthTimings {
  rmSync(join(root, ".gen", "synth"), { recursive: true, force: true });
  const rebuildMs = run(root, "project");
  const times: Record<SynthCommand, number[]> = { project: [], direct: [], cdktf: [] };
  for (let i = 0; i < runs; i++) for (const name of Object.keys(times) as SynthCommand[]) times[name].push(run(root, name));
  return { medians: { project: median(times.project), direct: median(times.direct), cdktf: median(times.cdktf) }, runs, rebuildMs };
}
