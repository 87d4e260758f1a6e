import { describe, expect, it } from "vitest";
import { envCost } from "../../bench/cost";
import { median } from "../../bench/measure";
import { BenchResult, renderBench } from "../../bench/report";
import { plannedResources, resourcesByPublishedModule } from "../../bench/resources";
import { benchOptions } from "../../bench/options";
import { PlanJson } from "../../tools/cost/plan-json";
import { fargateApp, plan, resource } from "../cost/plan-fixtures";

describe("bench arithmetic and options", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow("median of no values");
  });

  it("reads run counts with defaults, and rejects counts it cannot use", () => {
    expect(benchOptions([])).toEqual({ runs: 5, tfRuns: 3, testRuns: 1, json: false, readme: false });
    expect(benchOptions(["--runs", "9", "--tf-runs", "1", "--test-runs", "0", "--json"])).toEqual({ runs: 9, tfRuns: 1, testRuns: 0, json: true, readme: false });
    expect(benchOptions(["--readme"])).toMatchObject({ json: false, readme: true });
    expect(() => benchOptions(["--json", "--readme"])).toThrow("--json and --readme do not go together");
    expect(() => benchOptions(["--runs", "0"])).toThrow('--runs takes a whole number of at least 1 (got "0").');
    expect(() => benchOptions(["--test-runs", "1.5"])).toThrow("--test-runs takes a whole number of at least 0");
    expect(() => benchOptions(["--fast"])).toThrow();
  });
});

describe("resources from plans", () => {
  // An example's plan: one root resource, a published module called with for_each, with a nested module, and a local one.
  const example: PlanJson = {
    planned_values: {
      root_module: {
        resources: [resource("aws_s3_bucket", "root")],
        child_modules: [
          { address: 'module.net["a"]', resources: [resource("aws_vpc", "this"), resource("aws_subnet", "private", {}, "a")] },
          { address: 'module.net["b"]', resources: [resource("aws_vpc", "this")], child_modules: [{ address: 'module.net["b"].module.inner', resources: [resource("aws_route", "r")] }] },
          { address: "module.local", resources: [resource("aws_sns_topic", "t")] },
        ],
      },
    },
    configuration: { root_module: { module_calls: { net: { source: "../../modules/network" }, local: { source: "./local" } } } },
  };

  it("counts the managed instances a plan holds, and those inside each published module it calls", () => {
    expect(plannedResources(example)).toBe(6);
    expect(resourcesByPublishedModule(example)).toEqual(new Map([["network", 4]]));
  });
});

describe("env cost goals", () => {
  const arm = (spot: boolean) => fargateApp("mimir", { tasks: 3, vcpu: 2, gb: 4, ...(spot ? { spot: { onDemandWeight: 0, spotWeight: 1 } } : {}) });

  it("compares prod with the same layout on x86_64 on demand", () => {
    const onSpot = envCost("prod", plan({ region: "us-east-1", planned: arm(true) }));
    expect(onSpot.monthlyUsd / onSpot.x86OnDemandUsd).toBeCloseTo(0.01030969 / 0.04048, 2);
    expect(onSpot.goal).toEqual({ goal: "≤ 70 % of x86_64 on demand", met: true });
    expect(envCost("prod", plan({ region: "us-east-1", planned: [...arm(false), resource("aws_nat_gateway", "nat")] })).goal?.met).toBe(false);
  });

  it("holds dev to $120 a month, and other envs to nothing", () => {
    expect(envCost("dev", plan({ region: "us-east-1", planned: [resource("aws_nat_gateway", "nat")] })).goal).toEqual({ goal: "≤ $120/month", met: true });
    expect(envCost("dev", plan({ region: "us-east-1", planned: arm(false) })).goal?.met).toBe(false);
    expect(envCost("staging", plan({ region: "us-east-1", planned: arm(false) })).goal).toBeUndefined();
  });
});

describe("the bench report", () => {
  const result: BenchResult = {
    machine: { node: "v20.20.2", cpus: 2, loadAverage: { start: [1, 0.5, 0.25], end: [2, 1, 0.5] } },
    synth: { medians: { project: 800, direct: 550, cdktf: 6400 }, runs: 5, rebuildMs: 3100, ratio: 0.125, goal: { goal: "≤ 1 s", met: true } },
    test: { medianMs: 75_000, runs: 1, failed: 0, goal: { goal: "≤ 60 s on 2 cores", met: false } },
    terraform: [
      { kind: "example", id: "network", runs: 3, medians: { init: 150, plan: 2000, show: 900, total: 3100 }, resources: 48 },
      { kind: "env", id: "prod", runs: 1, error: "Error: bad" },
    ],
    modules: [{ module: "network", resources: 48 }, { module: "orphan" }],
    cost: [
      { env: "dev", region: "ap-northeast-2", monthlyUsd: 84.38, x86OnDemandUsd: 100, goal: { goal: "≤ $120/month", met: true } },
      { env: "prod", error: "no plan: Error: bad" },
    ],
  };
  const report = renderBench(result);

  it("shows each measurement with its runs, and each goal as met or not", () => {
    expect(report).toContain("Node v20.20.2, 2 cores; load average 1.00 0.50 0.25 at the start, 2.00 1.00 0.50 at the end");
    expect(report).toContain("| npm run synth (the project's synth) | 0.80 s | 5 | ≤ 1 s | met |");
    expect(report).toContain("| project synth ÷ cdktf synth | 0.13 (8.0× faster) |");
    expect(report).toContain("| npm test | 75.00 s | 1 | ≤ 60 s on 2 cores | **not met** |");
    expect(report).toContain("| example network | 0.15 s | 2.00 s | 0.90 s | 3.10 s | 3 | 48 |");
    expect(report).toContain("| env prod | failed | failed | failed | failed | 1 | Error: bad |");
    expect(report).toContain("| orphan | no example of that name |");
    expect(report).toContain("| dev (ap-northeast-2) | $84.38 | $100.00 | 84 % | ≤ $120/month | met |");
    expect(report).toContain("| prod | no plan: Error: bad |");
  });
});
