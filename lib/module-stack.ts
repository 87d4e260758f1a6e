import { App, IResolvable, TerraformOutput, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { markPublishing } from "./blocks";
import { InputSpec, gotText, ruleMessage, snakeCase } from "./inputs";
import { addMovedBlocks } from "./moved";
import { ModuleDefinition } from "./module-definition";
import { objectToken, typedToken } from "./object-token";
import { ReadableStack } from "./readable-stack";
import { memberDocs } from "./tsdoc";

/** Terraform and provider versions every published module requires. */
export const MODULE_REQUIREMENTS = {
  // 1.9: validation conditions that read other variables (subnet CIDRs checked against the VPC);
  // 1.11: write-only attributes fed by ephemeral resources (Grafana's admin password never in state).
  required_version: ">= 1.11",
  required_providers: { aws: { source: "hashicorp/aws", version: ">= 6.19, < 7.0" } },
};

/** The files of a published module, by file name. */
export type ModuleFiles = Record<string, string>;

/** What publishing needs of a module stack, whatever its props. */
export interface PublishableModule {
  readonly definition: { readonly name: string; readonly summary: string; readonly example?: string };
  /** The module's files by path relative to its folder; nested modules' under `modules/<name>/`. */
  toModuleFiles(): ModuleFiles;
}

const MAIN_BLOCKS = ["locals", "data", "ephemeral", "resource", "module", "moved", "check"];

/**
 * Binds a construct's props to Terraform variables and its attributes to outputs, and renders the
 * result as a standard module: no provider, no backend, no cdktf metadata.
 */
export class ModuleStack<P extends object, C extends Construct> extends ReadableStack implements PublishableModule {
  private readonly submodules: PublishableModule[];

  constructor(
    scope: App,
    public readonly definition: ModuleDefinition<P, C>,
    id = definition.name,
  ) {
    super(scope, id);
    markPublishing(this);
    this.submodules = (definition.submodules ?? []).map((submodule) => new ModuleStack(scope, submodule, `${id}--${submodule.name}`));
    const propDocs = memberDocs(definition.props.file, definition.props.declaration);
    const props: Record<string, unknown> = {};
    const variables = new Map<string, TerraformVariable>();
    for (const [key, spec] of Object.entries(definition.inputs) as [string, InputSpec<unknown>][]) {
      const description = propDocs.get(key);
      if (!description) throw new Error(`${definition.props.declaration}.${key} has no TSDoc; it is the variable's description.`);
      const variable = new TerraformVariable(this, snakeCase(key), {
        type: spec.type,
        description,
        default: spec.default ?? undefined,
        nullable: spec.default === null,
        sensitive: spec.sensitive,
      });
      // cdktf cannot render a null default; an override can.
      if (spec.default === null) variable.addOverride("default", null);
      variables.set(key, variable);
      const reference = variable.value as IResolvable;
      props[key] = spec.attributes ? objectToken(reference, spec.attributes) : typedToken(reference, spec.type);
    }
    for (const rule of definition.rules) {
      const name = snakeCase(String(rule.input));
      const spec = definition.inputs[rule.input] as InputSpec<unknown>;
      variables.get(String(rule.input))!.addValidation({
        condition: `\${${rule.condition}}`,
        errorMessage: ruleMessage(name, rule.detail ? `${rule.allowed}: ${rule.detail.template}` : rule.allowed, gotText(spec, `\${jsonencode(var.${name})}`)),
      });
    }
    const construct = definition.create(this, "Default", props as P);
    addMovedBlocks(this, definition.moved ?? []);
    const outputDocs = memberDocs(definition.construct.file, definition.construct.declaration);
    for (const attribute of definition.outputs) {
      const description = outputDocs.get(attribute);
      if (!description) throw new Error(`${definition.construct.declaration}.${attribute} has no TSDoc; it is the output's description.`);
      const sensitive = definition.sensitiveOutputs?.includes(attribute);
      new TerraformOutput(this, `${snakeCase(attribute)}:output`, { value: construct[attribute], description, sensitive });
    }
  }

  /** The module as files: main, variables, outputs and versions, each a sorted `.tf.json`, and its nested modules. */
  public toModuleFiles(): ModuleFiles {
    const config = withoutMetadata(this.toTerraform()) as Record<string, unknown>;
    const main = Object.fromEntries(MAIN_BLOCKS.filter((block) => config[block]).map((block) => [block, config[block]]));
    const files: ModuleFiles = {
      "main.tf.json": renderJson(main),
      "variables.tf.json": renderJson({ variable: config.variable }),
      "outputs.tf.json": renderJson({ output: config.output }),
      "versions.tf.json": renderJson({ terraform: MODULE_REQUIREMENTS }),
    };
    for (const submodule of this.submodules) {
      for (const [file, text] of Object.entries(submodule.toModuleFiles())) files[`modules/${submodule.definition.name}/${file}`] = text;
    }
    return files;
  }
}

/** Drops cdktf's `//` metadata at every level. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, inner]) => [key, withoutMetadata(inner)]),
  );
}

/** JSON with object keys sorted, so regenerating an unchanged module changes no byte. */
export function renderJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
