import { InputRule, snakeCase } from "./inputs";

/** A rule that the input is one of a fixed set of strings or numbers. */
export function oneOf<P>(input: keyof P & string, values: readonly (string | number)[], allowed?: string): InputRule<P> {
  return {
    input,
    allowed: allowed ?? `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
    valid: (props) => values.includes((props as Record<string, unknown>)[input] as string | number),
    condition: `contains(${JSON.stringify(values)}, var.${snakeCase(input)})`,
  };
}
