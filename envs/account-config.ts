/**
 * The values of an env that differ per AWS account: its domain and the ACM certificate for it.
 * They come from environment variables (`LGTM_<ENV>_DOMAIN`, `LGTM_<ENV>_CERTIFICATE_ARN`); the
 * state bucket is given at `terraform init` (`-backend-config`). Unset, a clearly marked example
 * value stands in, so `npm run synth` works on a fresh clone; with `LGTM_REQUIRE_ENV_CONFIG=1`
 * (the plan, apply and drift workflows) a missing value fails synth and names what to set.
 */
export interface AccountConfig {
  readonly domain: string;
  readonly certificateArn: string;
}

/** The switch that turns example values into errors. */
export const STRICT_SWITCH = "LGTM_REQUIRE_ENV_CONFIG";

/** Example values: a domain that cannot be anyone's, a certificate ARN of the documentation account. */
const EXAMPLES: Readonly<Record<keyof AccountConfig, (env: string) => string>> = {
  domain: (env) => `${env}.lgtm.example.com`,
  certificateArn: () => "arn:aws:acm:ap-northeast-2:123456789012:certificate/00000000-0000-4000-8000-example00000",
};

const variableName = (env: string, key: keyof AccountConfig) => `LGTM_${env.toUpperCase()}_${key === "domain" ? "DOMAIN" : "CERTIFICATE_ARN"}`;

let noticed = false;

/** The env's account values from the environment, or examples (with a one-line notice) unless strict. */
export function accountConfig(env: string, environment: NodeJS.ProcessEnv = process.env): AccountConfig {
  const keys = Object.keys(EXAMPLES) as (keyof AccountConfig)[];
  const missing = keys.filter((key) => !environment[variableName(env, key)]);
  if (missing.length > 0 && environment[STRICT_SWITCH] === "1") {
    throw new Error(`env ${env}: set ${missing.map((key) => variableName(env, key)).join(" and ")} (${STRICT_SWITCH}=1 allows no example values; see README, "Deploying an env").`);
  }
  if (missing.length > 0 && !noticed) {
    noticed = true;
    console.warn(`lgtm-fargate: example domain and certificate in the envs where LGTM_<ENV>_DOMAIN / LGTM_<ENV>_CERTIFICATE_ARN are unset; fine to synth and test, not to deploy (README, "Deploying an env").`);
  }
  return Object.fromEntries(keys.map((key) => [key, environment[variableName(env, key)] || EXAMPLES[key](env)])) as unknown as AccountConfig;
}
