import { TerraformOutput, TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { choose } from "../../lib/choose";
import { hcl, hclList } from "../../lib/hcl";
import { entry, objectTokens } from "../../lib/object-token";
import { ObjectSpec, objectType, withObjectDefaults } from "../../lib/object-type";

const SIZE: ObjectSpec = { tasks: { type: "number" }, spot: { type: "bool", default: false } };
const SETTINGS: ObjectSpec = {
  name: { type: "string" },
  images: { type: "object({ app = optional(string, \"nginx:1.27\") })", default: {}, attributes: { app: { type: "string", default: "nginx:1.27" } } },
  sizing: { type: `map(${objectType(SIZE)})`, default: {}, values: SIZE },
};

function render(build: (stack: TerraformStack) => unknown): unknown {
  const stack = new TerraformStack(Testing.app(), "test");
  new TerraformOutput(stack, "out", { value: build(stack) });
  return JSON.parse(Testing.synth(stack)).output.out.value;
}

describe("objects and maps read the same way from literals and from variables", () => {
  it("fills the defaults of each value of a map of objects", () => {
    expect(withObjectDefaults({ name: "a", sizing: { api: { tasks: 2 } } }, SETTINGS)).toEqual({ name: "a", images: { app: "nginx:1.27" }, sizing: { api: { tasks: 2, spot: false } } });
  });

  it("reads nested attributes of a variable as tokens of their own", () => {
    expect(
      render((s) => {
        const settings = objectTokens(new TerraformVariable(s, "settings", { type: objectType(SETTINGS) }).value, SETTINGS) as unknown as { images: { app: string } };
        return settings.images.app;
      }),
    ).toBe("${var.settings.images.app}");
  });

  it("reads a map entry in TypeScript when the map is a literal and as an index when it is a token", () => {
    expect(entry({ api: "a" }, "api")).toBe("a");
    expect(entry({ api: { tasks: 2 } }, "api", SIZE)).toEqual({ tasks: 2 });
    expect(render((s) => entry(Token.asStringMap(new TerraformVariable(s, "arns", { type: "map(string)" }).value), "api"))).toBe('${var.arns["api"]}');
    expect(
      render((s) => {
        const size = entry(new TerraformVariable(s, "sizing", { type: `map(${objectType(SIZE)})` }).value, "api", SIZE) as unknown as { tasks: number };
        return hcl`${size.tasks} * 2`;
      }),
    ).toBe('${var.sizing["api"].tasks * 2}');
  });

  it("chooses in TypeScript for a literal flag and with a conditional for a token", () => {
    expect(choose(true, ["a"], ["b"])).toEqual(["a"]);
    expect(render((s) => choose(new TerraformVariable(s, "on", { type: "bool" }).booleanValue, ["a"], ["b"]))).toBe('${var.on ? ["a"] : ["b"]}');
  });

  it("leaves a list token inside a literal object to Terraform", () => {
    const spec: ObjectSpec = { rules: { type: "list(object({ port = number }))", default: [], elements: { port: { type: "number" } } } };
    const rules = hclList`[for p in [80] : { port = p }]`;
    expect(withObjectDefaults({ rules }, spec).rules).toBe(rules);
  });
});
