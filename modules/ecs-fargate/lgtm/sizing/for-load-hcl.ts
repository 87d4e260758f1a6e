import { FARGATE_CPUS, FARGATE_MEMORY_BY_CPU } from "../../../shared/fargate";
import { sizingInput } from "../settings";
import { Expr, toHcl } from "./expr";
import { COST, LIMITS, LOAD_CACHES, LOAD_REPLICATION, request, Request, roleRules, taskCount } from "./for-load";
import { DERIVED_LOAD } from "./load";
import { LgtmSizing, ReplicationFactors, RoleSizes, SizedRole, SPOT_ALLOWED } from "./sizing";
import { RoleRule } from "./sizing-rules";

/**
 * sizeForLoad as a Terraform expression, for a load that is a module variable. The arithmetic is
 * rendered from the same expressions for-load.ts evaluates (the rules, the task counts, the
 * requests, the cost); what is written here by hand mirrors for-load.ts's list work: round a
 * request up to the first Fargate pair that holds it, and of the candidate counts of Mimir and
 * Alloy keep those Fargate can run and take the cheapest, the first on a tie.
 */

/** `value` bound to `name` in `body`: HCL has no `let`, a one-element `for` does the same. */
const letIn = (name: string, value: string, body: string) => `[for ${name} in [${value}] : ${body}][0]`;

/** Literal values as HCL: JSON is valid HCL. */
const json = (value: unknown) => JSON.stringify(value);

/** Fargate's CPU and memory pairs, by CPU then memory: the first that holds a request is roundUpToFargate's. */
const FARGATE_PAIRS = FARGATE_CPUS.flatMap((cpu) => FARGATE_MEMORY_BY_CPU[cpu].map((memory) => ({ cpu, memory })));

/** In the rules, the load's fields and rates are read from `load`, the count is the `tasks` in scope. */
const ruleNames = (name: string) => (name === "tasks" ? "tasks" : `load.${name}`);

/** The request of `tasks` tasks as an object `{ tasks, cpu, memory, disk }`. */
function requestHcl(asks: Request): string {
  const field = (expr: Expr) => toHcl(expr, ruleNames);
  return `{ tasks = tasks, cpu = ${field(asks.cpu)}, memory = ${field(asks.memory)}, disk = ${field(asks.disk)} }`;
}

/** Request `n` on the smallest Fargate pair that holds it (the caller keeps `n` within Fargate's limits). */
const roundedHcl = (n: string) =>
  letIn("pair", `[for p in pairs : p if p.cpu >= ${n}.cpu && p.memory >= ${n}.memory][0]`, `{ tasks = ${n}.tasks, cpu = pair.cpu, memory = pair.memory, disk = ${n}.disk }`);

/** The cheapest candidate count, as for-load.ts's cheapestSplit. */
function cheapestSplitHcl(rule: RoleRule, asks: Request): string {
  const candidates = `[for tasks in range(${rule.minimum}, ${LIMITS.splitTasks + 1}, ${rule.step ?? 1}) : ${requestHcl(asks)}]`;
  const fits = `n.cpu <= ${LIMITS.cpu} && n.memory <= ${LIMITS.memory} && n.disk <= ${LIMITS.diskGiB}`;
  return letIn(
    "layouts",
    `[for n in ${candidates} : ${roundedHcl("n")} if ${fits}]`,
    letIn("costs", `[for l in layouts : ${toHcl(COST, (name) => `l.${name}`)}]`, "layouts[index(costs, min(costs...))]"),
  );
}

/** One role's `lgtm.sizing` entry. */
function roleHcl(role: SizedRole, rule: RoleRule): string {
  const asks = request(role, rule);
  const count = taskCount(rule);
  const layout = count === undefined ? cheapestSplitHcl(rule, asks) : letIn("tasks", toHcl(count, ruleNames), letIn("n", requestHcl(asks), roundedHcl("n")));
  const ephemeral = `l.disk > ${LIMITS.includedDiskGiB} ? l.disk : null`;
  return letIn("l", layout, `{ tasks = l.tasks, cpu = l.cpu, memory = l.memory, ephemeral_storage_gib = ${ephemeral}, spot = ${SPOT_ALLOWED[role] ? "l.tasks > 1" : "false"}, memcached_mib = null }`);
}

/** `{ sizing, replication }` from each role's entry as HCL; `tomap` gives every layout one type, so a conditional can choose between them. */
function layoutHcl(entries: Readonly<Record<string, string>>, replication: ReplicationFactors): string {
  const sizing = Object.entries(entries).map(([role, entry]) => `${json(role)} = ${entry}`);
  return `{ sizing = tomap({ ${sizing.join(", ")} }), replication = ${json(replication)} }`;
}

const literalEntries = (sizing: LgtmSizing) => Object.fromEntries(Object.entries(sizingInput(sizing)).map(([role, size]) => [role, json(size)]));

/** A profile as the HCL value {@link sizeForLoadHcl} gives for a load. */
export function profileHcl(sizing: LgtmSizing): string {
  return layoutHcl(literalEntries(sizing), sizing.replication);
}

/** The caches' entries, the same at every load (sizingInput reads only the roles). */
const CACHE_ENTRIES = literalEntries({ name: "load", roles: LOAD_CACHES as unknown as RoleSizes, replication: LOAD_REPLICATION, notes: [] });

/**
 * `{ sizing, replication }` for the load object `given` (an HCL expression, read more than once):
 * `sizing` is what sizingInput(sizeForLoad(load)) gives, `replication` its replication factors.
 * The load must be valid (loadInputRules): beyond the limits the expression fails to evaluate.
 */
export function sizeForLoadHcl(given: string): string {
  const derived = Object.entries(DERIVED_LOAD).map(([name, expr]) => `${name} = ${toHcl(expr, (field) => `${given}.${field}`)}`);
  const rules = Object.entries(roleRules(LOAD_REPLICATION)) as [SizedRole, RoleRule][];
  const entries = { ...Object.fromEntries(rules.map(([role, rule]) => [role, roleHcl(role, rule)])), ...CACHE_ENTRIES };
  return letIn("load", `merge(${given}, { ${derived.join(", ")} })`, letIn("pairs", json(FARGATE_PAIRS), layoutHcl(entries, LOAD_REPLICATION)));
}
