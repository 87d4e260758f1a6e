import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { Change, PlanJson, ResourceChange, isImport, isMove } from "./plan";

/**
 * Names the normalization below; it is hashed with the plan, so a plan hashed under other rules
 * can never match.
 */
export const NORMALIZATION = "lgtm-fargate/plan-hash/v1";

/**
 * What the apply gate compares: what apply will do, and nothing that differs between two plans
 * of the same change.
 *
 * Kept, for each resource instance whose actions are not only no-op (managed and data), or that
 * moves or is imported: address, previous address, deposed key, actions, action reason, replace
 * paths, import; then, by action:
 * - created, replaced or read: the whole planned object (`after`, `after_unknown`,
 *   `after_sensitive`), and for a replacement the prior values of the attributes that differ;
 * - updated in place: each top-level attribute that changes (differs, or becomes unknown) with its
 *   prior value, planned value, unknown and sensitive marks;
 * - destroyed or forgotten: nothing more, which object is enough.
 * And each root output whose actions are not only no-op, with its planned value.
 *
 * Dropped: `timestamp`, `format_version`, `terraform_version`; `planned_values`, `prior_state`,
 * `relevant_attributes` and `checks` (derived from, or already inside, what is kept);
 * `configuration` (source text: a comment or a description edit changes nothing apply does);
 * resources that do not change, and the unchanged attributes of updated ones, whose refreshed
 * values can move between two plans (timestamps, counters kept by AWS) without changing anything
 * apply will do.
 *
 * Object keys are sorted; resource changes are sorted by address and deposed key; other arrays
 * keep their order, which is meaningful.
 */
export function normalizePlan(plan: PlanJson): object {
  const resources = (plan.resource_changes ?? [])
    .filter((resource) => resource.change.actions.some((action) => action !== "no-op") || isMove(resource) || isImport(resource))
    .sort((a, b) => compare(a.address, b.address) || compare(a.deposed ?? "", b.deposed ?? ""))
    .map(normalizeResource);
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, change]) => change.actions.some((action) => action !== "no-op"))
    .map(([name, change]) => [name, { actions: change.actions, ...planned(change) }]);
  return { normalization: NORMALIZATION, resource_changes: resources, output_changes: Object.fromEntries(outputs) };
}

/** `sha256:<hex>` of the normalized plan's canonical JSON. */
export function planHash(plan: PlanJson): string {
  return `sha256:${createHash("sha256").update(canonicalJson(normalizePlan(plan))).digest("hex")}`;
}

function normalizeResource(resource: ResourceChange): object {
  const { change } = resource;
  const identity = {
    address: resource.address,
    previous_address: resource.previous_address,
    deposed: resource.deposed,
    action_reason: resource.action_reason,
    actions: change.actions,
    replace_paths: change.replace_paths,
    importing: change.importing,
  };
  const actions = new Set(change.actions);
  if (actions.has("create") || actions.has("read")) {
    return { ...identity, ...planned(change), ...(actions.has("delete") ? { before_changed: priorOfChanged(change) } : {}) };
  }
  if (actions.has("update")) return { ...identity, changed: changedAttributes(change) };
  return identity;
}

function planned(change: Change) {
  return { after: change.after, after_unknown: change.after_unknown, after_sensitive: change.after_sensitive };
}

/** Top-level attributes an update changes: a different value, or one known only after apply. */
function changedKeys(change: Change): string[] {
  const [before, after, unknown] = [change.before, change.after, change.after_unknown].map((value) => (isObject(value) ? value : {}));
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)]);
  return [...keys].filter((key) => !isDeepStrictEqual(before[key], after[key]) || containsTrue(unknown[key]));
}

function changedAttributes(change: Change): object {
  const pick = (value: unknown, key: string) => (isObject(value) ? value[key] : undefined);
  return Object.fromEntries(
    changedKeys(change).map((key) => [
      key,
      { before: pick(change.before, key), after: pick(change.after, key), unknown: pick(change.after_unknown, key), sensitive: pick(change.after_sensitive, key) },
    ]),
  );
}

function priorOfChanged(change: Change): object {
  return Object.fromEntries(changedKeys(change).map((key) => [key, isObject(change.before) ? change.before[key] : undefined]));
}

const containsTrue = (value: unknown): boolean =>
  value === true || (Array.isArray(value) ? value.some(containsTrue) : isObject(value) && Object.values(value).some(containsTrue));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort(compare);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
