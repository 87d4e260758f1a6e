import { describe, expect, it } from "vitest";
import { isFargateSize } from "../../modules/shared/fargate";
import { layoutCapacity } from "../../modules/ecs-fargate/lgtm/sizing/capacity";
import { LOAD_TYPE, loadInputRules } from "../../modules/ecs-fargate/lgtm/sizing/inputs";
import { deriveLoad, LgtmLoad, LgtmLoadInput, LOAD_LIMITS, parseLoad, REFERENCE_LOAD, validateLoad } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { sizeForLoad } from "../../modules/ecs-fargate/lgtm/sizing/for-load";
import { DEV_SIZING, LGTM_PROFILES, LGTM_ROLES, LgtmSizing, PROD_SIZING, RoleSize } from "../../modules/ecs-fargate/lgtm/sizing/sizing";
import { mimirRule, needAt } from "../../modules/ecs-fargate/lgtm/sizing/sizing-rules";

const sizesOf = (sizing: LgtmSizing) => Object.entries(sizing.roles) as [string, RoleSize][];
const totals = (sizing: LgtmSizing, roles?: string[]) =>
  sizesOf(sizing)
    .filter(([role]) => !roles || roles.includes(role))
    .reduce((sum, [, size]) => ({ tasks: sum.tasks + size.tasks, vcpu: sum.vcpu + (size.tasks * size.cpu) / 1024, gib: sum.gib + (size.tasks * size.memory) / 1024 }), { tasks: 0, vcpu: 0, gib: 0 });
const shape = (size: RoleSize | undefined) => size && { tasks: size.tasks, cpu: size.cpu, memory: size.memory };

const reference = sizeForLoad(REFERENCE_LOAD);

describe("role table", () => {
  it("is what prod runs, every role (the env tests tie prod's roles to the services it deploys); dev leaves out only the optional caches", () => {
    expect(Object.keys(PROD_SIZING.roles).sort()).toEqual([...LGTM_ROLES].sort());
    expect(LGTM_ROLES.filter((role) => !(role in DEV_SIZING.roles))).toEqual(["loki-chunks-cache", "loki-results-cache"]);
  });

  it.each([
    ["dev", DEV_SIZING],
    ["prod", PROD_SIZING],
    ["load", reference],
  ])("gives %s valid Fargate sizes for every role", (_, sizing) => {
    const optional = ["loki-chunks-cache", "loki-results-cache"];
    expect(Object.keys(sizing.roles).sort()).toEqual(
      LGTM_ROLES.filter((role) => sizing.name !== "dev" || !optional.includes(role))
        .slice()
        .sort(),
    );
    for (const [role, size] of sizesOf(sizing)) {
      expect(isFargateSize(size.cpu, size.memory), `${role} ${size.cpu}/${size.memory}`).toBe(true);
      expect(size.tasks, role).toBeGreaterThanOrEqual(1);
      if (size.ephemeralStorageGiB !== undefined) expect(size.ephemeralStorageGiB).toBeGreaterThanOrEqual(21);
      if (size.ephemeralStorageGiB !== undefined) expect(size.ephemeralStorageGiB).toBeLessThanOrEqual(200);
      if (size.memcachedMiB !== undefined) expect(size.memcachedMiB * 1.2).toBeLessThanOrEqual(size.memory);
    }
  });

  it("allows Spot only for query roles, in every sizing, and for a one-task role only in dev", () => {
    const QUERY_ROLES = ["loki-querier", "loki-query-frontend", "tempo-querier", "tempo-query-frontend"];
    for (const sizing of [DEV_SIZING, PROD_SIZING, reference]) {
      const spot = sizesOf(sizing)
        .filter(([, size]) => size.spot)
        .map(([role]) => role);
      const expected = QUERY_ROLES.filter((role) => sizing === DEV_SIZING || sizesOf(sizing).find(([name]) => name === role)![1].tasks > 1);
      expect(spot, sizing.name).toEqual(expected);
    }
    expect(sizesOf(DEV_SIZING).filter(([, size]) => size.spot).map(([role]) => role)).toEqual(QUERY_ROLES);
    // prod's single Tempo querier and query-frontend stay on FARGATE: a reclaim would stop trace queries.
    expect([PROD_SIZING.roles["tempo-querier"].spot, PROD_SIZING.roles["loki-querier"].spot]).toEqual([false, true]);
  });
});

