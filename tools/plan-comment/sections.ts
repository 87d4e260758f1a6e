import { Action, PlanCounts, ResourceChange, actionOf, isImport, isMove } from "./plan";

/** Monthly USD for the prior state and for the planned state. */
export interface MonthlyCost {
  before: number;
  after: number;
}

export function countsLine(counts: PlanCounts): string {
  const parts = [
    `${counts.add} to add`,
    `${counts.change} to change`,
    `${counts.replace} to replace`,
    `${counts.destroy} to destroy`,
    `${counts.move} to move`,
    `${counts.import} to import`,
  ];
  if (counts.forget > 0) parts.push(`${counts.forget} to forget`);
  const outputs = counts.outputs > 0 ? ` · ${counts.outputs} output${counts.outputs === 1 ? "" : "s"} to change` : "";
  return `**${parts.join(" · ")}**${outputs}`;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function costLine(cost: MonthlyCost | undefined): string {
  if (!cost) return "**Monthly cost:** unavailable (no estimate was given for this plan)";
  const delta = cost.after - cost.before;
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const percent = cost.before > 0 ? `, ${sign}${((Math.abs(delta) / cost.before) * 100).toFixed(1)}%` : "";
  return `**Monthly cost:** ${usd.format(cost.before)} → ${usd.format(cost.after)} (**${sign}${usd.format(Math.abs(delta))}**${percent})`;
}

/** Why terraform destroys or replaces an object, from `action_reason` and `replace_paths`. */
function reasonOf(change: ResourceChange): string | undefined {
  const paths = change.change.replace_paths ?? [];
  const forcedBy = paths.length > 0 ? `forced by ${paths.map((path) => `\`${attributePath(path)}\``).join(", ")}` : undefined;
  switch (change.action_reason) {
    case "replace_because_cannot_update":
      return forcedBy ?? "an argument that cannot be updated in place changed";
    case "replace_because_tainted":
      return "the object is tainted";
    case "replace_by_request":
      return "requested with `-replace`";
    case "replace_by_triggers":
      return "`replace_triggered_by` fired";
    case "delete_because_no_resource_config":
      return "no longer in the configuration";
    case "delete_because_no_module":
      return "its module call was removed";
    case "delete_because_wrong_repetition":
      return "the resource switched between `count` and `for_each`";
    case "delete_because_count_index":
      return "its `count` index is out of range";
    case "delete_because_each_key":
      return "its `for_each` key is gone";
    case "delete_because_no_move_target":
      return "its `moved` target is not in the configuration";
    default:
      return forcedBy;
  }
}

/** `ingress[0].cidr_blocks` from `["ingress", 0, "cidr_blocks"]`. */
export function attributePath(path: (string | number)[]): string {
  return path.map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`)).join("");
}

const deposedNote = (change: ResourceChange) => (change.deposed ? ` (deposed object \`${change.deposed}\`)` : "");

/** One quoted line per replaced, then destroyed, resource instance. */
export function warningLines(changes: ResourceChange[]): string[] {
  const lines: string[] = [];
  for (const action of ["replace", "destroy"] as const) {
    for (const change of changes.filter((c) => actionOf(c) === action)) {
      const reason = reasonOf(change);
      lines.push(`> - **${action}** \`${change.address}\`${deposedNote(change)}${reason ? `: ${reason}` : ""}`);
    }
  }
  return lines;
}

const LABELS: Record<Exclude<Action, "no-op">, string> = {
  add: "`+` add",
  change: "`~` change",
  replace: "`-/+` replace",
  destroy: "`-` destroy",
  forget: "`.` forget (stays in AWS, leaves the state)",
};

/** A listed instance that does nothing else is there because it moves or is imported. */
function labelOf(change: ResourceChange): string {
  const action = actionOf(change);
  if (action !== "no-op") return LABELS[action];
  return isMove(change) ? "`→` move" : "`<=` import";
}

/** `data` or `bucket["eu-west-1a"]`: the address within its module and type. */
function instanceName(change: ResourceChange): string {
  const inModule = change.module_address ? change.address.slice(change.module_address.length + 1) : change.address;
  return inModule.slice(change.type.length + 1);
}

function instanceLine(change: ResourceChange): string {
  const notes: string[] = [];
  if (isMove(change)) notes.push(`from \`${change.previous_address}\``);
  if (isImport(change)) notes.push(`imported${change.change.importing?.id ? ` from \`${change.change.importing.id}\`` : ""}`);
  return `    - ${labelOf(change)} \`${instanceName(change)}\`${deposedNote(change)}${notes.length > 0 ? ` · ${notes.join(" · ")}` : ""}`;
}

/** A resource with more instances than this, all doing the same, is listed as one line. */
const LISTED_INSTANCES = 5;

/** The type's lines: one per instance, or one per resource whose many instances all do the same. */
function typeLines(changes: ResourceChange[]): string[] {
  const byResource = new Map<string, ResourceChange[]>();
  for (const change of changes) byResource.set(change.name, [...(byResource.get(change.name) ?? []), change]);
  return [...byResource.values()].flatMap((instances) => {
    const [first] = instances;
    const alike = instances.every((c) => actionOf(c) === actionOf(first) && !isMove(c) && !isImport(c) && !c.deposed);
    if (instances.length <= LISTED_INSTANCES || !alike) return instances.map(instanceLine);
    const last = instances[instances.length - 1];
    return [`    - ${labelOf(first)} \`${first.name}\` × ${instances.length} (\`${instanceName(first)}\` … \`${instanceName(last)}\`)`];
  });
}

/** Nested list lines: module, then resource type, then its instances. */
export function groupLines(changes: ResourceChange[]): string[] {
  const byModule = new Map<string, Map<string, ResourceChange[]>>();
  for (const change of changes) {
    const module = change.module_address ?? "";
    if (!byModule.has(module)) byModule.set(module, new Map());
    const byType = byModule.get(module)!;
    byType.set(change.type, [...(byType.get(change.type) ?? []), change]);
  }
  const lines: string[] = [];
  for (const module of [...byModule.keys()].sort()) {
    lines.push(`- ${module ? `\`${module}\`` : "root module"}`);
    const byType = byModule.get(module)!;
    for (const type of [...byType.keys()].sort()) lines.push(`  - \`${type}\``, ...typeLines(byType.get(type)!));
  }
  return lines;
}
