import { TerraformHclModule, Token } from "cdktf";
import { Construct } from "constructs";
import { hcl, raw } from "./hcl";
import { InputSpec, snakeCase } from "./inputs";
import { ModuleDefinition } from "./module-definition";

const PUBLISHING = "lgtm-fargate:publishing";

/** Marks a stack as one that publishes a module: the constructs in it compose modules by calling them. */
export function markPublishing(stack: Construct): void {
  stack.node.setContext(PUBLISHING, true);
}

/** True inside a stack that publishes a module (as opposed to an env root). */
export function isPublishing(scope: Construct): boolean {
  return scope.node.tryGetContext(PUBLISHING) === true;
}

/** Where a building block's published module is, and whether the composition uses it. */
export interface BlockCall {
  /** Module source relative to the calling module: `./modules/<name>` (nested) or `../<name>` (a sibling). */
  readonly source: string;
  /** 0 or 1 (`countIf`): a literal in an env, where 0 creates nothing; absent uses the block once. */
  readonly count?: number;
}

/**
 * A building block inside a composition, one code path for both faces: in an env the construct
 * itself, so its resources sit in the root with readable addresses; in a published composition a
 * `module` call of the block's published module, which can be counted (an optional block) and
 * whose internals stay the block's own. Either way the result reads like the construct: each of the
 * definition's outputs as an attribute (with `count`, null when the block is not called).
 */
export function useBlock<P extends object, C extends Construct>(scope: Construct, id: string, definition: ModuleDefinition<P, C>, props: P, call: BlockCall): C {
  if (!isPublishing(scope)) {
    if (Token.isUnresolved(call.count)) throw new Error(`${scope.node.path}/${id}: whether to use ${definition.name} must be a literal in an env root.`);
    if (call.count === 0) return Object.fromEntries(definition.outputs.map((attribute) => [attribute, null])) as unknown as C;
    return definition.create(scope, id, props);
  }
  const module = new TerraformHclModule(scope, id, { source: call.source, variables: moduleVariables(definition, props), skipAssetCreationFromLocalModules: true });
  if (call.count !== undefined) module.addOverride("count", call.count);
  const outputs: Record<string, unknown> = {};
  for (const attribute of definition.outputs) {
    const output = raw(snakeCase(attribute));
    // Of a counted call, one instance's output by index: `module.x[*].out` would depend on every
    // output of the call, a cycle when the block reads a sibling that reads another of its outputs
    // (CloudFront's origin is the load balancer, whose rule needs CloudFront's header). Terraform
    // reports no error from the branch a condition does not take.
    outputs[attribute] = call.count === undefined ? hcl`${raw(module.fqn)}.${output}` : hcl`(${call.count}) == 1 ? ${raw(module.fqn)}[0].${output} : null`;
  }
  return outputs as unknown as C;
}

/** The props as the block module's variables: snake_case names, object props with snake_case attributes. */
function moduleVariables<P extends object>(definition: Pick<ModuleDefinition<P, Construct>, "inputs">, props: P): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(definition.inputs) as [string, InputSpec<unknown>][]) {
    const value = (props as Record<string, unknown>)[key];
    if (value === undefined) continue;
    variables[snakeCase(key)] = spec.attributes && isPlainObject(value) ? snakeCaseKeys(value as Record<string, unknown>) : value;
  }
  return variables;
}

function snakeCaseKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [snakeCase(key), inner]));
}

function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