describe("profiles", () => {
  it("makes prod the seed 004 layout", () => {
    const roles = PROD_SIZING.roles;
    expect(shape(roles.mimir)).toEqual({ tasks: 3, cpu: 2048, memory: 4096 });
    for (const role of ["loki-distributor", "loki-ingester", "loki-querier", "loki-query-frontend"] as const) {
      expect(shape(roles[role])).toEqual({ tasks: 2, cpu: 1024, memory: 2048 });
    }
    for (const role of ["tempo-distributor", "tempo-ingester", "tempo-querier", "tempo-query-frontend", "tempo-compactor", "tempo-metrics-generator"] as const) {
      expect(shape(roles[role])).toEqual({ tasks: 1, cpu: 1024, memory: 2048 });
    }
    expect(shape(roles.pyroscope)).toEqual({ tasks: 1, cpu: 1024, memory: 2048 });
    expect(shape(roles.grafana)).toEqual({ tasks: 1, cpu: 512, memory: 1024 });
    expect(shape(roles.alloy)).toEqual({ tasks: 1, cpu: 512, memory: 1024 });
    expect(roles["loki-chunks-cache"]).toMatchObject({ tasks: 1, cpu: 512, memory: 4096, memcachedMiB: 3413 });
    expect(roles["loki-results-cache"]).toMatchObject({ tasks: 1, cpu: 512, memory: 2048, memcachedMiB: 1024 });
    expect(PROD_SIZING.replication).toEqual({ mimir: 3, loki: 2, tempo: 1, pyroscope: 1 });
  });

  it("runs dev as single replicas at replication factor 1, without caches", () => {
    for (const [, size] of sizesOf(DEV_SIZING)) expect(size.tasks).toBe(1);
    expect(DEV_SIZING.replication).toEqual({ mimir: 1, loki: 1, tempo: 1, pyroscope: 1 });
    expect(DEV_SIZING.roles["loki-chunks-cache"]).toBeUndefined();
    expect(totals(DEV_SIZING)).toEqual({ tasks: 15, vcpu: 4.25, gib: 8.5 });
  });

  it("keeps the named profiles reachable by name", () => {
    expect(LGTM_PROFILES.dev).toBe(DEV_SIZING);
    expect(LGTM_PROFILES.prod).toBe(PROD_SIZING);
  });

  it("states prod's HA limits", () => {
    expect(PROD_SIZING.notes.join(" ")).toMatch(/Tempo: 1 ingester, replication factor 1/);
    expect(PROD_SIZING.notes.join(" ")).toMatch(/quorum 2 of 2/);
  });
});

