/**
 * Hidden HTML comments that let the workflows find their own comments and issues again, and carry
 * what the apply gate needs from the reviewed plan. Each starts the body it marks, so a human
 * quoting one further down is never mistaken for it.
 */
export type MarkerKind = "plan" | "drift" | "fork-notice";

/** What a PR's plan comment records about the plan a reviewer saw. */
export interface PlanRecord {
  env: string;
  /** `planHash` of the plan JSON. */
  plan: string;
  /** The PR head commit that was planned. */
  head: string;
  /** The workflow run whose artifact holds the plan file. */
  run: string;
  /** Whether applying the plan would change anything. */
  changes: boolean;
}

const PATTERNS: Record<keyof PlanRecord, RegExp> = {
  env: /^[a-z0-9][a-z0-9-]*$/,
  plan: /^sha256:[0-9a-f]{64}$/,
  head: /^[0-9a-f]{40}$/,
  run: /^[0-9]+$/,
  changes: /^(yes|no)$/,
};

export function checkEnvName(env: string): string {
  if (!PATTERNS.env.test(env)) throw new Error(`env name ${JSON.stringify(env)} must be lowercase letters, digits and dashes`);
  return env;
}

/** The start every marker of this kind for this env begins with; the space ends the env name, so `dev` never matches `dev2`. */
export const markerPrefix = (kind: MarkerKind, env: string) => `<!-- lgtm-fargate:${kind} env=${checkEnvName(env)} `;

export function marker(kind: MarkerKind, env: string): string {
  return `${markerPrefix(kind, env)}-->`;
}

export function planMarker(record: PlanRecord): string {
  const fields = { plan: record.plan, head: record.head, run: record.run, changes: record.changes ? "yes" : "no" };
  for (const [name, value] of Object.entries(fields)) {
    if (!PATTERNS[name as keyof PlanRecord].test(value)) throw new Error(`plan marker: ${name}=${JSON.stringify(value)} is malformed`);
  }
  return `${markerPrefix("plan", record.env)}${Object.entries(fields).map(([name, value]) => `${name}=${value}`).join(" ")} -->`;
}

/** The record in a body that starts with this env's plan marker; undefined for any other body. */
export function readPlanMarker(body: string, env: string): PlanRecord | undefined {
  if (!body.startsWith(markerPrefix("plan", env))) return undefined;
  const line = body.slice(0, body.indexOf("-->"));
  const fields = Object.fromEntries([...line.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1], match[2]]));
  const valid = (Object.keys(PATTERNS) as (keyof PlanRecord)[]).every((name) => PATTERNS[name].test(fields[name] ?? ""));
  if (!valid || fields.env !== env) return undefined;
  return { env, plan: fields.plan, head: fields.head, run: fields.run, changes: fields.changes === "yes" };
}
