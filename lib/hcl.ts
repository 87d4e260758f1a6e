import { IResolvable, IResolveContext, Token, Tokenization } from "cdktf";

/**
 * A Terraform expression written as HCL text, with cdktf tokens and literals spliced in as
 * sub-expressions: hcl`cidrsubnet(${props.cidr}, 4, i)` renders `cidrsubnet(var.cidr, 4, i)` in a
 * published module and `cidrsubnet("10.0.0.0/16", 4, i)` in an env. cdktf's own expression
 * builders cannot write `for` expressions with an index or nested calls readably; this can.
 */
export function hcl(strings: TemplateStringsArray, ...args: unknown[]): IResolvable {
  return new HclExpression(strings, args);
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
  if (typeof value === "string" && Token.isUnresolved(value) && Tokenization.reverseString(value).length > 1) return template(context, value);
  if (Token.isUnresolved(value)) {
    const resolved = context.resolve(value);
    return typeof resolved === "string" ? resolved : literal(resolved);
  }
  return literal(value);
}

/**
 * A string mixing literal text and tokens (`mimir.${namespace}`) as a quoted HCL template,
 * `"mimir.${var.namespace}"`: spliced in bare, its tokens would lose their braces.
 */
function template(context: IResolveContext, value: string): string {
  const parts: unknown[] = [];
  Tokenization.reverseString(value).join({ join: (left, right) => (parts.length === 0 ? parts.push(left, right) : parts.push(right)) });
  const body = parts.map((part) => (Token.isUnresolved(part) ? "${" + toExpression(context, part) + "}" : literal(String(part)).slice(1, -1))).join("");
  return `"${body}"`;
}

function literal(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value).replace(/([$%])\{/g, (sequence) => sequence[0] + sequence);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)} = ${literal(v)}`);
  return `{ ${entries.join(", ")} }`;
}