describe("sizeForLoad: the reference workload (1 M series at 15 s, 100 GB/day logs, 50 GB/day traces)", () => {
  it("sums Mimir's component formulas for monolithic mode (G1)", () => {
    const perTask = needAt(mimirRule(3), deriveLoad(REFERENCE_LOAD), 1);
    // distributor 66,667/25k = 2.67; ingester 3 M/300k = 10; 5 QPS: frontend 0.02, scheduler 0.01,
    // querier 0.5, store-gateway 0.5; compactor 1 M/20 M = 0.05.
    expect(perTask.vcpu).toBeCloseTo(13.7467, 3);
    // × 1.5: distributor 2.67 + ingester 25 + queries 1.02 + compactor 0.2 GB.
    expect(perTask.memoryGiB).toBeCloseTo(1.5 * 28.8877, 3);
    // × 1.5: ingester 50 + store-gateway 13 + compactor 15 GB.
    expect(perTask.diskGiB).toBeCloseTo(117, 6);
  });

  it("splits Mimir over the cheapest whole number of zones, not the fewest tasks", () => {
    // 3 tasks would need 4.6 vCPU each, which rounds up to 8-vCPU tasks (24 vCPU, 48 GB);
    // 15 tasks of 1 vCPU / 3 GB hold the same formulas for 15 vCPU, 45 GB.
    expect(shape(reference.roles.mimir)).toEqual({ tasks: 15, cpu: 1024, memory: 3072 });
    expect(reference.roles.mimir.tasks % 3).toBe(0);
    // COST §4.3 checks the Helm preset against the same formulas: ingesters 10 cores / 37.5 GB, distributors 2.7.
    expect(totals(reference, ["mimir"]).vcpu).toBeGreaterThanOrEqual(10 + 2.7);
    expect(totals(reference, ["mimir"]).gib).toBeGreaterThanOrEqual(37.5 + 2.7);
  });

  it("matches COST §4.3's Loki rows where the layouts are comparable", () => {
    const roles = reference.roles;
    // Same counts and memory as the notes: 3 ingesters (RF 3) at the tier's 4 GiB, 2 query-frontends
    // at 1 vCPU / 2 GB, 1 compactor at 2 vCPU / 10 GB. CPU of the ingesters follows volume (the
    // notes keep the tier's 2 CPU).
    expect(roles["loki-ingester"]).toMatchObject({ tasks: 3, memory: 4096 });
    expect(shape(roles["loki-query-frontend"])).toEqual({ tasks: 2, cpu: 1024, memory: 2048 });
    expect(shape(roles["loki-compactor"])).toEqual({ tasks: 1, cpu: 2048, memory: 10240 });
    expect(roles["loki-querier"]).toMatchObject({ tasks: 2, cpu: 1024 });
  });

  it("matches COST §4.3's Tempo rows where the layouts are comparable", () => {
    const roles = reference.roles;
    expect(roles["tempo-distributor"].tasks).toBe(2);
    expect(roles["tempo-ingester"]).toMatchObject({ tasks: 3, memory: 4096 });
    expect(shape(roles["tempo-querier"])).toEqual({ tasks: 2, cpu: 1024, memory: 4096 });
    expect(shape(roles["tempo-query-frontend"])).toEqual({ tasks: 2, cpu: 1024, memory: 4096 });
    expect(roles["tempo-compactor"]).toMatchObject({ tasks: 1, memory: 4096 });
  });

  it("gives Alloy Grafana's 11 GiB per million series on its one task, at most Fargate's largest", () => {
    const alloy = reference.roles.alloy;
    expect(alloy.tasks).toBe(1);
    expect(alloy.memory / 1024).toBeGreaterThanOrEqual(11);
    expect(sizeForLoad({ ...REFERENCE_LOAD, active_series: 50_000_000 }).roles.alloy).toMatchObject({ tasks: 1, cpu: 16384, memory: 122880 });
  });

  it("needs less than the notes' Helm-preset layout, and carries the load it was sized for", () => {
    // COST §4.3: 54 tasks, 69.25 vCPU, 219.5 GB from Helm presets; the formulas alone need less.
    expect(totals(reference)).toEqual({ tasks: 41, vcpu: 37.25, gib: 140 });
    const capacity = layoutCapacity(reference);
    expect(capacity.metrics.value).toBeGreaterThanOrEqual(REFERENCE_LOAD.active_series);
    expect(capacity.logs.value).toBeGreaterThanOrEqual(REFERENCE_LOAD.logs_gb_per_day);
    expect(capacity.traces.value).toBeGreaterThanOrEqual(REFERENCE_LOAD.traces_gb_per_day);
    expect(capacity.belowGuidance).toEqual([]);
  });
});

