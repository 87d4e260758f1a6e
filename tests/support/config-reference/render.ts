import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { parse } from "yaml";
import { yamlDocument } from "../../../lib/hcl";
import { CheckResult, checkTerraform, writeScratchRoot } from "../terraform-runner";

/** Configs as terraform rendered them, parsed back from YAML, by output name. */
export interface RenderedConfigs {
  readonly result: CheckResult;
  /** The YAML text of each output, as the plan holds it. */
  readonly yaml: Record<string, string>;
  /** Each output's YAML parsed. */
  readonly configs: Record<string, Record<string, unknown>>;
}

/**
 * Plans a root whose outputs are configs rendered with `yamlDocument`, as a construct renders
 * them, and reads the YAML back from the plan's `output_changes`. `build` declares the root's
 * variables (given values by `vars`) and returns the configs by output name.
 */
export async function renderWithTerraform(
  build: (stack: TerraformStack) => Record<string, Record<string, unknown>>,
  vars: Record<string, unknown>,
): Promise<RenderedConfigs> {
  const stack = new TerraformStack(new App({ skipValidation: true }), "configs");
  for (const [name, config] of Object.entries(build(stack))) new TerraformOutput(stack, name, { value: yamlDocument(config) });
  const scratch = await writeScratchRoot({ "main.tf.json": Testing.synth(stack) });
  try {
    const result = await checkTerraform(scratch.dir, { vars });
    const yaml = Object.fromEntries(Object.entries(result.plan?.output_changes ?? {}).map(([name, change]) => [name, String(change.after)]));
    const configs = Object.fromEntries(Object.entries(yaml).map(([name, text]) => [name, parse(text) as Record<string, unknown>]));
    return { result, yaml, configs };
  } finally {
    await scratch.cleanup();
  }
}
