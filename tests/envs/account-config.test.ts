import { describe, expect, it } from "vitest";
import { STRICT_SWITCH, accountConfig } from "../../envs/account-config";

const CERTIFICATE = "arn:aws:acm:ap-northeast-2:210987654321:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

describe("an env's account values", () => {
  it("come from LGTM_<ENV>_DOMAIN and LGTM_<ENV>_CERTIFICATE_ARN", () => {
    expect(accountConfig("prod", { LGTM_PROD_DOMAIN: "lgtm.acme.io", LGTM_PROD_CERTIFICATE_ARN: CERTIFICATE, [STRICT_SWITCH]: "1" })).toEqual({
      domain: "lgtm.acme.io",
      certificateArn: CERTIFICATE,
    });
  });

  it("fall back to marked example values, so a fresh clone synthesizes", () => {
    const config = accountConfig("dev", {});
    expect(config.domain).toBe("dev.lgtm.example.com");
    expect(config.certificateArn).toMatch(/:123456789012:certificate\/.*example/);
  });

  it("must all be set in strict mode, which names every one missing", () => {
    expect(() => accountConfig("prod", { [STRICT_SWITCH]: "1", LGTM_PROD_DOMAIN: "lgtm.acme.io" })).toThrow(
      `env prod: set LGTM_PROD_CERTIFICATE_ARN (${STRICT_SWITCH}=1 allows no example values; see README, "Deploying an env").`,
    );
    expect(() => accountConfig("dev", { [STRICT_SWITCH]: "1" })).toThrow("env dev: set LGTM_DEV_DOMAIN and LGTM_DEV_CERTIFICATE_ARN");
  });
});
