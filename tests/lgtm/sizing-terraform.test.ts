import { App, TerraformVariable, Testing } from "cdktf";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInputs, withDefaults } from "../../lib/inputs";
import { ModuleStack } from "../../lib/module-stack";
import { ReadableStack } from "../../lib/readable-stack";
import { sizingInput } from "../../modules/ecs-fargate/lgtm/settings";
import { sizeForLoad } from "../../modules/ecs-fargate/lgtm/sizing/for-load";
import { lgtmSizing } from "../../modules/ecs-fargate/lgtm/sizing/lgtm-sizing";
import { LgtmLoad, LOAD_LIMITS, REFERENCE_LOAD } from "../../modules/ecs-fargate/lgtm/sizing/load";
import { DEV_SIZING, LgtmSizing, PROD_SIZING } from "../../modules/ecs-fargate/lgtm/sizing/sizing";
import { hclArgs, planModuleCalls, validationErrorsByCall } from "../support/module-calls";
import { CheckResult, formatDiagnostics } from "../support/terraform-runner";
import { devProbeModule, SizingProbeProps, sizingProbeModule } from "./support/sizing-probe";

const load = (fields: Partial<LgtmLoad>): LgtmLoad => ({ active_series: 1, scrape_interval_seconds: 15, logs_gb_per_day: 0, traces_gb_per_day: 0, profiles_per_second: 0, ...fields });
const largest = Object.fromEntries(Object.entries(LOAD_LIMITS).map(([field, limit]) => [field, limit.max])) as unknown as LgtmLoad;

/** Loads Terraform sizes from a variable, each checked against sizeForLoad value by value. */
const LOADS: Record<string, LgtmLoad> = {
  reference: REFERENCE_LOAD,
  tiny: load({ scrape_interval_seconds: 60 }),
  // Loki's tiers: the top of the first (its figures exactly), just above it, the top of the second.
  loki_tier_1_top: load({ active_series: 250_000, logs_gb_per_day: 3_000, traces_gb_per_day: 10 }),
  loki_tier_2_start: load({ active_series: 250_000, logs_gb_per_day: 3_001, traces_gb_per_day: 10 }),
  loki_tier_2_top: load({ active_series: 5_000_000, scrape_interval_seconds: 30, logs_gb_per_day: 30_000 }),
  // 17,366.4 GB/day is 201 MB/s: 67 Tempo ingesters exactly, which doubles compute as 67.00000000000001.
  tempo_whole: load({ active_series: 2_000_000, traces_gb_per_day: 17_366.4 }),
  fractional: load({ active_series: 333_333, scrape_interval_seconds: 7.5, logs_gb_per_day: 12.3, traces_gb_per_day: 0.1, profiles_per_second: 7.5 }),
  large: load({ active_series: 20_000_000, logs_gb_per_day: 10_000, traces_gb_per_day: 3_000, profiles_per_second: 200 }),
  largest: { ...largest, scrape_interval_seconds: 1 },
};

/** Each bad load, and the field its rule names. */
const BAD_LOADS: { case: string; load: Partial<LgtmLoad>; field: keyof LgtmLoad }[] = [
  { case: "no series", load: { active_series: 0 }, field: "active_series" },
  { case: "fractional series", load: { active_series: 1.5 }, field: "active_series" },
  { case: "a zero scrape interval", load: { scrape_interval_seconds: 0 }, field: "scrape_interval_seconds" },
  { case: "logs beyond Loki's tiers", load: { logs_gb_per_day: 30_001 }, field: "logs_gb_per_day" },
  { case: "negative traces", load: { traces_gb_per_day: -1 }, field: "traces_gb_per_day" },
  { case: "too many profiles", load: { profiles_per_second: 1_001 }, field: "profiles_per_second" },
];

type Outputs = { sizing: unknown; replication: unknown; roles: string[] };
const expected = (sizing: LgtmSizing): Outputs => ({ sizing: sizingInput(sizing), replication: sizing.replication, roles: Object.keys(sizing.roles).sort() });

/** The error checkInputs gives for literal props: the message Terraform's validation must give too. */
function synthMessages(props: SizingProbeProps): string[] {
  const complete = withDefaults(props, sizingProbeModule.inputs);
  try {
    checkInputs("probe", complete, sizingProbeModule.inputs, sizingProbeModule.rules);
  } catch (error) {
    return (error as Error).message.split("\n  - ").slice(1).map((line) => line.replace(/^load: /, ""));
  }
  return [];
}

