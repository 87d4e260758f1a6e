import { plausibleAttribute } from "./aws-provider/plausible-values";

/** What the stand-in provider hands out for Grafana's ephemeral password: the value that must appear nowhere. */
export const STAND_IN_PASSWORD = plausibleAttribute({ type: "string", sensitive: true }, "random_password", { typeName: "aws_secretsmanager_random_password", region: "ap-northeast-2" });

/** Attributes named like a password or secret value that hold a literal string, anywhere in a JSON document. */
export function literalSecrets(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => literalSecrets(item, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${path}.${key}`;
    const named = /password|secret_string/i.test(key) && !/_length$|_version$|^exclude_/.test(key);
    const literal = typeof inner === "string" && !/^\$\{[^}]+\}$/.test(inner);
    return named && literal ? [here] : literalSecrets(inner, here);
  });
}
