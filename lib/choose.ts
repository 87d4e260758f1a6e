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

/**
 * The value a literal enum selects, or a chain of conditionals on the token when it is one, so an
 * env's JSON holds only what its literal settings chose.
 */
export function chooseBy<K extends string>(key: K, cases: Record<K, unknown>): unknown {
  if (!Token.isUnresolved(key)) return cases[key];
  const keys = Object.keys(cases) as K[];
  const last = keys.pop()!;
  return keys.reduceRight<IResolvable>(
    (otherwise, option) => hcl`${key} == ${option} ? ${cases[option]} : ${otherwise}`,
    hcl`${cases[last]}`,
  );
}

/** Tags with a Name: merged in TypeScript when literal, with `merge()` when a token. */
export function tagged(tags: Record<string, string>, name: string): Record<string, string> {
  return containsToken(tags) && Token.isUnresolved(tags) ? Token.asStringMap(Fn.merge([tags, { Name: name }])) : { ...tags, Name: name };
}
