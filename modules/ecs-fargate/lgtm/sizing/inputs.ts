import { InputRule, InputSpec, snakeCase } from "../../../../lib/inputs";
import { objectType } from "../../../../lib/object-type";
import { oneOf } from "../../../../lib/rules";
import { completeLoad, LgtmLoad, LgtmLoadInput, LOAD_LIMITS, LOAD_SPEC, withinLimit } from "./load";
import { LGTM_PROFILES } from "./sizing";

/** The Terraform type of a `load` variable: `object({ active_series = number, …, logs_gb_per_day = optional(number, 0), … })`. */
export const LOAD_TYPE = objectType(LOAD_SPEC);

/** A `load` variable: null (the default) sizes by the profile. */
export const loadInput: InputSpec<LgtmLoadInput | null> = { type: LOAD_TYPE, default: null };

/** The profiles a `profile` variable may name. */
export const LGTM_PROFILE_NAMES = Object.keys(LGTM_PROFILES) as (keyof typeof LGTM_PROFILES)[];

/** A `profile` variable: seed 004's layout unless told otherwise, as the ecs-fargate module's default sizing. */
export const profileInput: InputSpec<string> = { type: "string", default: "prod" };

/** The rule on a `profile` input. */
export function profileInputRule<P>(input: keyof P & string): InputRule<P> {
  return oneOf<P>(input, LGTM_PROFILE_NAMES);
}

/**
 * The rules on a `load` input, one per field so each error names its field: a number within
 * {@link LOAD_LIMITS} (whole for series). Terraform's object type already rejects a missing or
 * non-number field; these catch what it lets through, and hold the rules' formulas to the loads
 * they were checked at.
 */
export function loadInputRules<P>(input: keyof P & string): InputRule<P>[] {
  const variable = `var.${snakeCase(input)}`;
  return (Object.entries(LOAD_LIMITS) as [keyof LgtmLoad, (typeof LOAD_LIMITS)[keyof LgtmLoad]][]).map(([field, limit]) => {
    const value = `${variable}.${field}`;
    const whole = limit.integer ? ` && floor(${value}) == ${value}` : "";
    return {
      input,
      allowed: `must be null or give ${field} as ${limit.integer ? "a whole number" : "a number"} from ${limit.min} to ${limit.max} ${limit.unit}`,
      valid: (props: Required<P>) => {
        const load = props[input] as LgtmLoadInput | null;
        return load === null || withinLimit(completeLoad(load)[field], limit);
      },
      // `&&` does not short-circuit in HCL: the null checks are conditionals.
      condition: `${variable} == null ? true : (${value} == null ? false : (${value} >= ${limit.min} && ${value} <= ${limit.max}${whole}))`,
    };
  });
}
