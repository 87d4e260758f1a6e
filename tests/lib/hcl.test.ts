import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { countIf, tagged } from "../../lib/choose";
import { hcl, hclLines, jsonDocument, literalText, yamlDocument } from "../../lib/hcl";
import { dnsDiscovery } from "../../modules/ecs-fargate/lgtm/config-values";

function render(build: (stack: TerraformStack) => unknown): unknown {
  const stack = new TerraformStack(Testing.app(), "test");
  new TerraformOutput(stack, "out", { value: build(stack) });
  return JSON.parse(Testing.synth(stack)).output.out.value;
}

describe("hcl expressions", () => {
  it("splices variables in as references", () => {
    expect(render((s) => hcl`cidrsubnet(${new TerraformVariable(s, "cidr", { type: "string" }).stringValue}, 4, 0)`)).toBe("${cidrsubnet(var.cidr, 4, 0)}");
  });

  it("splices literals in as HCL literals, escaping template sequences", () => {
    expect(render(() => hcl`merge(${{ Name: "a ${b}" }}, ${[1, true, null]})`)).toBe('${merge({ "Name" = "a $${b}" }, [1, true, null])}');
  });

  it("splices strings mixing text and tokens in as HCL templates, inside objects too", () => {
    expect(
      render((s) => {
        const partition = new TerraformVariable(s, "partition", { type: "string" }).stringValue;
        return hcl`jsonencode(${{ Resource: `arn:${partition}:s3:::logs/*`, Note: "keep ${this}" }})`;
      }),
    ).toBe('${jsonencode({ "Resource" = "arn:${var.partition}:s3:::logs/*", "Note" = "keep $${this}" })}');
  });

  it("renders an expression written over several lines on one line", () => {
    expect(render(() => hclLines`concat(
      [1],
      [2])`)).toBe("${concat( [1], [2])}");
  });

  it("compares against a literal 0 without dropping it", () => {
    expect(render((s) => hcl`${new TerraformVariable(s, "n", { type: "number" }).numberValue} > ${0}`)).toBe("${var.n > 0}");
  });
});

describe("literal or token choices", () => {
  it("counts literally in an env and with a conditional in a module", () => {
    expect(render(() => countIf(true))).toBe(1);
    expect(render(() => countIf(false))).toBe(0);
    expect(render((s) => countIf(new TerraformVariable(s, "on", { type: "bool" }).booleanValue))).toBe("${var.on ? 1 : 0}");
  });

  it("merges literal tags in TypeScript and token tags with merge()", () => {
    expect(render(() => tagged({ Team: "x" }, "vpc"))).toEqual({ Team: "x", Name: "vpc" });
    expect(render((s) => tagged(new TerraformVariable(s, "tags", { type: "map(string)" }).value, "vpc"))).toBe('${merge(var.tags, {"Name" = "vpc"})}');
  });
});

describe("strings mixing text and tokens", () => {
  it("splices them in as quoted templates, escaping the literal text", () => {
    expect(render((s) => hcl`upper(${`mimir."${new TerraformVariable(s, "ns", { type: "string" }).stringValue}".\${x}`})`)).toBe('${upper("mimir.\\"${var.ns}\\".$${x}")}');
  });
});

describe("documents terraform renders", () => {
  it("escapes quotes, backslashes and template sequences in literals, and splices tokens at any depth", () => {
    const rendered = render((s) =>
      yamlDocument({ selector: '{level="info"}', path: "a\\b", text: "${x}", nested: [{ bucket: new TerraformVariable(s, "bucket", { type: "string" }).stringValue }], on: true }),
    );
    expect(rendered).toBe('${yamlencode({ "selector" = "{level=\\"info\\"}", "path" = "a\\\\b", "text" = "$${x}", "nested" = [{ "bucket" = var.bucket }], "on" = true })}');
  });

  it("renders a token spliced into text as a template, in a document and in a nested call", () => {
    const ns = (s: TerraformStack) => new TerraformVariable(s, "ns", { type: "string" }).stringValue;
    expect(render((s) => jsonDocument({ host: `mimir.${ns(s)}` }))).toBe('${jsonencode({ "host" = "mimir.${var.ns}" })}');
    expect(render((s) => dnsDiscovery(`mimir.${ns(s)}`, 7946))).toBe('${format("dns+%s:%d", "mimir.${var.ns}", 7946)}');
  });

  it("refuses a null leaf in a YAML document and quotes literal text", () => {
    expect(() => yamlDocument({ a: { b: null } })).toThrow("Document value at a.b is null; leave the key out instead.");
    expect(render(() => literalText('{"a": "${b}"}'))).toBe('${"{\\"a\\": \\"$${b}\\"}"}');
  });
});