describe("sizeForLoad: rules", () => {
  const tiny: LgtmLoad = { active_series: 1, scrape_interval_seconds: 60, logs_gb_per_day: 0, traces_gb_per_day: 0, profiles_per_second: 0 };

  it("never goes below the HA minimums", () => {
    const roles = sizeForLoad(tiny).roles;
    expect(roles.mimir.tasks).toBe(3);
    expect(roles["loki-ingester"].tasks).toBe(3);
    expect(roles["tempo-ingester"].tasks).toBe(3);
    for (const role of ["loki-distributor", "loki-querier", "loki-query-frontend", "tempo-distributor", "tempo-querier", "tempo-query-frontend"] as const) {
      expect(roles[role].tasks, role).toBe(2);
    }
    for (const role of ["loki-compactor", "grafana", "pyroscope", "alloy"] as const) expect(roles[role].tasks, role).toBe(1);
    expect(sizeForLoad(tiny).replication).toEqual({ mimir: 3, loki: 3, tempo: 3, pyroscope: 1 });
  });

  it("never gives more load fewer resources", () => {
    const steps = [0.1, 0.5, 1, 2, 5, 10, 29, 31, 100];
    let previous = { tasks: 0, vcpu: 0, gib: 0 };
    for (const factor of steps) {
      const sizing = sizeForLoad({
        active_series: Math.round(1e6 * factor),
        scrape_interval_seconds: 15,
        logs_gb_per_day: Math.min(100 * factor, 30_000),
        traces_gb_per_day: 50 * factor,
        profiles_per_second: Math.min(10 * factor, 1_000),
      });
      const now = totals(sizing);
      expect(now.vcpu, `x${factor}`).toBeGreaterThanOrEqual(previous.vcpu);
      expect(now.gib, `x${factor}`).toBeGreaterThanOrEqual(previous.gib);
      previous = now;
    }
  });

  it("carries every load it sizes for, across Loki's tier boundaries", () => {
    for (const load of [
      { active_series: 250_000, scrape_interval_seconds: 30, logs_gb_per_day: 2_900, traces_gb_per_day: 10, profiles_per_second: 0 },
      { active_series: 5_000_000, scrape_interval_seconds: 60, logs_gb_per_day: 3_100, traces_gb_per_day: 400, profiles_per_second: 0 },
      { active_series: 20_000_000, scrape_interval_seconds: 15, logs_gb_per_day: 30_000, traces_gb_per_day: 3_000, profiles_per_second: 0 },
    ]) {
      const capacity = layoutCapacity(sizeForLoad(load));
      expect(capacity.logs.value, JSON.stringify(load)).toBeGreaterThanOrEqual(load.logs_gb_per_day);
      expect(capacity.traces.value, JSON.stringify(load)).toBeGreaterThanOrEqual(load.traces_gb_per_day);
    }
  });

  it("gives Mimir ephemeral storage once its disk formulas pass Fargate's included 20 GiB", () => {
    const big = sizeForLoad({ ...REFERENCE_LOAD, active_series: 10_000_000 }).roles.mimir;
    const perTaskDisk = needAt(mimirRule(3), deriveLoad({ ...REFERENCE_LOAD, active_series: 10_000_000 }), big.tasks).diskGiB;
    if (perTaskDisk + 1 > 20) expect(big.ephemeralStorageGiB).toBe(Math.ceil(perTaskDisk + 1));
    else expect(big.ephemeralStorageGiB).toBeUndefined();
    expect(sizeForLoad({ ...REFERENCE_LOAD, active_series: 100_000_000 }).roles.mimir.ephemeralStorageGiB).toBeGreaterThan(20);
  });

  it("sizes every load up to the limits on Fargate", () => {
    const largest = Object.fromEntries(Object.entries(LOAD_LIMITS).map(([field, limit]) => [field, limit.max])) as unknown as LgtmLoad;
    expect(() => sizeForLoad({ ...largest, scrape_interval_seconds: 1 })).not.toThrow();
  });
});

describe("the seed layout's capacity", () => {
  const capacity = layoutCapacity(PROD_SIZING);

  it("is bounded for metrics by the single Alloy task, well before Mimir", () => {
    // Mimir 3 × 4 GB at RF 3: each task holds every series; memory runs out near 0.28 M.
    expect(capacity.metrics.byRole.mimir).toBeGreaterThan(270_000);
    expect(capacity.metrics.byRole.mimir).toBeLessThan(285_000);
    // Alloy 1 GB at 11 GiB per million series.
    expect(capacity.metrics.limitedBy).toBe("alloy");
    expect(capacity.metrics.value).toBeCloseTo(1e6 / 11, -2);
  });

  it("carries about 600 GB/day of logs in Loki, 45 GB/day through the one Alloy task", () => {
    expect(capacity.logs.byRole["loki-querier"]).toBeCloseTo(600, 3);
    expect(capacity.logs.byRole["loki-ingester"]).toBeCloseTo(750, 3);
    expect(capacity.logs.value).toBeCloseTo((0.5 * 2 ** 20 * 86_400) / 1e9, 3);
  });

  it("carries about 86 GB/day of traces (one querier per MB/s) with Tempo below Grafana's 4 GB", () => {
    expect(capacity.traces.limitedBy).toBe("tempo-querier");
    expect(capacity.traces.value).toBeCloseTo(86.4, 3);
    expect(capacity.belowGuidance.filter((short) => short.role === "tempo-ingester")).toEqual([{ role: "tempo-ingester", resource: "memory", has: 2, guidance: 4 }]);
  });
});

