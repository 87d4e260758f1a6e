/**
 * The parts of `terraform show -json <plan>` the estimator reads (format 1.x): resource instances
 * of a state (`planned_values` or `prior_state.values`), the configuration they came from, and the
 * region.
 */

export interface PlanJson {
  readonly planned_values?: { readonly root_module?: StateModule };
  readonly prior_state?: { readonly values?: { readonly root_module?: StateModule } };
  readonly configuration?: {
    readonly provider_config?: Readonly<Record<string, { readonly name?: string; readonly alias?: string; readonly expressions?: Readonly<Record<string, Expression>> }>>;
    readonly root_module?: ConfigModule;
  };
}

export interface StateModule {
  readonly address?: string;
  readonly resources?: readonly StateResource[];
  readonly child_modules?: readonly StateModule[];
}

export interface StateResource {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface ConfigModule {
  readonly resources?: readonly ConfigResource[];
  readonly module_calls?: Readonly<Record<string, { readonly source?: string; readonly module?: ConfigModule }>>;
}

export interface ConfigResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly expressions?: Readonly<Record<string, Expression>>;
  readonly for_each_expression?: Expression;
  readonly count_expression?: Expression;
}

/** An expression as terraform shows it: a constant, or the references it makes. */
export interface Expression {
  readonly constant_value?: unknown;
  readonly references?: readonly string[];
}

/** A managed resource instance, with the module instance it lives in ("" for the root). */
export interface Instance {
  readonly address: string;
  readonly module: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly values: Readonly<Record<string, unknown>>;
}

/** Every managed resource instance under a state module, depth first. */
export function instancesOf(root: StateModule | undefined): Instance[] {
  const found: Instance[] = [];
  const visit = (module: StateModule) => {
    for (const resource of module.resources ?? []) {
      if (resource.mode !== "managed") continue;
      found.push({
        address: resource.address,
        module: module.address ?? "",
        type: resource.type,
        name: resource.name,
        ...(resource.index === undefined ? {} : { index: resource.index }),
        values: resource.values ?? {},
      });
    }
    for (const child of module.child_modules ?? []) visit(child);
  };
  if (root) visit(root);
  return found;
}

/** `module.a["x"].module.b` → ["a", "b"]: the module calls, without instance keys, that configuration is keyed by. */
function moduleCalls(moduleAddress: string): string[] {
  return [...moduleAddress.matchAll(/module\.([^.[]+)(?:\[[^\]]*\])?/g)].map((match) => match[1]);
}

/** The configuration block an instance was planned from (shared by every instance of a module call and of a resource). */
export function configOf(plan: PlanJson, instance: Pick<Instance, "module" | "type" | "name">): ConfigResource | undefined {
  let module = plan.configuration?.root_module;
  for (const call of moduleCalls(instance.module)) module = module?.module_calls?.[call]?.module;
  return module?.resources?.find((resource) => resource.type === instance.type && resource.name === instance.name);
}

/**
 * The region a plan deploys to: the default `aws` provider's literal `region`, else the most common
 * `region` attribute of its resources (hashicorp/aws 6 sets one on every resource).
 */
export function planRegion(plan: PlanJson): string | undefined {
  const provider = Object.values(plan.configuration?.provider_config ?? {}).find((config) => config.name === "aws" && !config.alias);
  const literal = provider?.expressions?.region?.constant_value;
  if (typeof literal === "string") return literal;
  const counts = new Map<string, number>();
  for (const instance of [...instancesOf(plan.planned_values?.root_module), ...instancesOf(plan.prior_state?.values?.root_module)]) {
    const region = instance.values.region;
    if (typeof region === "string") counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A nested block terraform shows as a one-element list, or undefined. */
export function block(values: Readonly<Record<string, unknown>>, name: string): Readonly<Record<string, unknown>> | undefined {
  const list = values[name];
  return Array.isArray(list) && list.length > 0 ? (list[0] as Record<string, unknown>) : undefined;
}
