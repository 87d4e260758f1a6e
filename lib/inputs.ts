import { Token } from "cdktf";

/**
 * How one construct prop is exposed as a Terraform variable of the published module. The variable
 * name is the prop name in snake_case; its description is the prop's TSDoc.
 */
export interface InputSpec<T> {
  /** Terraform type constraint, e.g. `list(string)`. */
  readonly type: string;
  /** Default value; absent means the input is required. `null` makes it optional with no value. */
  readonly default?: T | null;
  /** Attributes of an object-typed input, each handed to the construct as its own token. */
  readonly attributes?: Readonly<Record<string, string>>;
  /**
   * A secret: the variable is `sensitive`, so Terraform hides it in plans and output, and error
   * messages name it without quoting its value (see {@link gotText}).
   */
  readonly sensitive?: boolean;
}

/** One spec per prop, required ones included. */
export type InputSpecs<P> = { readonly [K in keyof P]-?: InputSpec<P[K]> };

/**
 * A rule on the inputs, written once and enforced twice: in TypeScript when the props are literal
 * (synth time) and as a Terraform `validation` block on the variable for HCL consumers.
 */
export interface InputRule<P> {
  /** The input the rule is attached to; its value is quoted in the error. */
  readonly input: keyof P;
  /** Other inputs the rule reads (a cross-variable validation). */
  readonly reads?: readonly (keyof P)[];
  /** What is allowed, completing "<input> …; got <value>." */
  readonly allowed: string;
  /** The TypeScript check, on props with defaults applied. */
  valid(props: Required<P>): boolean;
  /** The same check as a Terraform expression over `var.<name>`; it must never error, only be false. */
  readonly condition: string;
  /**
   * For a value too large to read at a glance (a map of services): which part of it breaks the
   * rule, as text from the props in TypeScript and as the same text in an HCL template over
   * `var.<name>`. It follows `allowed` after a colon.
   */
  readonly detail?: { text(props: Required<P>): string; readonly template: string };
}

/** `natGatewayMode` → `nat_gateway_mode`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** True when the value is, or holds anywhere inside it, an unresolved cdktf token. */
export function containsToken(value: unknown): boolean {
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsToken);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsToken);
  return false;
}

/** The props with each absent optional input set to its default. */
export function withDefaults<P extends object>(props: P, specs: InputSpecs<P>): Required<P> {
  const complete: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  for (const [key, spec] of Object.entries(specs) as [string, InputSpec<unknown>][]) {
    if (complete[key] === undefined && spec.default !== undefined) complete[key] = spec.default;
  }
  return complete as Required<P>;
}

/** The error text both faces use: the input's name, what is allowed, and the bad value. */
export function ruleMessage(name: string, allowed: string, got: string): string {
  return `${name} ${allowed}; got ${got}.`;
}

/** What a message quotes of a sensitive input instead of its value, which must never reach a log. */
export const SENSITIVE_VALUE = "(sensitive value)";

/**
 * The "got" part of a message: the value as JSON, or {@link SENSITIVE_VALUE} for a sensitive input
 * (Terraform would hide a whole message that quoted one, leaving no message at all).
 */
export function gotText(spec: Pick<InputSpec<unknown>, "sensitive">, json: string): string {
  return spec.sensitive ? SENSITIVE_VALUE : json;
}

/**
 * Checks literal props against the specs and rules and throws one error listing every problem,
 * each as `prop: <the message the Terraform validation gives>`.
 * Rules reading a token (a `var.*` in a published module) are left to Terraform's validation.
 */
export function checkInputs<P extends object>(
  owner: string,
  props: Required<P>,
  specs: InputSpecs<P>,
  rules: readonly InputRule<P>[],
): void {
  const problems: string[] = [];
  const values = props as Record<string, unknown>;
  for (const key of Object.keys(specs)) {
    if (values[key] === undefined) problems.push(`${key}: ${snakeCase(key)} is required.`);
  }
  for (const rule of rules) {
    const read = [rule.input, ...(rule.reads ?? [])];
    if (read.some((key) => values[key as string] === undefined || containsToken(values[key as string]))) continue;
    if (!rule.valid(props)) {
      const key = String(rule.input);
      const allowed = rule.detail ? `${rule.allowed}: ${rule.detail.text(props)}` : rule.allowed;
      const spec = specs[key as keyof P] as InputSpec<unknown>;
      problems.push(`${key}: ${ruleMessage(snakeCase(key), allowed, gotText(spec, JSON.stringify(values[key])))}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${owner}: invalid input.\n  - ${problems.join("\n  - ")}`);
  }
}
