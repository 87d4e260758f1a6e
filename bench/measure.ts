import { spawnSync } from "node:child_process";

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds since `started` (from `process.hrtime.bigint()`). */
export function millisSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export interface CommandRun {
  readonly ms: number;
  readonly status: number | null;
}

/** Runs a command to completion, output discarded, and times it (wall clock). */
export function timeCommand(command: string, args: readonly string[], cwd: string): CommandRun {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: "ignore", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
  return { ms: millisSince(started), status: result.status };
}
