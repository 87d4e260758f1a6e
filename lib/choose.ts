import { Fn, IResolvable, Token } from "cdktf";
import { hcl, hclNumber } from "./hcl";
import { containsToken } from "./inputs";

/**
 * A `count` that is 1 when the flag is on: a literal in an env, a conditional on `var.*` in a
 * published module.
 */
export function countIf(flag: boolean | IResolvable): number {
  return containsToken(flag) ? hclNumber`${flag} ? 1 : 0` : flag ? 1 : 0;
}

/** Tags with a Name: merged in TypeScript when literal, with `merge()` when a token. */
export function tagged(tags: Record<string, string>, name: string): Record<string, string> {
  return Token.isUnresolved(tags) ? Token.asStringMap(Fn.merge([tags, { Name: name }])) : { ...tags, Name: name };
}

/** One of two values by a flag: picked here when the flag is a literal, a conditional when it is a token. */
export function choose<T>(flag: boolean | IResolvable, whenTrue: T, whenFalse: T): T {
  return containsToken(flag) ? (hcl`${flag} ? ${whenTrue} : ${whenFalse}` as unknown as T) : flag ? whenTrue : whenFalse;
}

/** Whether an optional input is given: a boolean for a literal, a Terraform condition for a `var.*`. */
export function isGiven(value: unknown): boolean | IResolvable {
  return Token.isUnresolved(value) ? hcl`${value} != null` : value !== null && value !== undefined;
}

/**
 * `base` with `extra`'s entries added when the flag holds: merged here for a literal flag, with a
 * filtering `for` in Terraform for a token (a conditional cannot unify `{}` with an object).
 */
export function mergeIf<T>(base: Record<string, T>, flag: boolean | IResolvable, extra: Record<string, T>): Record<string, T> {
  if (!containsToken(flag)) return flag ? { ...base, ...extra } : base;
  return hcl`merge(${base}, { for key, value in ${extra} : key => value if ${flag} })` as unknown as Record<string, T>;
}
