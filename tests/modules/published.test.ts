import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SENSITIVE_VALUE } from "../../lib/inputs";
import { filesIn, moduleDir } from "../../lib/publish";
import { freshModules } from "../support/published";

const modules = freshModules();

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

/** Each published module and each module nested in one (`<name>/modules/<nested>`), with the prefix of its files. */
const roots = [...modules.entries()].flatMap(([name, files]) => [
  { root: name, module: name, prefix: "" },
  ...[...new Set(Object.keys(files).flatMap((file) => /^(modules\/[^/]+\/)/.exec(file)?.[1] ?? []))].map((prefix) => ({ root: `${name}/${prefix.slice(0, -1)}`, module: name, prefix })),
]);

describe.each([...modules.keys()])("published module %s", (name) => {
  const files = modules.get(name)!;

  it("is committed exactly as synth writes it (run `npm run synth` when this fails)", () => {
    const committed = filesIn(moduleDir(name));
    expect(committed).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) {
      expect(readFileSync(`${moduleDir(name)}/${file}`, "utf8"), `${name}/${file} is stale`).toBe(text);
    }
  });

  it("documents every variable and output in the README tables", () => {
    const readme = files["README.md"];
    for (const variable of Object.keys(JSON.parse(files["variables.tf.json"]).variable)) expect(readme).toContain(`| \`${variable}\` |`);
    for (const output of Object.keys(JSON.parse(files["outputs.tf.json"]).output)) expect(readme).toContain(`| \`${output}\` |`);
  });
});

describe.each(roots)("module $root", ({ module, prefix }) => {
  const files = Object.fromEntries(
    Object.entries(modules.get(module)!)
      .filter(([file]) => file.startsWith(prefix) && !file.slice(prefix.length).includes("/"))
      .map(([file, text]) => [file.slice(prefix.length), text]),
  );
  const json = (file: string) => JSON.parse(files[file]);

  it("has no provider, no backend and no cdktf metadata", () => {
    for (const file of Object.keys(files).filter((f) => f.endsWith(".tf.json"))) {
      const body = json(file);
      expect(body).not.toHaveProperty("provider");
      expect(body.terraform ?? {}).not.toHaveProperty("backend");
      expect(keysOf(body)).not.toContain("//");
      expect(files[file]).not.toMatch(/cdktf|TfToken/);
    }
  });

  it("requires Terraform 1.11+ and hashicorp/aws 6.19+ below 7", () => {
    expect(json("versions.tf.json")).toEqual({
      terraform: { required_version: ">= 1.11", required_providers: { aws: { source: "hashicorp/aws", version: ">= 6.19, < 7.0" } } },
    });
  });

  it("types and describes every variable, in snake_case", () => {
    for (const [variable, block] of Object.entries<Record<string, unknown>>(json("variables.tf.json").variable)) {
      expect(variable).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(block.type, variable).toEqual(expect.any(String));
      expect(block.description, variable).toMatch(/\w{3,}.*\.$/);
    }
  });

  it("states in every validation message which variable is wrong and quotes its value, unless the value is a secret", () => {
    for (const [variable, block] of Object.entries<{ sensitive?: boolean; validation?: { error_message: string; condition: string }[] }>(json("variables.tf.json").variable)) {
      for (const validation of block.validation ?? []) {
        expect(validation.error_message.startsWith(`${variable} `)).toBe(true);
        expect(validation.error_message).toContain(block.sensitive ? `; got ${SENSITIVE_VALUE}.` : `\${jsonencode(var.${variable})}`);
        if (block.sensitive) expect(validation.error_message).not.toContain(`var.${variable}`);
        expect(validation.condition).toMatch(new RegExp(`var\\.${variable}\\b`));
      }
    }
  });

  it("describes every output", () => {
    for (const [output, block] of Object.entries<Record<string, unknown>>(json("outputs.tf.json").output)) {
      expect(output).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(block.description, output).toMatch(/\w{3,}.*\.$/);
    }
  });

  it("names resources readably, never with a hash", () => {
    for (const blocks of Object.values<Record<string, unknown>>({ ...json("main.tf.json").resource, ...json("main.tf.json").data })) {
      for (const resourceName of Object.keys(blocks)) expect(resourceName).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const resourceName of Object.keys(blocks)) expect(resourceName).not.toMatch(/[0-9A-F]{8}$/);
    }
  });

});
