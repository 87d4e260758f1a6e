import { parseArgs } from "node:util";

export const USAGE = `Usage: npm run bench -- [--runs N] [--tf-runs N] [--test-runs N] [--json | --readme]

  --runs N       runs of each synth command (default 5)
  --tf-runs N    runs of terraform init/plan/show per example and env (default 3)
  --test-runs N  runs of npm test (default 1: it is long; 0 skips it)
  --json         the results as JSON instead of tables
  --readme       also write the tables into the README's benchmark block`;

export interface BenchOptions {
  readonly runs: number;
  readonly tfRuns: number;
  readonly testRuns: number;
  readonly json: boolean;
  readonly readme: boolean;
}

/** The bench's options from its command line; a count it cannot use is an error. */
export function benchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { runs: { type: "string" }, "tf-runs": { type: "string" }, "test-runs": { type: "string" }, json: { type: "boolean" }, readme: { type: "boolean" } },
    strict: true,
  });
  if (values.json && values.readme) throw new Error("--json and --readme do not go together: the README takes the tables.");
  const count = (name: string, value: string | undefined, fallback: number, least: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < least) throw new Error(`--${name} takes a whole number of at least ${least} (got "${value}").`);
    return parsed;
  };
  return {
    runs: count("runs", values.runs, 5, 1),
    tfRuns: count("tf-runs", values["tf-runs"], 3, 1),
    testRuns: count("test-runs", values["test-runs"], 1, 0),
    json: values.json ?? false,
    readme: values.readme ?? false,
  };
}
