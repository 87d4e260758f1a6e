import { IResolvable, IResolveContext, Token, Tokenization } from "cdktf";
import { hclString } from "../../../lib/hcl";

/**
 * A component's config as the YAML text terraform renders with `yamlencode`, whether its leaves
 * are literals (an env) or `var.*` tokens (a published module). cdktf's own `Fn.yamlencode` writes
 * string literals into HCL without escaping `"` or `\`, so a Loki selector like `{level="info"}`
 * would break the expression; this renders every literal as a quoted, escaped HCL string.
 *
 * Every string leaf must be a literal or one whole token (see {@link assertNotSpliced}).
 */
export function yamlDocument(config: Readonly<Record<string, unknown>>): string {
  return hclString`yamlencode(${new HclValue(config)})`;
}

class HclValue implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly value: unknown) {}

  public resolve(context: IResolveContext): string {
    const outer = context.suppressBraces;
    context.suppressBraces = true;
    const text = expression(context, this.value, "");
    context.suppressBraces = outer;
    return text;
  }
}

function expression(context: IResolveContext, value: unknown, path: string): string {
  if (Token.isUnresolved(value)) return tokenExpression(context, value, path);
  if (typeof value === "string") return JSON.stringify(value).replace(/([$%])\{/g, (sequence) => sequence[0] + sequence);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((item, i) => expression(context, item, `${path}[${i}]`)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const attributes = Object.entries(value).map(([key, inner]) => `${JSON.stringify(key)} = ${expression(context, inner, path ? `${path}.${key}` : key)}`);
    return `{ ${attributes.join(", ")} }`;
  }
  throw new Error(`Config value at ${path || "(root)"} is ${String(value)}; leave the key out instead.`);
}

/**
 * Throws on a string that splices a token into text (`${name}.${namespace}`): resolved inside an
 * expression it loses its `${}` and renders as `name.var.namespace`. Build such a string whole,
 * with `Fn.format` or `hclString` and `format()`.
 */
export function assertNotSpliced(value: unknown, where: string): void {
  if (typeof value === "string" && Token.isUnresolved(value) && Tokenization.reverseString(value).length > 1) {
    throw new Error(`${where} splices a token into text ("${value}"); build it whole with Fn.format or hclString\`format(...)\`.`);
  }
}

function tokenExpression(context: IResolveContext, value: unknown, path: string): string {
  assertNotSpliced(value, `Config value at ${path}`);
  const resolved = context.resolve(value);
  return typeof resolved === "string" ? resolved : expression(context, resolved, path);
}
