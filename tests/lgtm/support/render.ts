import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { CheckResult, checkTerraform, writeScratchRoot } from "../../support/terraform-runner";

/** What terraform rendered: each output's planned value, by output name. */
export interface Rendered {
  /** The plan run, for its diagnostics. */
  readonly result: CheckResult;
  /** Output name → value as terraform computed it. */
  readonly values: Record<string, unknown>;
}

/**
 * Plans a scratch root holding what `build` adds to a stack plus one output per entry it returns,
 * and reads the outputs back: the text terraform renders from our expressions, in either face.
 * `vars` are the root variables' values. Throws with terraform's diagnostics when the plan fails
 * (without the quoted source line: our expressions are long).
 */
export async function renderWithTerraform(build: (stack: TerraformStack) => Record<string, unknown>, vars?: Record<string, unknown>): Promise<Rendered> {
  const stack = new TerraformStack(Testing.app(), "render");
  for (const [name, value] of Object.entries(build(stack))) new TerraformOutput(stack, name, { value });
  const root = await writeScratchRoot({ "main.tf.json": Testing.synth(stack) });
  try {
    const result = await checkTerraform(root.dir, { vars });
    if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.severity}: ${d.summary} [${d.stage}] ${d.detail}`).join("\n"));
    const outputs = result.plan?.output_changes ?? {};
    return { result, values: Object.fromEntries(Object.entries(outputs).map(([name, change]) => [name, change.after])) };
  } finally {
    await root.cleanup();
  }
}
