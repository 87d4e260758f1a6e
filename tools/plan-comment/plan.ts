/**
 * The parts of `terraform show -json <planfile>` the comment and the apply gate read
 * (https://developer.hashicorp.com/terraform/internals/json-format). Unknown keys stay in the
 * object, so the hash sees what it chooses to keep.
 */
export interface PlanJson {
  format_version?: string;
  terraform_version?: string;
  timestamp?: string;
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, Change>;
  [key: string]: unknown;
}

export interface Change {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  /** Paths of the attributes whose change forces the replacement. */
  replace_paths?: (string | number)[][];
  /** Present when the plan imports the object. */
  importing?: { id?: string; identity?: unknown };
}

export interface ResourceChange {
  address: string;
  previous_address?: string;
  module_address?: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: string | number;
  deposed?: string;
  action_reason?: string;
  change: Change;
}

/** What a managed resource instance will undergo, as a reviewer counts it: a replacement is one thing. */
export type Action = "add" | "change" | "replace" | "destroy" | "forget" | "no-op";

export function actionOf(change: ResourceChange): Action {
  const actions = change.change.actions;
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  if (actions.includes("create")) return "add";
  if (actions.includes("delete")) return "destroy";
  if (actions.includes("update")) return "change";
  if (actions.includes("forget")) return "forget";
  return "no-op";
}

export const isMove = (change: ResourceChange) => change.previous_address !== undefined && change.previous_address !== change.address;
export const isImport = (change: ResourceChange) => change.change.importing !== undefined;

/** Data sources are reads, never changes to infrastructure. */
export const managedChanges = (plan: PlanJson) => (plan.resource_changes ?? []).filter((change) => change.mode === "managed");

/** A resource instance the comment lists: it changes, moves or is imported. */
export const isNotable = (change: ResourceChange) => actionOf(change) !== "no-op" || isMove(change) || isImport(change);

export interface PlanCounts {
  add: number;
  change: number;
  replace: number;
  destroy: number;
  move: number;
  import: number;
  forget: number;
  /** Root outputs whose value changes. */
  outputs: number;
}

export function countPlan(plan: PlanJson): PlanCounts {
  const counts: PlanCounts = { add: 0, change: 0, replace: 0, destroy: 0, move: 0, import: 0, forget: 0, outputs: 0 };
  for (const change of managedChanges(plan)) {
    const action = actionOf(change);
    if (action !== "no-op") counts[action]++;
    if (isMove(change)) counts.move++;
    if (isImport(change)) counts.import++;
  }
  counts.outputs = Object.values(plan.output_changes ?? {}).filter((change) => !change.actions.every((a) => a === "no-op")).length;
  return counts;
}

export const hasChanges = (counts: PlanCounts) => Object.values(counts).some((count) => count > 0);
export const destroysSomething = (counts: PlanCounts) => counts.destroy + counts.replace > 0;
