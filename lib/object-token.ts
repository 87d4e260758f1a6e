import { IResolvable, IResolveContext, Token } from "cdktf";
import { hcl, raw } from "./hcl";
import { snakeCase } from "./inputs";
import { ObjectSpec } from "./object-type";

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

/**
 * {@link objectToken} for an object of an {@link ObjectSpec}, nested: an attribute with its own
 * `attributes` is an object of tokens too, so `settings.images.mimir` reads `var.settings.images.mimir`.
 * Attribute names are the spec's own (Terraform's snake_case).
 */
export function objectTokens(whole: unknown, spec: ObjectSpec): Record<string, unknown> & IResolvable {
  const token: Record<string, unknown> & IResolvable = {
    creationStack: [],
    resolve: (context: IResolveContext) => context.resolve(whole),
    toString: () => Token.asString(whole),
  };
  for (const [name, attribute] of Object.entries(spec)) {
    const expression = hcl`${whole}.${raw(name)}`;
    token[name] = attribute.attributes ? objectTokens(expression, attribute.attributes) : typedToken(expression, attribute.type);
  }
  return token;
}

/**
 * The value of a map under a key: read in TypeScript when the map is a literal (an env's JSON then
 * holds the value itself), an HCL index (`var.x["key"]`) when it is a token. `type` is the values'
 * Terraform type, or the {@link ObjectSpec} of object values, whose attributes are then tokens too.
 * A key a literal map lacks gives undefined; Terraform fails the plan on one a token lacks.
 */
export function entry<T>(map: Readonly<Record<string, T>>, key: string, type: string | ObjectSpec = "string"): T {
  if (!Token.isUnresolved(map)) return map[key];
  const expression = hcl`${map}[${key}]`;
  return (typeof type === "string" ? typedToken(expression, type) : objectTokens(expression, type)) as T;
}
