import { appendFileSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

/**
 * What a step sees of GitHub Actions: the default variables, the job summary and output files,
 * and workflow commands on stdout. Passed in (never read from `process` deep inside), so the
 * commands can be run in tests against a temporary directory.
 */
export interface Runtime {
  env: NodeJS.ProcessEnv;
  print(line: string): void;
}

export const processRuntime: Runtime = { env: process.env, print: (line) => process.stdout.write(`${line}\n`) };

function required(runtime: Runtime, name: string): string {
  const value = runtime.env[name];
  if (!value) throw new Error(`${name} is not set: this command runs inside a GitHub Actions step`);
  return value;
}

export const repository = (runtime: Runtime) => required(runtime, "GITHUB_REPOSITORY");
export const runId = (runtime: Runtime) => required(runtime, "GITHUB_RUN_ID");
export const runUrl = (runtime: Runtime) =>
  `${runtime.env.GITHUB_SERVER_URL ?? "https://github.com"}/${repository(runtime)}/actions/runs/${runId(runtime)}`;

/** Appends markdown to the step's job summary, when the step has one. */
export function appendJobSummary(runtime: Runtime, markdown: string): void {
  const file = runtime.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdown}\n`);
}

/** Sets a step output; the random delimiter cannot occur in the value. */
export function setOutput(runtime: Runtime, name: string, value: string): void {
  const delimiter = `EOF_${randomBytes(12).toString("hex")}`;
  appendFileSync(required(runtime, "GITHUB_OUTPUT"), `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** An annotation on the run and the PR's checks (`::error::` etc.), escaped as the runner expects. */
export function annotate(runtime: Runtime, level: "error" | "warning" | "notice", title: string, message: string): void {
  const escape = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  runtime.print(`::${level} title=${escape(title).replace(/:/g, "%3A").replace(/,/g, "%2C")}::${escape(message)}`);
}

export const readText = (path: string) => readFileSync(path, "utf8");
export const readJson = <T>(path: string) => JSON.parse(readText(path)) as T;
