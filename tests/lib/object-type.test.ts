import { App, TerraformStack, TerraformVariable, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { hclString } from "../../lib/hcl";
import { ObjectSpec, mapWithObjectDefaults, objectType, withObjectDefaults } from "../../lib/object-type";

const ROUTE: ObjectSpec = {
  host: { type: "string" },
  paths: { type: "list(string)", default: ["/*"] },
  priority: { type: "number", default: null },
  health: { type: "object({ path = optional(string, \"/ready\") })", default: {}, attributes: { path: { type: "string", default: "/ready" } } },
};

describe("object types with optional attributes", () => {
  it("renders the Terraform type with each default", () => {
    expect(objectType(ROUTE)).toBe(
      'object({ host = string, paths = optional(list(string), ["/*"]), priority = optional(number), health = optional(object({ path = optional(string, "/ready") }), {}) })',
    );
  });

  it("fills the defaults of a literal, nested ones too, and keeps what is given", () => {
    expect(withObjectDefaults({ host: "a", paths: ["/x"] }, ROUTE)).toEqual({ host: "a", paths: ["/x"], priority: null, health: { path: "/ready" } });
    const hostToken = hclString`lower("A")`;
    expect(mapWithObjectDefaults({ a: { host: hostToken } }, ROUTE).a).toMatchObject({ host: hostToken, paths: ["/*"] });
  });

  it("fills the defaults of each element of a list of objects", () => {
    const spec: ObjectSpec = { rules: { type: "list(object({ port = number, from = optional(list(string), []) }))", default: [], elements: { port: { type: "number" }, from: { type: "list(string)", default: [] } } } };
    expect(withObjectDefaults({ rules: [{ port: 80 }, { port: 443, from: ["a"] }] }, spec)).toEqual({ rules: [{ port: 80, from: [] }, { port: 443, from: ["a"] }] });
  });

  it("leaves a var.* token to Terraform's own defaults", () => {
    const stack = new TerraformStack(new App(), "s");
    const routes = new TerraformVariable(stack, "routes", { type: `map(${objectType(ROUTE)})` });
    const reference = routes.value;
    expect(mapWithObjectDefaults(reference, ROUTE)).toBe(reference);
    const asMap = Token.asAnyMap(routes.value);
    expect(mapWithObjectDefaults(asMap, ROUTE)).toBe(asMap);
  });
});
