/**
 * Arithmetic written once and read two ways: {@link evaluate} computes it in TypeScript (synth
 * time, the cost tool), {@link toHcl} renders it as a Terraform expression (a published module,
 * where the load is a variable). The sizing rules are written in it, so Grafana's formulas exist
 * once. The operations are the ones the rules need and that both languages share: + - * /, max,
 * ceil, and one comparison.
 */
export type Expr = number | Ref | Binary | Max | Ceil | AtMost;

interface Ref {
  readonly ref: string;
}
interface Binary {
  readonly op: "+" | "-" | "*" | "/";
  readonly a: Expr;
  readonly b: Expr;
}
interface Max {
  readonly op: "max";
  readonly args: readonly Expr[];
}
interface Ceil {
  readonly op: "ceil";
  readonly a: Expr;
}
/** `a <= b ? then : otherwise` */
interface AtMost {
  readonly op: "<=";
  readonly a: Expr;
  readonly b: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
}

/** Values of the quantities an expression names, by name. */
export type Env = Readonly<Record<string, number>>;

/** A named quantity: a load field, a derived rate, the task count. */
export function ref(name: string): Expr {
  return { ref: name };
}

// Operations on numbers alone are done here, as evaluate would do them, so a rule may write
// `mul(2, 1024)` where that is clearer and its HCL shows 2048.
function binary(op: Binary["op"], a: Expr, b: Expr): Expr {
  return isNumber(a) && isNumber(b) ? arithmetic(op, a, b) : { op, a, b };
}

const isNumber = (expr: Expr): expr is number => typeof expr === "number";

/** a + b + …, added left to right as TypeScript would. */
export const add = (...terms: Expr[]): Expr => terms.reduce((sum, term) => binary("+", sum, term));
export const sub = (a: Expr, b: Expr): Expr => binary("-", a, b);
/** a × b × …, left to right. */
export const mul = (...factors: Expr[]): Expr => factors.reduce((product, factor) => binary("*", product, factor));
export const div = (a: Expr, b: Expr): Expr => binary("/", a, b);
export const max = (...args: Expr[]): Expr => (args.every(isNumber) ? Math.max(...args) : { op: "max", args });
export const ceil = (a: Expr): Expr => (isNumber(a) ? Math.ceil(a) : { op: "ceil", a });
/** `a <= b ? then : otherwise`. */
export function ifAtMost(a: Expr, b: Expr, then: Expr, otherwise: Expr): Expr {
  if (isNumber(a) && isNumber(b)) return a <= b ? then : otherwise;
  return { op: "<=", a, b, then, otherwise };
}

function arithmetic(op: Binary["op"], a: number, b: number): number {
  if (op === "+") return a + b;
  if (op === "-") return a - b;
  if (op === "*") return a * b;
  return a / b;
}

/** The expression's value with the named quantities of `env`; a name it lacks is an error. */
export function evaluate(expr: Expr, env: Env): number {
  if (typeof expr === "number") return expr;
  if ("ref" in expr) {
    const value = env[expr.ref];
    if (value === undefined) throw new Error(`No value for ${expr.ref}.`);
    return value;
  }
  switch (expr.op) {
    case "max":
      return Math.max(...expr.args.map((arg) => evaluate(arg, env)));
    case "ceil":
      return Math.ceil(evaluate(expr.a, env));
    case "<=":
      return evaluate(expr.a, env) <= evaluate(expr.b, env) ? evaluate(expr.then, env) : evaluate(expr.otherwise, env);
    default:
      return arithmetic(expr.op, evaluate(expr.a, env), evaluate(expr.b, env));
  }
}

/**
 * The expression as Terraform text, each name replaced by `names(name)`. Every operation is
 * parenthesised, so the text computes what {@link evaluate} does in the same order.
 */
export function toHcl(expr: Expr, names: (name: string) => string): string {
  if (typeof expr === "number") {
    if (!Number.isFinite(expr)) throw new Error(`${expr} has no Terraform form.`);
    return expr < 0 ? `(${expr})` : String(expr);
  }
  if ("ref" in expr) return names(expr.ref);
  const text = (inner: Expr) => toHcl(inner, names);
  switch (expr.op) {
    case "max":
      return `max(${expr.args.map(text).join(", ")})`;
    case "ceil":
      return `ceil(${text(expr.a)})`;
    case "<=":
      return `(${text(expr.a)} <= ${text(expr.b)} ? ${text(expr.then)} : ${text(expr.otherwise)})`;
    default:
      return `(${text(expr.a)} ${expr.op} ${text(expr.b)})`;
  }
}