describe("lgtmSizing over variables: Terraform computes what sizeForLoad does", () => {
  const dir = mkdtempSync(join(tmpdir(), "lgtm-sizing-probe-"));
  const publish = (definition: typeof sizingProbeModule) => {
    const files = new ModuleStack(new App({ skipValidation: true, outdir: join(dir, "cdktf.out") }), definition).toModuleFiles();
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, definition.name, file)), { recursive: true });
      writeFileSync(join(dir, definition.name, file), text);
    }
    return join(dir, definition.name);
  };
  const moduleDir = publish(sizingProbeModule);
  const devModuleDir = publish(devProbeModule);
  const calls: Record<string, { module: string; args: string }> = {
    ...Object.fromEntries(Object.entries(LOADS).map(([name, value]) => [`load_${name}`, { module: moduleDir, args: hclArgs({ profile: "dev", load: value }) }])),
    profile_dev: { module: moduleDir, args: hclArgs({ profile: "dev" }) },
    profile_prod: { module: moduleDir, args: hclArgs({ profile: "prod", load: null }) },
    // Volumes left out are 0, as in the literal face.
    load_partial: { module: moduleDir, args: hclArgs({ load: { active_series: 1_000_000, scrape_interval_seconds: 15 } }) },
    // A literal profile beside a load variable.
    fixed_dev: { module: devModuleDir, args: "" },
    fixed_dev_load: { module: devModuleDir, args: hclArgs({ load: REFERENCE_LOAD }) },
  };
  let result: CheckResult;
  let errors: Map<string, string[]>;

  beforeAll(async () => {
    const outputs = Object.keys(calls).map((call) => `output "${call}" {\n  value = module.${call}\n}`);
    result = await planModuleCalls(calls, outputs.join("\n"));
    errors = await validationErrorsByCall(moduleDir, Object.fromEntries(BAD_LOADS.map((bad, i) => [`bad_${i}`, hclArgs({ load: { ...REFERENCE_LOAD, ...bad.load } })])));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const output = (call: string): Outputs => {
    const after = result.plan!.output_changes![call].after as Outputs;
    return { ...after, roles: [...after.roles].sort() };
  };

  it("plans every call without errors", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
  });

  it.each(Object.entries(LOADS))("sizes the %s load as sizeForLoad does, value by value", (name, value) => {
    expect(output(`load_${name}`)).toEqual(expected(sizeForLoad(value)));
  });

  it("fills in the volumes a load leaves out as 0", () => {
    expect(output("load_partial")).toEqual(expected(sizeForLoad(load({ active_series: 1_000_000 }))));
  });

  it("gives the profiles when the load is null, dev without Loki's caches", () => {
    expect(output("profile_dev")).toEqual(expected(DEV_SIZING));
    expect(output("profile_prod")).toEqual(expected(PROD_SIZING));
    expect(output("profile_dev").roles).not.toContain("loki-chunks-cache");
  });

  it("chooses between a literal profile and a load variable the same way", () => {
    expect(output("fixed_dev")).toEqual(expected(DEV_SIZING));
    expect(output("fixed_dev_load")).toEqual(expected(sizeForLoad(REFERENCE_LOAD)));
  });

  it("covers the cases that matter: the caches with every load, more than the minimum where the volume asks", () => {
    const large = sizeForLoad(LOADS.large).roles;
    expect(large.mimir.tasks).toBeGreaterThan(3);
    expect(large["loki-ingester"].tasks).toBeGreaterThan(3);
    expect(large.mimir.ephemeralStorageGiB).toBeGreaterThan(20);
    expect(sizeForLoad(LOADS.tempo_whole).roles["tempo-ingester"].tasks).toBe(67);
    expect(sizeForLoad(LOADS.loki_tier_1_top).roles["loki-ingester"].tasks).toBe(6);
    expect(sizeForLoad(LOADS.loki_tier_2_start).roles["loki-ingester"].tasks).toBe(7);
  });

  it("reports each bad load against its own call only", () => {
    expect([...errors.keys()].sort()).toEqual(BAD_LOADS.map((_, i) => `bad_${i}`).sort());
  });

  it.each(BAD_LOADS.map((bad, i) => ({ ...bad, i })))("rejects $case with the synth-time message", ({ load: bad, field, i }) => {
    const synth = synthMessages({ load: { ...REFERENCE_LOAD, ...bad } });
    expect(synth).toHaveLength(1);
    const [allowed, got] = synth[0].split("; got ");
    expect(allowed).toContain(`load must be null or give ${field} as`);
    const terraform = errors.get(`bad_${i}`) ?? [];
    expect(terraform).toHaveLength(1);
    expect(terraform[0]).toContain(`Invalid value for variable: ${allowed}; got `);
    // jsonencode orders the keys; the values are the same.
    const quoted = (message: string) => JSON.parse(/; got (\{.*?\})\./.exec(message)![1]);
    expect(quoted(terraform[0])).toEqual(JSON.parse(got.replace(/\.$/, "")));
  });

  it("rejects an unknown profile", async () => {
    const bad = await validationErrorsByCall(moduleDir, { bad: hclArgs({ profile: "huge" }) });
    expect(bad.get("bad")?.join("\n")).toContain('profile must be one of "dev", "prod"; got "huge".');
  });
});

describe("lgtmSizing with literals: sized at synth, nothing for Terraform to compute", () => {
  const scope = () => new ReadableStack(Testing.app(), "env");

  it("gives a profile's values", () => {
    const values = lgtmSizing(scope(), { profile: "prod" });
    expect(values).toEqual({ ...expected(PROD_SIZING), roles: Object.keys(PROD_SIZING.roles), layout: PROD_SIZING });
  });

  it("sizes a load, which wins over the profile, even a token profile", () => {
    const stack = scope();
    const profile = new TerraformVariable(stack, "profile", { type: "string" }).stringValue;
    const values = lgtmSizing(stack, { profile, load: { active_series: 1_000_000, scrape_interval_seconds: 15, logs_gb_per_day: 100, traces_gb_per_day: 50 } });
    expect(values.sizing).toEqual(sizingInput(sizeForLoad(REFERENCE_LOAD)));
    expect(values.layout?.name).toBe("load");
    expect(JSON.parse(Testing.synth(stack)).locals).toBeUndefined();
  });

  it("rejects an unknown profile and a bad load at synth", () => {
    expect(() => lgtmSizing(scope(), { profile: "huge" })).toThrow('Unknown sizing profile "huge"; expected dev or prod.');
    expect(() => lgtmSizing(scope(), { profile: "dev", load: { active_series: 0, scrape_interval_seconds: 15 } })).toThrow("active_series = 0 is outside 1..100000000 series");
  });
});
