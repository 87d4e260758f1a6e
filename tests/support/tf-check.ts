// npm run tf:check -- <dir> [--plan-json <file>] [--no-plan] [--var name=value ...]
//                      [--provider-schema <file>] [--provider-version <version>]
//
// terraform init + validate + plan on any directory against the offline
// hashicorp/aws stand-in; prints diagnostics and a plan summary, and exits
// non-zero on any error. See tests/support/aws-provider/README.md.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkTerraform, formatDiagnostics, HarnessSetupError, type CheckResult } from "./terraform-runner";

const USAGE =
  "usage: npm run tf:check -- <dir> [--plan-json <file>] [--no-plan] [--var name=value ...] [--provider-schema <file>] [--provider-version <version>]";

interface Arguments {
  dir: string;
  planJson?: string;
  plan: boolean;
  vars: Record<string, unknown>;
  providerSchema?: string;
  providerVersion?: string;
}

/** name=value; the value is read as JSON when it is JSON (numbers, lists, objects), else as a string. */
function parseVariable(assignment: string | undefined, vars: Record<string, unknown>): void {
  const match = /^([A-Za-z_][\w-]*)=([\s\S]*)$/.exec(assignment ?? "");
  if (!match) throw new HarnessSetupError(`--var expects name=value, got ${assignment ?? "nothing"}\n${USAGE}`);
  try {
    vars[match[1]] = JSON.parse(match[2]);
  } catch {
    vars[match[1]] = match[2];
  }
}

const OPTIONS_WITH_VALUES = { "--plan-json": "planJson", "--provider-schema": "providerSchema", "--provider-version": "providerVersion" } as const;

function parseArguments(argv: string[]): Arguments {
  const rest = [...argv];
  const parsed: Partial<Arguments> & { vars: Record<string, unknown> } = { plan: true, vars: {} };
  while (rest.length > 0) {
    const argument = rest.shift()!;
    if (Object.hasOwn(OPTIONS_WITH_VALUES, argument)) {
      const value = rest.shift();
      if (value === undefined) throw new HarnessSetupError(`${argument} needs a value\n${USAGE}`);
      parsed[OPTIONS_WITH_VALUES[argument as keyof typeof OPTIONS_WITH_VALUES]] = value;
    } else if (argument === "--no-plan") parsed.plan = false;
    else if (argument === "--var") parseVariable(rest.shift(), parsed.vars);
    else if (argument === "--help" || argument === "-h") throw new HarnessSetupError(USAGE);
    else if (argument.startsWith("-") || parsed.dir) throw new HarnessSetupError(`unexpected argument ${argument}\n${USAGE}`);
    else parsed.dir = argument;
  }
  if (!parsed.dir) throw new HarnessSetupError(USAGE);
  return parsed as Arguments;
}

function report(result: CheckResult): string {
  const lines = result.diagnostics.length > 0 ? [`${formatDiagnostics(result.diagnostics)}\n`] : [];
  if (result.summary) {
    const s = result.summary;
    const deferredReads = s.read > 0 ? `, ${s.read} data sources to read during apply` : "";
    lines.push(
      `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s["no-op"]} no-op${deferredReads}`,
    );
  }
  if (result.planSkipped) lines.push(result.planSkipped);
  const timings = Object.entries(result.timings)
    .map(([stage, ms]) => `${stage} ${ms} ms`)
    .join(", ");
  const provider = result.provider === "real" ? "real provider" : `stand-in hashicorp/aws ${result.providerVersion}`;
  lines.push(`${result.ok ? "OK" : "FAILED"} (${provider}; ${timings})`);
  return lines.join("\n");
}

// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const fromUserDirectory = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const vars = Object.keys(args.vars).length > 0 ? args.vars : undefined;
  const result = await checkTerraform(fromUserDirectory(args.dir), {
    plan: args.plan,
    vars,
    providerSchema: args.providerSchema && fromUserDirectory(args.providerSchema),
    providerVersion: args.providerVersion,
  });
  console.log(report(result));
  if (args.planJson && result.plan) {
    writeFileSync(fromUserDirectory(args.planJson), `${JSON.stringify(result.plan, null, 2)}\n`);
    console.log(`Wrote plan JSON to ${args.planJson}`);
  }
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof HarnessSetupError ? error.message : error);
    process.exit(2);
  },
);
