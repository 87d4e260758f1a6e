import { describe, expect, it } from "vitest";
import { memberDocs } from "../../lib/tsdoc";
import { READABLE_STORAGE_CLASSES } from "../../modules/lgtm-storage/inputs";
import { EXPIRATION_MARGIN_DAYS, PREFIXES } from "../../modules/lgtm-storage/layout";
import { lgtmStorageModule } from "../../modules/lgtm-storage/module";
import { BASE_STORAGE, synthLgtmStorage } from "../support/lgtm-storage";

interface Rule {
  id: string;
  status: string;
  filter: { prefix?: string }[];
  expiration?: { days?: number; expired_object_delete_marker?: boolean }[];
  transition?: unknown;
  dynamic?: { transition: { for_each: string; content: Record<string, string> } };
  noncurrent_version_expiration?: { noncurrent_days: number }[];
  abort_incomplete_multipart_upload?: { days_after_initiation: number }[];
}

const rulesOf = (json: ReturnType<typeof synthLgtmStorage>) => json.resource.aws_s3_bucket_lifecycle_configuration.storage.rule as Rule[];
const byPrefix = (rules: Rule[], prefix: string) => rules.filter((rule) => rule.filter[0].prefix === prefix);

describe("telemetry lifecycle", () => {
  const rules = rulesOf(synthLgtmStorage({ ...BASE_STORAGE, mimirRetentionDays: 400, lokiRetentionDays: 90, tempoRetentionDays: 14, pyroscopeRetentionDays: 60 }));

  it("expires each telemetry prefix a margin after its component's retention", () => {
    for (const [prefix, retention] of [["blocks/", 400], ["loki/", 90], ["tempo/", 14], ["pyroscope/", 60]] as const) {
      expect(byPrefix(rules, prefix), prefix).toEqual([
        { id: `expire-${prefix.slice(0, -1)}`, status: "Enabled", filter: [{ prefix }], expiration: [{ days: retention + EXPIRATION_MARGIN_DAYS }] },
      ]);
    }
  });

  it("applies the defaults: a year of metrics and logs, a week of traces, a month of profiles", () => {
    const defaults = rulesOf(synthLgtmStorage(BASE_STORAGE));
    const days = (prefix: string) => byPrefix(defaults, prefix)[0].expiration![0].days;
    expect([days("blocks/"), days("loki/"), days("tempo/"), days("pyroscope/")]).toEqual([365, 365, 7, 30].map((d) => d + EXPIRATION_MARGIN_DAYS));
  });

  it("never expires Mimir's rule groups or Alertmanager state", () => {
    for (const prefix of ["rules/", "alerts/"]) expect(byPrefix(rules, prefix)).toEqual([]);
    for (const rule of rules.filter((r) => r.filter[0].prefix === undefined)) {
      expect(rule.expiration?.every((expiration) => expiration.days === undefined)).toBe(true);
    }
    expect(Object.values(PREFIXES).filter((prefix) => !prefix.retention).map((prefix) => prefix.prefix)).toEqual(["rules/", "alerts/"]);
  });

  it("expires old versions and lone delete markers and aborts abandoned uploads, bucket-wide", () => {
    expect(rules.at(-1)).toEqual({
      id: "old-versions-and-abandoned-uploads",
      status: "Enabled",
      filter: [{}],
      noncurrent_version_expiration: [{ noncurrent_days: 7 }],
      expiration: [{ expired_object_delete_marker: true }],
      abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }],
    });
  });

  it("moves nothing to another storage class by default", () => {
    for (const rule of rules) {
      expect(rule).not.toHaveProperty("transition");
      expect(rule).not.toHaveProperty("dynamic");
    }
  });

  it.each(READABLE_STORAGE_CLASSES)("moves telemetry to %s, never to GLACIER or DEEP_ARCHIVE, where it expires later", (storageClass) => {
    const json = synthLgtmStorage({ ...BASE_STORAGE, transition: { days: 60, storage_class: storageClass } });
    const withTransition = rulesOf(json).filter((rule) => rule.dynamic);
    expect(withTransition.map((rule) => rule.filter[0].prefix)).toEqual(["blocks/", "loki/", "tempo/", "pyroscope/"]);
    expect(withTransition[0].dynamic!.transition).toEqual({
      for_each: `\${[for transition in ({ "days" = 60, "storage_class" = "${storageClass}" } == null ? [] : [{ "days" = 60, "storage_class" = "${storageClass}" }]) : transition if transition.days < 395]}`,
      content: { days: "${transition.value.days}", storage_class: "${transition.value.storage_class}" },
    });
    expect(JSON.stringify(json)).not.toMatch(/"(GLACIER|DEEP_ARCHIVE)"/);
  });

  it("states the expiration margin in every retention input's description", () => {
    const docs = memberDocs(lgtmStorageModule.props.file, lgtmStorageModule.props.declaration);
    for (const prefix of Object.values(PREFIXES).filter((p) => p.retention)) {
      expect(docs.get(prefix.retention!)).toContain(`\`${prefix.prefix}\` objects expire ${EXPIRATION_MARGIN_DAYS} days later`);
    }
    expect(lgtmStorageModule.summary).toContain(`expires ${EXPIRATION_MARGIN_DAYS} days after`);
  });
});
