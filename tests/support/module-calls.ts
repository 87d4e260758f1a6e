import { writeFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { expect } from "vitest";
import { InputRule, snakeCase } from "../../lib/inputs";
import { moduleDir } from "../../lib/publish";
import { CheckOptions, CheckResult, checkTerraform, moduleSource, writeScratchRoot } from "./terraform-runner";

/** A bad input and the words of the error it must produce, at synth time and under terraform plan. */
export interface BadInput<P> {
  readonly case: string;
  readonly props: Partial<P>;
  /** The variable terraform names in "Invalid value for variable: <variable>". */
  readonly variable: string;
  readonly message: string;
}

/** Props as HCL module arguments (`name = "x"`), one per line; JSON values are valid HCL. */
export function hclArgs(props: Record<string, unknown>): string {
  return Object.entries(props)
    .map(([key, value]) => `  ${snakeCase(key)} = ${JSON.stringify(value)}`)
    .join("\n");
}

/**
 * Plans a root that calls published modules, one `module` block per call, with HCL argument text.
 * `calls` maps a call name to the published module it calls (its name, or an absolute path); `extra` is more HCL for the root
 * (outputs, data sources, resources the calls read).
 */
export async function planModuleCalls(calls: Record<string, { module: string; args: string }>, extra = "", options: CheckOptions = {}): Promise<CheckResult> {
  const scratch = await writeScratchRoot({});
  const blocks = Object.entries(calls).map(
    ([name, call]) => `module "${name}" {\n  source = "${moduleSource(scratch.dir, isAbsolute(call.module) ? call.module : moduleDir(call.module))}"\n${call.args}\n}`,
  );
  await writeFile(join(scratch.dir, "main.tf"), [`provider "aws" {\n  region = "eu-west-1"\n}`, ...blocks, extra].join("\n\n"));
  try {
    return await checkTerraform(scratch.dir, options);
  } finally {
    await scratch.cleanup();
  }
}

/** {@link planModuleCalls} with every call made to the same module. */
export function planCallsOf(module: string, calls: Record<string, string>, extra = ""): Promise<CheckResult> {
  return planModuleCalls(Object.fromEntries(Object.entries(calls).map(([name, args]) => [name, { module, args }])), extra);
}

/**
 * Checks bad calls of a module until each has failed: validate first (single-variable validations
 * of every call, nothing planned), then plans of the calls that passed (cross-variable ones), round
 * after round, since a call's error can stop evaluation before another call's check. Returns each
 * call's error messages; "(root)" holds errors no call owns.
 */
export async function validationErrorsByCall(module: string, calls: Record<string, string>, extra = ""): Promise<Map<string, string[]>> {
  const errors = new Map<string, string[]>();
  let remaining = { ...calls };
  for (let round = 0; Object.keys(remaining).length > 0; round++) {
    // validate fails single-variable validations of every call at once without planning anything;
    // the calls that pass it meet their cross-variable validations in a plan.
    const result = await planModuleCalls(
      Object.fromEntries(Object.entries(remaining).map(([name, args]) => [name, { module, args }])),
      extra,
      { validateFirst: round === 0 },
    );
    for (const diagnostic of result.diagnostics.filter((d) => d.severity === "error")) {
      const call = /^module "([^"]+)"/.exec(diagnostic.snippet?.context ?? "")?.[1] ?? "(root)";
      errors.set(call, [...(errors.get(call) ?? []), `${diagnostic.summary}: ${diagnostic.detail}`]);
    }
    const failed = Object.keys(remaining).filter((call) => errors.has(call));
    if (failed.length === 0 || errors.has("(root)")) break;
    remaining = Object.fromEntries(Object.entries(remaining).filter(([call]) => !errors.has(call)));
  }
  return errors;
}

/** Every rule has a bad input whose message is the rule's, so each Terraform validation is proven to fire. */
export function expectEveryRuleCovered<P>(rules: readonly InputRule<P>[], bad: readonly BadInput<P>[]): void {
  for (const rule of rules) {
    const full = `${snakeCase(String(rule.input))} ${rule.allowed}`;
    const covered = bad.some((input) => full.startsWith(input.message) || input.message.startsWith(full));
    expect(covered, full).toBe(true);
  }
}
