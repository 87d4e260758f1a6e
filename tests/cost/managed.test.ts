import { describe, expect, it } from "vitest";
import { REFERENCE_LOAD } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { estimateManaged, ManagedOption } from "../../tools/cost/managed";

const lineOf = (option: ManagedOption, item: string) => option.lines.find((line) => line.item.startsWith(item))!.monthlyUsd;
const aws = (region = "us-east-1", load = REFERENCE_LOAD, assumptions = {}) => estimateManaged(load, region, assumptions).options[0];
const grafanaCloud = (load = REFERENCE_LOAD, assumptions = {}) => estimateManaged(load, "us-east-1", assumptions).options[1];

describe("AMP + CloudWatch Logs + X-Ray + Managed Grafana (COST §4.1)", () => {
  const option = aws();

  it("reproduces the notes' lines for the reference workload in us-east-1", () => {
    expect(lineOf(option, "AMP ingestion")).toBeCloseTo(6158, 6); // 200 × 0.90 + 17,080 × 0.35
    expect(lineOf(option, "AMP query samples")).toBeCloseTo(80, 6);
    expect(lineOf(option, "CloudWatch Logs ingestion")).toBeCloseTo(1500, 6);
    expect(lineOf(option, "CloudWatch Logs storage")).toBeCloseTo(90, 6);
    expect(lineOf(option, "Logs Insights")).toBeCloseTo(50, 6);
    expect(lineOf(option, "X-Ray traces recorded")).toBeCloseTo(749.5, 6);
    expect(lineOf(option, "X-Ray traces retrieved")).toBeCloseTo(4.5, 6);
    expect(lineOf(option, "Managed Grafana")).toBeCloseTo(145, 6);
  });

  it("computes AMP storage inside the notes' range, which they round up to $10", () => {
    // 172.8 B samples × 2 bytes = 321.87 GiB − 10 free, × $0.03 (notes: $4.5–9.4).
    expect(lineOf(option, "AMP storage")).toBeCloseTo(9.36, 2);
    expect(option.totalUsd).toBeCloseTo(8787 - 10 + 9.36, 1);
  });

  it("falls to about $4,250 at a 60 s scrape, as the notes' sensitivity says", () => {
    const slower = aws("us-east-1", { ...REFERENCE_LOAD, scrape_interval_seconds: 60 });
    expect(lineOf(slower, "AMP ingestion")).toBeCloseTo(1622, 6);
    expect(slower.totalUsd).toBeGreaterThan(4240);
    expect(slower.totalUsd).toBeLessThan(4251);
  });

  it("moves X-Ray with the average trace size", () => {
    expect(lineOf(aws("us-east-1", REFERENCE_LOAD, { xray_trace_kb: 2 }), "X-Ray traces recorded")).toBeCloseTo(3749.5, 6);
    expect(lineOf(aws("us-east-1", REFERENCE_LOAD, { xray_trace_kb: 50 }), "X-Ray traces recorded")).toBeCloseTo(149.5, 6);
  });

  it("prices Seoul's CloudWatch Logs from its own table and flags the rest as priced at us-east-1 rates", () => {
    const seoul = estimateManaged(REFERENCE_LOAD, "ap-northeast-2");
    const option = seoul.options[0];
    expect(lineOf(option, "CloudWatch Logs ingestion") + lineOf(option, "CloudWatch Logs storage") + lineOf(option, "Logs Insights")).toBeCloseTo(2450.2, 6);
    expect(seoul.unverified.filter((text) => /^(AMP|X-Ray|Managed Grafana)/.test(text))).toHaveLength(6);
  });
});

describe("Grafana Cloud Pro (COST §4.2)", () => {
  it("reproduces the notes at 15 s and 60 s", () => {
    const at15 = grafanaCloud();
    expect(lineOf(at15, "Metrics")).toBeCloseTo(25935, 6);
    expect(lineOf(at15, "Logs: process") + lineOf(at15, "Logs: write")).toBeCloseTo(1264.75, 6);
    expect(lineOf(at15, "Traces: process") + lineOf(at15, "Traces: write")).toBeCloseTo(641.5, 6);
    expect(at15.totalUsd).toBeCloseTo(28060.25, 6);
    expect(grafanaCloud({ ...REFERENCE_LOAD, scrape_interval_seconds: 60 }).totalUsd).toBeCloseTo(8560.25, 6);
  });

  it("charges retention beyond the included 30 days", () => {
    const longer = grafanaCloud(REFERENCE_LOAD, { logs_retention_days: 90 });
    expect(lineOf(longer, "Logs: retain")).toBeCloseTo(3000 * 2 * 0.1, 6);
  });

  it("prices profiles only with a size per profile", () => {
    const profiled = { ...REFERENCE_LOAD, profiles_per_second: 100 };
    expect(grafanaCloud(profiled).notes).toContain("Profiles are not priced: no size per profile given (--assume profile_kb=...).");
    // 100/s × 10 KB × 2,592,000 s = 2,592 GB − 50 included, × $0.50
    expect(lineOf(grafanaCloud(profiled, { profile_kb: 10 }), "Profiles")).toBeCloseTo((2592 - 50) * 0.5, 6);
  });
});

describe("the comparison's bookkeeping", () => {
  it("prints the assumptions it used and the S3 self-hosting would keep", () => {
    const managed = estimateManaged(REFERENCE_LOAD, "us-east-1");
    expect(managed.assumptions.map((text) => text.split(" ")[0])).toEqual(
      expect.arrayContaining(["amp_qsp_billions", "xray_trace_kb", "amg_editors", "grafana_cloud_users", "logs_compression", "traces_compression"]),
    );
    expect(managed.selfHostedStorage.monthlyUsd).toBeCloseTo(56.25, 2);
  });

  it("rejects an invalid load or assumption", () => {
    expect(() => estimateManaged({ ...REFERENCE_LOAD, logs_gb_per_day: -1 }, "us-east-1")).toThrow("logs_gb_per_day");
    expect(() => estimateManaged(REFERENCE_LOAD, "us-east-1", { logs_compression: 0 })).toThrow("logs_compression must be above 0");
    expect(() => estimateManaged(REFERENCE_LOAD, "us-east-1", { nope: 1 } as never)).toThrow('Unknown assumption "nope"');
  });
});
