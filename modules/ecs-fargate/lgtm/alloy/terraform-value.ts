import { IResolvable, IResolveContext, Token, Tokenization } from "cdktf";

/** How {@link terraformValue} writes strings. */
export interface TerraformValueOptions {
  /**
   * Double every `$` in string values (tokens included), for files Grafana reads through its
   * provisioning: it expands `$VAR` and `${VAR}` there and reads `$$` as a literal `$`.
   */
  readonly escapeGrafanaVariables?: boolean;
}

// cdktf's encoding of a string token inside a string (BEGIN_STRING_TOKEN_MARKER … END_TOKEN_MARKER).
const STRING_TOKEN = /(\$\{TfToken\[[^\]]+\]\})/;

/**
 * A JavaScript value as a Terraform expression, with tokens spliced in as expressions at any depth,
 * also inside strings (`"http://${var.namespace}:3100"`), and literal text escaped so Terraform
 * never reads a `${` or `%{` of it as a template sequence. lib/hcl's `literal()` handles neither
 * nested tokens nor tokens inside strings, and cdktf's own `Fn.*` rendering leaves `"` unescaped
 * inside strings, so file contents that mix settings with quotes need this.
 */
export function terraformValue(value: unknown, options: TerraformValueOptions = {}): IResolvable {
  return new TerraformValue(value, options);
}

/**
 * The value as a compact JSON document, encoded by Terraform's `jsonencode` so that token values are
 * quoted correctly whatever they hold. The result is a string token: splice it as an expression.
 */
export function jsonDocument(value: unknown, options: TerraformValueOptions = {}): string {
  return Token.asString(new TerraformValue(value, options, "jsonencode"));
}

/** Literal text (no tokens) as a string token whose Terraform expression is that text, escaped. */
export function literalText(text: string): string {
  if (Token.isUnresolved(text)) throw new Error("literalText() takes literal text; use terraformValue() for values holding tokens.");
  return Token.asString(new TerraformValue(text, {}));
}

class TerraformValue implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(
    private readonly value: unknown,
    private readonly options: TerraformValueOptions,
    private readonly encoder?: string,
  ) {}

  public resolve(context: IResolveContext): string {
    const outer = context.suppressBraces;
    context.suppressBraces = true;
    const rendered = this.render(context, this.value);
    context.suppressBraces = outer;
    const text = this.encoder ? `${this.encoder}(${rendered})` : rendered;
    return outer ? text : "${" + text + "}";
  }

  public toString(): string {
    return Token.asString(this);
  }

  private render(context: IResolveContext, value: unknown): string {
    if (typeof value === "string") return this.renderString(context, value);
    if (Token.isUnresolved(value)) return this.escapedToken(expressionOf(context, value), false);
    if (value === undefined || value === null) return "null";
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (Array.isArray(value)) return `[${value.map((item) => this.render(context, item)).join(", ")}]`;
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `"${escapeTemplate(jsonBody(key))}" = ${this.render(context, item)}`,
    );
    return `{ ${entries.join(", ")} }`;
  }

  private renderString(context: IResolveContext, text: string): string {
    const pieces = text.split(STRING_TOKEN);
    if (pieces.length === 3 && pieces[0] === "" && pieces[2] === "") {
      return this.escapedToken(expressionOf(context, Tokenization.reverseString(pieces[1]).firstToken), true);
    }
    const parts = pieces.map((piece, i) =>
      i % 2 === 1
        ? "${" + this.escapedToken(expressionOf(context, Tokenization.reverseString(piece).firstToken), true) + "}"
        : escapeTemplate(jsonBody(this.options.escapeGrafanaVariables ? piece.replace(/\$/g, "$$$$") : piece)),
    );
    return `"${parts.join("")}"`;
  }

  private escapedToken(expression: string, isString: boolean): string {
    if (!this.options.escapeGrafanaVariables) return expression;
    return isString ? `replace(${expression}, "$", "$$")` : `jsondecode(replace(jsonencode(${expression}), "$", "$$"))`;
  }
}

function expressionOf(context: IResolveContext, token: unknown): string {
  const resolved = context.resolve(token);
  if (typeof resolved !== "string") throw new Error(`A token resolved to ${JSON.stringify(resolved)}, not to an expression.`);
  return resolved;
}

/** The text as the inside of a JSON (and so HCL) quoted string. */
function jsonBody(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** Literal `${` and `%{` as Terraform's escapes `$${` and `%%{`. */
function escapeTemplate(text: string): string {
  return text.replace(/([$%])\{/g, "$1$1{");
}
