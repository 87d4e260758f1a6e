import { Fn, TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { dnsDiscovery } from "../../modules/ecs-fargate/lgtm/config-values";
import { yamlDocument } from "../../modules/ecs-fargate/lgtm/yaml-document";

function synthOutput(build: (stack: TerraformStack) => string): unknown {
  const stack = new TerraformStack(Testing.app(), "test");
  new TerraformOutput(stack, "out", { value: build(stack) });
  return JSON.parse(Testing.synth(stack)).output.out.value;
}

describe("yamlDocument", () => {
  it("escapes quotes, backslashes and template sequences in literals, and splices tokens as expressions", () => {
    const rendered = synthOutput((stack) =>
      yamlDocument({ selector: '{level="info"}', path: "a\\b", text: "${x}", bucket: new TerraformVariable(stack, "bucket", { type: "string" }).stringValue, on: true, n: [1] }),
    );
    expect(rendered).toBe('${yamlencode({ "selector" = "{level=\\"info\\"}", "path" = "a\\\\b", "text" = "$${x}", "bucket" = var.bucket, "on" = true, "n" = [1] })}');
  });

  it("refuses a token spliced into text, which would lose its ${} inside the expression", () => {
    const spliced = (stack: TerraformStack) => `mimir.${new TerraformVariable(stack, "namespace", { type: "string" }).stringValue}`;
    expect(() => synthOutput((stack) => yamlDocument({ host: spliced(stack) }))).toThrow(/host splices a token into text/);
    expect(() => synthOutput((stack) => dnsDiscovery(spliced(stack), 7946))).toThrow(/A host splices a token into text/);
    expect(synthOutput((stack) => dnsDiscovery(Fn.format("mimir.%s", [new TerraformVariable(stack, "ns", { type: "string" }).stringValue]), 7946))).toBe(
      '${format("dns+%s:%d", format("mimir.%s", var.ns), 7946)}',
    );
  });
});
