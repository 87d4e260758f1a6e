import { describe, expect, it } from "vitest";
import { lgtmStorageRules } from "../../modules/lgtm-storage/inputs";
import { expectEveryRuleCovered } from "../support/module-calls";
import { BAD_STORAGE_INPUTS, BASE_STORAGE, GRAFANA_EFS, KMS_KEY_ARN, synthLgtmStorage } from "../support/lgtm-storage";

describe("lgtm-storage input rules at synth time", () => {
  it.each(BAD_STORAGE_INPUTS)("rejects $case", ({ props, message }) => {
    expect(() => synthLgtmStorage({ ...BASE_STORAGE, ...props })).toThrow(message);
  });

  it("names the construct, the prop and its variable", () => {
    expect(() => synthLgtmStorage({ ...BASE_STORAGE, noncurrentVersionDays: 0 })).toThrow(
      "LgtmStorage test/storage: invalid input.\n  - noncurrentVersionDays: noncurrent_version_days must be a whole number of days, 1 or more; got 0.",
    );
  });

  it("accepts names at the limits, dotted names, a key in another partition and every option at once", () => {
    for (const bucketName of ["abc", "a".repeat(63), "lgtm.telemetry.example", "1lgtm-2", "192.168.5.4.x"]) {
      expect(() => synthLgtmStorage({ bucketName })).not.toThrow();
    }
    expect(() =>
      synthLgtmStorage({
        bucketName: "lgtm-telemetry",
        kmsKeyArn: KMS_KEY_ARN.replace("arn:aws:", "arn:aws-us-gov:"),
        transition: { days: 0, storage_class: "INTELLIGENT_TIERING" },
        grafanaEfs: GRAFANA_EFS,
        forceDestroy: true,
      }),
    ).not.toThrow();
    expect(() => synthLgtmStorage({ ...BASE_STORAGE, transition: { days: 30, storage_class: "STANDARD_IA" } })).not.toThrow();
  });

  it("has a bad input for every rule, so each Terraform validation is proven to fire", () => {
    expectEveryRuleCovered(lgtmStorageRules, BAD_STORAGE_INPUTS);
  });
});
