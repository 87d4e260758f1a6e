import { IResolvable, IResolveContext, Token } from "cdktf";
import { hcl, raw } from "./hcl";
import { snakeCase } from "./inputs";

/**
 * A token for an object-typed value that is also an object of tokens, one per attribute, so a
 * construct can read `props.subnetNewbits.public` whether the prop is a literal or a `var.*`.
 * A camelCase attribute reads the snake_case attribute of the Terraform object.
 */
export function objectToken(whole: IResolvable, attributeTypes: Readonly<Record<string, string>>): Record<string, unknown> & IResolvable {
  const token: Record<string, unknown> & IResolvable = {
    creationStack: [],
    resolve: (context: IResolveContext) => context.resolve(whole),
    toString: () => Token.asString(whole),
  };
  for (const [name, type] of Object.entries(attributeTypes)) {
    token[name] = typedToken(hcl`${whole}.${raw(snakeCase(name))}`, type);
  }
  return token;
}

/** A token of the TypeScript shape that a Terraform type constraint maps to. */
export function typedToken(expression: IResolvable, type: string): unknown {
  if (/^(list|set|tuple)\(/.test(type)) return Token.asList(expression);
  if (type === "number") return Token.asNumber(expression);
  if (type === "string") return Token.asString(expression);
  return expression;
}
