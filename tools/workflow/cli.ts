// npm run workflow -- <command> --option value ...
//
// The steps of .github/workflows/*.yml that are more than a terraform or git command. Each
// option's value comes from the step's `env:`, never from `${{ }}` inside the script.
import { parseArgs } from "node:util";
import { GitHubApi } from "../github/api";
import { COMMANDS, Context, StopError } from "./commands";
import { Runtime, annotate, processRuntime } from "./runtime";

const usage = () =>
  ["usage: npm run workflow -- <command> [--option value ...]", ...Object.entries(COMMANDS).map(([name, c]) => `  ${name} ${c.options.map((o) => `--${o}`).join(" ")}\n      ${c.about}`)].join("\n");

/** Runs one command; returns the exit code. */
export async function main(argv: string[], context: Context): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS[name ?? ""];
  if (!command) {
    context.runtime.print(usage());
    return 2;
  }
  try {
    const { values } = parseArgs({ args: rest, options: Object.fromEntries(command.options.map((o) => [o, { type: "string" as const }])), strict: true });
    await command.run(values, context);
    return 0;
  } catch (error) {
    const stop = error instanceof StopError;
    annotate(context.runtime, "error", stop ? error.title : `workflow ${name} failed`, error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (require.main === module) {
  const runtime: Runtime = processRuntime;
  main(process.argv.slice(2), { runtime, api: () => GitHubApi.fromEnvironment(runtime.env) }).then((code) => process.exit(code));
}
