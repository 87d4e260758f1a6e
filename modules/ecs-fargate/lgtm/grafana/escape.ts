import { Token } from "cdktf";
import { TOKEN_MARKER, hcl, hclString } from "../../../../lib/hcl";

/**
 * The value with every `$` doubled, in literal text and in what tokens evaluate to, for files Grafana
 * reads through its provisioning: it expands `$VAR` and `${VAR}` there and reads `$$` as a literal
 * `$`. Object keys are left as they are.
 */
export function grafanaEscaped<T>(value: T): T {
  return escape(value) as T;
}

function escape(value: unknown): unknown {
  if (typeof value === "string") return Token.isUnresolved(value) ? escapeTokenString(value) : value.replace(/\$/g, "$$$$");
  if (Token.isUnresolved(value)) return hcl`jsondecode(replace(jsonencode(${value}), "$", "$$"))`;
  if (Array.isArray(value)) return value.map(escape);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escape(item)]));
  return value;
}

function escapeTokenString(text: string): string {
  return text
    .split(TOKEN_MARKER)
    .map((piece, i) => (i % 2 === 1 ? hclString`replace(${piece}, "$", "$$")` : piece.replace(/\$/g, "$$$$")))
    .join("");
}
