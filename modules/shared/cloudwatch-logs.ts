import { InputRule } from "../../lib/inputs";
import { oneOf } from "../../lib/rules";

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The input must be a retention period CloudWatch Logs accepts. */
export function logRetentionRule<P>(input: keyof P & string): InputRule<P> {
  return oneOf(input, LOG_RETENTION_DAYS, `must be a retention period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`);
}
