import { describe, expect, it } from "vitest";
import { REFERENCE_LOAD } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { parseArgs, runCost, UsageError } from "../../tools/cost/cli";

describe("npm run cost arguments", () => {
  it("reads a target, a load, a region, assumptions and --json", () => {
    expect(
      parseArgs(["prod", "--load", "active_series=1000000,scrape_interval_seconds=15,logs_gb_per_day=100,traces_gb_per_day=50", "--region", "us-east-1", "--assume", "alb_lcu=12", "--assume", "nat_gb_per_month=10", "--json"]),
    ).toEqual({ target: "prod", load: REFERENCE_LOAD, region: "us-east-1", assumptions: { alb_lcu: 12, nat_gb_per_month: 10 }, json: true });
    expect(parseArgs(["--sizing", "dev"])).toEqual({ sizing: "dev", assumptions: {}, json: false });
  });

  it("rejects what it cannot run, as usage errors", () => {
    const usage = (argv: string[]) => () => parseArgs(argv);
    expect(usage([])).toThrow(UsageError);
    expect(usage([])).toThrow("Name an env or a plan JSON file.");
    expect(usage(["dev", "prod"])).toThrow('One env or plan at a time (got "dev" and "prod").');
    expect(usage(["dev", "--bogus"])).toThrow("Unknown option --bogus.");
    expect(usage(["dev", "--region"])).toThrow("--region needs a value.");
    expect(usage(["--sizing", "huge"])).toThrow('--sizing takes dev, prod or load (got "huge").');
    expect(usage(["--sizing", "load"])).toThrow("--sizing load needs --load.");
    expect(usage(["--sizing", "prod", "--load", "active_series=1,scrape_interval_seconds=15"])).toThrow("--sizing prod is a fixed layout; --load goes with --sizing load.");
    expect(usage(["dev", "--sizing", "prod"])).toThrow("--sizing prints a sizing; it takes no env or plan.");
    expect(usage(["dev", "--assume", "alb_lcu"])).toThrow('Invalid assumption "alb_lcu": expected name=value.');
    expect(usage(["dev", "--load", "active_series=-1,scrape_interval_seconds=15"])).toThrow("active_series = -1 is outside");
  });
});

describe("npm run cost --sizing", () => {
  it("prints a profile's roles, cost, limits and capacity", async () => {
    const output = await runCost(["--sizing", "prod", "--region", "ap-northeast-2"]);
    expect(output).toContain('Sizing "prod": Fargate on demand, ap-northeast-2');
    expect(output).toContain("| mimir | 3 | 2 | 4 | 30 | no |");
    expect(output).toContain("Replication factors: Mimir 3, Loki 2, Tempo 1, Pyroscope 1.");
    expect(output).toContain("90,909 active series at 15 s, limited by alloy (others: mimir 276,935)");
    expect(output).toContain("- tempo-ingester: memory 2 < 4 GB");
  });

  it("prints Grafana's guidance for a load, as JSON on request", async () => {
    const sizing = JSON.parse(await runCost(["--sizing", "load", "--load", "active_series=1000000,scrape_interval_seconds=15,logs_gb_per_day=100,traces_gb_per_day=50", "--json"]));
    expect(sizing.name).toBe("load");
    expect(sizing.roles.mimir).toMatchObject({ tasks: 15, cpu: 1024, memory: 3072 });
  });
});
