import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { App } from "cdktf";
import { Construct } from "constructs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModuleDefinition } from "../../lib/module-definition";
import { ModuleStack } from "../../lib/module-stack";
import { MovedAddress } from "../../lib/moved";
import { writeModule } from "../../lib/publish";
import { ledgerProblems } from "../support/address-ledger";
import { planModuleCalls } from "../support/module-calls";
import { CheckResult, formatDiagnostics, plannedActions, stateFromPlan } from "../support/terraform-runner";

/** Inputs of the parameter module. */
export interface ParameterProps {
  /** Name of the parameter. */
  readonly name: string;
}

/** One SSM parameter, under the construct id a release gave it. */
export class Parameter extends Construct {
  /** ARN of the parameter. */
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: ParameterProps, parameterId: string) {
    super(scope, id);
    this.arn = new SsmParameter(this, parameterId, { name: props.name, type: "String", value: "kept" }).arn;
  }
}

/** Release `parameterId` of the parameter module, with the moves it declares. */
function release(parameterId: string, moved: MovedAddress[]): ModuleDefinition<ParameterProps, Parameter> {
  return {
    name: "parameter",
    summary: "A parameter.",
    props: { file: __filename, declaration: "ParameterProps" },
    construct: { file: __filename, declaration: "Parameter" },
    inputs: { name: { type: "string" } },
    rules: [],
    create: (scope, id, props) => new Parameter(scope, id, props, parameterId),
    outputs: ["arn"],
    moved,
  };
}

const RENAME: MovedAddress = { from: "aws_ssm_parameter.old", to: "aws_ssm_parameter.renamed", reason: "the test renames the construct id" };

describe("renaming a construct id in a published module", () => {
  let root: string;
  const plans = new Map<string, CheckResult>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "lgtm-moved-"));
    const releases = { v1: release("old", []), v2: release("renamed", [RENAME]), v2_unguarded: release("renamed", []) };
    for (const [version, definition] of Object.entries(releases)) writeModule(join(root, version), new ModuleStack(new App({ skipValidation: true }), definition).toModuleFiles());
    const call = (version: string) => ({ x: { module: join(root, version), args: '  name = "/lgtm/kept"' } });
    const first = await planModuleCalls(call("v1"));
    expect(first.ok, formatDiagnostics(first.diagnostics)).toBe(true);
    const state = stateFromPlan(first.plan!);
    plans.set("v2", await planModuleCalls(call("v2"), "", { state }));
    plans.set("v2_unguarded", await planModuleCalls(call("v2_unguarded"), "", { state }));
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  it("plans a move, not a destroy and create, when the moved block comes with it", () => {
    const plan = plans.get("v2")!;
    expect(plan.ok, formatDiagnostics(plan.diagnostics)).toBe(true);
    expect(plannedActions(plan.plan!)).toEqual({ "module.x.aws_ssm_parameter.renamed": "no-op" });
    const change = plan.plan!.resource_changes!.find((c) => c.address === "module.x.aws_ssm_parameter.renamed") as { previous_address?: string };
    expect(change.previous_address).toBe("module.x.aws_ssm_parameter.old");
  });

  it("would destroy the parameter and create another without it", () => {
    expect(plannedActions(plans.get("v2_unguarded")!.plan!)).toEqual({ "module.x.aws_ssm_parameter.old": "delete", "module.x.aws_ssm_parameter.renamed": "create" });
  });
});

describe("the address ledger", () => {
  let file: string;
  const ledger = async (text: string) => {
    file = join(await mkdtemp(join(tmpdir(), "lgtm-ledger-")), "parameter.txt");
    await writeFile(file, text);
    return file;
  };
  const renamed = ["aws_ssm_parameter.renamed"];
  const move = [{ from: RENAME.from, to: RENAME.to }];

  it("fails a rename that comes without a ledger entry, naming what to do", async () => {
    const problems = ledgerProblems(await ledger("aws_ssm_parameter.old\n"), renamed, []);
    expect(problems).toEqual([
      `new address aws_ssm_parameter.renamed: review it and add it to ${file}`,
      expect.stringContaining("aws_ssm_parameter.old is gone: consumers' state holds it. If it was renamed, declare a moved block"),
    ]);
  });

  it("fails a recorded move that no moved block declares, and a moved block left out of the ledger", async () => {
    expect(ledgerProblems(await ledger("aws_ssm_parameter.renamed\naws_ssm_parameter.old -> aws_ssm_parameter.renamed\n"), renamed, [])).toEqual([
      `aws_ssm_parameter.old -> aws_ssm_parameter.renamed is in ${file} but no moved block declares it`,
    ]);
    expect(ledgerProblems(await ledger("aws_ssm_parameter.renamed\n"), renamed, move)).toEqual([`moved block aws_ssm_parameter.old -> aws_ssm_parameter.renamed is not recorded in ${file}`]);
  });

  it("accepts a rename with its moved block recorded, and a reviewed removal", async () => {
    expect(ledgerProblems(await ledger("aws_ssm_parameter.renamed\naws_ssm_parameter.old -> aws_ssm_parameter.renamed\n"), renamed, move)).toEqual([]);
    expect(ledgerProblems(await ledger("aws_ssm_parameter.renamed\n"), renamed, [])).toEqual([]);
  });
});
