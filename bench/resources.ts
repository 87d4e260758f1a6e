import { basename } from "node:path";
import { instancesOf, PlanJson } from "../tools/cost/plan-json";

/** Managed resource instances in the plan's planned state. */
export function plannedResources(plan: PlanJson): number {
  return instancesOf(plan.planned_values?.root_module).length;
}

/**
 * Managed resource instances planned inside each published module the root calls (`source` ending
 * in `modules/<name>`), nested modules included, by module name.
 */
export function resourcesByPublishedModule(plan: PlanJson): Map<string, number> {
  const calls = plan.configuration?.root_module?.module_calls ?? {};
  const counts = new Map<string, number>();
  for (const instance of instancesOf(plan.planned_values?.root_module)) {
    const call = /^module\.([^.[]+)/.exec(instance.module)?.[1];
    const source = call === undefined ? undefined : calls[call]?.source;
    if (source === undefined || !/(^|\/)modules\/[^/]+\/?$/.test(source)) continue;
    const name = basename(source);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