describe("load input", () => {
  it("rejects bad values with the field, the value and the range", () => {
    expect(() => validateLoad({ ...REFERENCE_LOAD, active_series: -5 })).toThrow("active_series = -5 is outside 1..100000000 series");
    expect(() => validateLoad({ ...REFERENCE_LOAD, scrape_interval_seconds: Number.NaN })).toThrow("scrape_interval_seconds must be a number");
    expect(() => validateLoad({ ...REFERENCE_LOAD, active_series: 1.5 })).toThrow("must be a whole number");
    expect(() => validateLoad({ ...REFERENCE_LOAD, logs_gb_per_day: 1e9 })).toThrow("logs_gb_per_day = 1000000000 is outside 0..30000 GB/day");
    expect(() => validateLoad({ ...REFERENCE_LOAD, series: 1 } as unknown as LgtmLoad)).toThrow("unknown field(s) series");
    expect(() => sizeForLoad({ ...REFERENCE_LOAD, traces_gb_per_day: -1 })).toThrow("traces_gb_per_day");
  });

  it("reports every bad field at once", () => {
    expect(() => validateLoad({ ...REFERENCE_LOAD, active_series: 0, traces_gb_per_day: -1 })).toThrow(/active_series.*; traces_gb_per_day/);
  });

  it("parses the CLI form, volumes defaulting to 0", () => {
    expect(parseLoad("active_series=1000000, scrape_interval_seconds=15,logs_gb_per_day=100,traces_gb_per_day=50")).toEqual(REFERENCE_LOAD);
    expect(() => parseLoad("active_series=1000000")).toThrow("scrape_interval_seconds must be a number");
    expect(() => parseLoad("active_series")).toThrow('"active_series" is not name=value');
  });

  it("gives a module's load variable the volumes' defaults and one rule per field, null allowed", () => {
    expect(LOAD_TYPE).toBe(
      "object({ active_series = number, scrape_interval_seconds = number, logs_gb_per_day = optional(number, 0), traces_gb_per_day = optional(number, 0), profiles_per_second = optional(number, 0) })",
    );
    const rules = loadInputRules<{ load: LgtmLoadInput | null }>("load");
    expect(rules.map((rule) => rule.allowed)).toEqual([
      "must be null or give active_series as a whole number from 1 to 100000000 series",
      "must be null or give scrape_interval_seconds as a number from 1 to 3600 s",
      "must be null or give logs_gb_per_day as a number from 0 to 30000 GB/day",
      "must be null or give traces_gb_per_day as a number from 0 to 100000 GB/day",
      "must be null or give profiles_per_second as a number from 0 to 1000 profiles/s",
    ]);
    const failing = (load: LgtmLoadInput | null) => rules.filter((rule) => !rule.valid({ load })).map((rule) => rule.allowed.split(" ")[5]);
    expect(failing(null)).toEqual([]);
    expect(failing({ active_series: 1, scrape_interval_seconds: 60 })).toEqual([]);
    expect(failing({ active_series: 2.5, scrape_interval_seconds: 0, logs_gb_per_day: -1 })).toEqual(["active_series", "scrape_interval_seconds", "logs_gb_per_day"]);
  });

  it("derives the rates the rules use", () => {
    const derived = deriveLoad(REFERENCE_LOAD);
    expect(derived.samplesPerSecond).toBeCloseTo(66_666.67, 2);
    expect(derived.logsMBps).toBeCloseTo(1.157, 3);
    expect(derived.logsMiBps).toBeCloseTo(1.104, 3);
    expect(derived.tracesMBps).toBeCloseTo(0.5787, 4);
  });
});
