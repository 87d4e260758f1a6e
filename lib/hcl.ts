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
    return typeof resolved === "string" ? resolved : literal(context, resolved);
  }
  return literal(context, value);
}

/** How cdktf encodes a token inside a string. */
const TOKEN_MARKER = /(\$\{TfToken\[[^\]]+\]\})/;

/** A string mixing text and tokens (`arn:${partition}:ecs:...`) as an HCL template string. */
function template(context: IResolveContext, pieces: string[]): string {
  const parts = pieces.map((piece, i) => (i % 2 === 1 ? "${" + toExpression(context, piece) + "}" : quoted(piece).slice(1, -1)));
  return `"${parts.join("")}"`;
}

/** A plain string as an HCL string literal: quoted, with `${` and `%{` escaped so they stay text. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(/([$%])\{/g, (sequence) => sequence[0] + sequence);
}

function literal(context: IResolveContext, value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return quoted(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => toExpression(context, v)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)} = ${toExpression(context, v)}`);
  return `{ ${entries.join(", ")} }`;
}
