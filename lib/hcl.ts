import { IResolvable, IResolveContext, Token } from "cdktf";

/**
 * A Terraform expression written as HCL text, with cdktf tokens and literals spliced in as
 * sub-expressions: hcl`cidrsubnet(${props.cidr}, 4, i)` renders `cidrsubnet(var.cidr, 4, i)` in a
 * published module and `cidrsubnet("10.0.0.0/16", 4, i)` in an env. cdktf's own expression
 * builders cannot write `for` expressions with an index or nested calls readably; this can.
 */
export function hcl(strings: TemplateStringsArray, ...args: unknown[]): IResolvable {
  return new HclExpression(strings, args);
}

/**
 * {@link hcl} written over several lines for readability: each line break and the indentation
 * around it become one space, so the expression renders on one line. Separate the attributes of
 * an object written this way with commas.
 */
export function hclLines(strings: TemplateStringsArray, ...args: unknown[]): IResolvable {
  const oneLine = strings.map((text) => text.replace(/\s*\n\s*/g, " "));
  return new HclExpression(Object.assign(oneLine, { raw: oneLine }), args);
}

/** {@link hcl} as a string token, for string-typed props. */
export function hclString(strings: TemplateStringsArray, ...args: unknown[]): string {
  return Token.asString(new HclExpression(strings, args));
}

/** {@link hcl} as a list token, for list-typed props. */
export function hclList(strings: TemplateStringsArray, ...args: unknown[]): string[] {
  return Token.asList(new HclExpression(strings, args));
}

/** {@link hcl} as a number token, for number-typed props. */
export function hclNumber(strings: TemplateStringsArray, ...args: unknown[]): number {
  return Token.asNumber(new HclExpression(strings, args));
}

/** HCL text spliced into {@link hcl} as it is, e.g. an attribute name or a `for` variable. */
export function raw(text: string): IResolvable {
  return { creationStack: [], resolve: () => text };
}

class HclExpression implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(
    private readonly strings: TemplateStringsArray,
    private readonly args: unknown[],
  ) {}

  public resolve(context: IResolveContext): string {
    const outer = context.suppressBraces;
    context.suppressBraces = true;
    let text = this.strings[0];
    this.args.forEach((arg, i) => {
      text += toExpression(context, arg) + this.strings[i + 1];
    });
    context.suppressBraces = outer;
    return outer ? text : "${" + text + "}";
  }

  public toString(): string {
    return Token.asString(this);
  }
}

function toExpression(context: IResolveContext, value: unknown): string {
  if (typeof value === "string" && Token.isUnresolved(value)) {
    const pieces = value.split(TOKEN_MARKER);
    if (pieces.length > 3 || pieces[0] !== "" || pieces[2] !== "") return template(context, pieces);
  }
  if (Token.isUnresolved(value)) {
    const resolved = context.resolve(value);
    return typeof resolved === "string" ? resolved : toExpression(context, resolved);
  }
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return quoted(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => toExpression(context, item)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${quoted(key)} = ${toExpression(context, item)}`);
  return `{ ${entries.join(", ")} }`;
}

/** How cdktf encodes a token inside a string. */
export const TOKEN_MARKER = /(\$\{TfToken\[[^\]]+\]\})/;

/**
 * A string mixing literal text and tokens (`mimir.${namespace}`) as a quoted HCL template,
 * `"mimir.${var.namespace}"`: spliced in bare, its tokens would lose their braces. `pieces` is the
 * string split at its tokens: text at even indexes, tokens at odd ones.
 */
function template(context: IResolveContext, pieces: string[]): string {
  const parts = pieces.map((piece, i) => (i % 2 === 1 ? "${" + toExpression(context, piece) + "}" : quoted(piece).slice(1, -1)));
  return `"${parts.join("")}"`;
}

/** Literal text as a quoted HCL string: JSON escapes, and `${`/`%{` escaped so Terraform reads no template in it. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(/([$%])\{/g, (sequence) => sequence[0] + sequence);
}

/**
 * The value as the JSON text terraform renders with `jsonencode`: tokens at any depth become
 * expressions, literal strings are quoted and escaped (cdktf's `Fn.jsonencode` leaves `"` and `\`
 * in string literals unescaped). A string token: use it where a string goes, e.g. a file's content.
 */
export function jsonDocument(value: unknown): string {
  return hclString`jsonencode(${value})`;
}

/** {@link jsonDocument} with `yamlencode`; a null or undefined leaf is an error (leave the key out). */
export function yamlDocument(value: unknown): string {
  assertNoNulls(value, "");
  return hclString`yamlencode(${value})`;
}

/** Literal text as a string token whose expression is that text, so Terraform reads no `${` of it as a template. */
export function literalText(text: string): string {
  if (Token.isUnresolved(text)) throw new Error("literalText() takes literal text; splice values holding tokens with hcl templates.");
  return hclString`${text}`;
}

function assertNoNulls(value: unknown, path: string): void {
  if (value === null || value === undefined) throw new Error(`Document value at ${path || "(root)"} is ${String(value)}; leave the key out instead.`);
  if (Token.isUnresolved(value) || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) assertNoNulls(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
}
