import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { App, Testing } from "cdktf";
import { Construct } from "constructs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useBlock } from "../../lib/blocks";
import { countIf } from "../../lib/choose";
import { hclString } from "../../lib/hcl";
import { ModuleDefinition } from "../../lib/module-definition";
import { ModuleStack } from "../../lib/module-stack";
import { writeModule } from "../../lib/publish";
import { ReadableStack } from "../../lib/readable-stack";
import { planModuleCalls } from "../support/module-calls";
import { formatDiagnostics } from "../support/terraform-runner";

/** Inputs of the toy block. */
export interface ToyProps {
  /** Name of the parameter. */
  readonly name: string;
  /** How the parameter is stored. */
  readonly settings?: { readonly storageTier: string };
}

/** A toy building block: one SSM parameter. */
export class Toy extends Construct {
  /** Name of the parameter, as created. */
  public readonly parameterName: string;

  constructor(scope: Construct, id: string, props: ToyProps) {
    super(scope, id);
    const parameter = new SsmParameter(this, "this", { name: props.name, type: "String", value: "toy", tier: props.settings?.storageTier });
    this.parameterName = parameter.name;
  }
}

const toyModule: ModuleDefinition<ToyProps, Toy> = {
  name: "toy",
  summary: "A toy.",
  props: { file: __filename, declaration: "ToyProps" },
  construct: { file: __filename, declaration: "Toy" },
  inputs: { name: { type: "string" }, settings: { type: "object({ storage_tier = string })", default: { storageTier: "Standard" }, attributes: { storageTier: "string" } } },
  rules: [],
  create: (scope, id, props) => new Toy(scope, id, props),
  outputs: ["parameterName"],
};

/** Inputs of the holder. */
export interface HolderProps {
  /** Creates the toy. */
  readonly withToy: boolean;
}

/** A composition holding an optional toy. */
export class Holder extends Construct {
  /** Name of the toy's parameter; null without a toy. */
  public readonly toyName: string;

  constructor(scope: Construct, id: string, props: HolderProps) {
    super(scope, id);
    const toy = useBlock(this, "toy", toyModule, { name: "lgtm-toy", settings: { storageTier: "Advanced" } }, { source: "./modules/toy", count: countIf(props.withToy) });
    this.toyName = hclString`${toy.parameterName}`;
  }
}

const holderModule: ModuleDefinition<HolderProps, Holder> = {
  name: "holder",
  summary: "Holds a toy.",
  props: { file: __filename, declaration: "HolderProps" },
  construct: { file: __filename, declaration: "Holder" },
  inputs: { withToy: { type: "bool", default: true } },
  rules: [],
  create: (scope, id, props) => new Holder(scope, id, props),
  outputs: ["toyName"],
  submodules: [toyModule],
};

describe("building blocks", () => {
  it("are the constructs themselves in an env root", () => {
    const stack = new ReadableStack(Testing.app(), "env");
    new Holder(stack, "holder", { withToy: true });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.aws_ssm_parameter.holder_toy).toMatchObject({ name: "lgtm-toy", tier: "Advanced" });
    expect(json.module).toBeUndefined();
    const without = new ReadableStack(Testing.app(), "env");
    new Holder(without, "holder", { withToy: false });
    expect(JSON.parse(Testing.synth(without)).resource).toBeUndefined();
  });

  it("are calls of nested modules, counted, in a published module", () => {
    const files = new ModuleStack(new App({ skipValidation: true }), holderModule).toModuleFiles();
    expect(Object.keys(files).filter((file) => file.startsWith("modules/")).sort()).toEqual(
      ["main.tf.json", "outputs.tf.json", "variables.tf.json", "versions.tf.json"].map((file) => `modules/toy/${file}`),
    );
    const call = JSON.parse(files["main.tf.json"]).module.toy;
    expect(call).toEqual({ source: "./modules/toy", count: "${var.with_toy ? 1 : 0}", name: "lgtm-toy", settings: { storage_tier: "Advanced" } });
    expect(JSON.parse(files["outputs.tf.json"]).output.toy_name.value).toBe("${(var.with_toy ? 1 : 0) == 1 ? module.toy[0].parameter_name : null}");
    expect(JSON.parse(files["modules/toy/main.tf.json"]).resource.aws_ssm_parameter.this.tier).toBe("${var.settings.storage_tier}");
  });

  it("plan through terraform as nested modules, called or not", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lgtm-holder-"));
    try {
      writeModule(dir, new ModuleStack(new App({ skipValidation: true }), holderModule).toModuleFiles());
      const calls = { with_toy: { module: dir, args: "" }, without_toy: { module: dir, args: "  with_toy = false" } };
      const result = await planModuleCalls(calls, 'output "names" {\n  value = [module.with_toy.toy_name, module.without_toy.toy_name]\n}');
      expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
      expect(result.plan!.resource_changes!.map((change) => change.address)).toEqual(["module.with_toy.module.toy[0].aws_ssm_parameter.this"]);
      expect(result.plan!.output_changes!.names.after).toEqual(["lgtm-toy", null]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
