import { describe, expect, it } from "vitest";
import { AWS_MANAGED_PRICES, GRAFANA_CLOUD_PRO, Price, pricesFor, REGION_PRICES, SOURCES, SPOT_TO_ON_DEMAND } from "../../tools/cost/prices";

/** Every Price object reachable from a value, with its path. */
function pricesIn(value: unknown, path: string): [string, Price][] {
  if (value && typeof value === "object" && "usd" in value && "source" in value) return [[path, value as Price]];
  if (Array.isArray(value)) return value.flatMap((item, i) => pricesIn(item, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => pricesIn(item, `${path}.${key}`));
  return [];
}

const everyPrice = [...pricesIn(REGION_PRICES, "region"), ...pricesIn(AWS_MANAGED_PRICES, "managed"), ...pricesIn(GRAFANA_CLOUD_PRO, "grafanaCloud")];

describe("price tables", () => {
  it("give every price a registered source and a date", () => {
    expect(everyPrice.length).toBeGreaterThan(60);
    for (const [path, price] of everyPrice) {
      expect(Object.keys(SOURCES), path).toContain(price.source);
      expect(price.date, path).toMatch(/^(\d{4}-\d{2}-\d{2}|undated)$/);
      expect(price.usd, path).toBeGreaterThanOrEqual(0);
    }
  });

  it("price the same items in both regions", () => {
    expect(Object.keys(REGION_PRICES)).toEqual(["us-east-1", "ap-northeast-2"]);
    expect(pricesIn(REGION_PRICES["ap-northeast-2"], "").map(([path]) => path)).toEqual(pricesIn(REGION_PRICES["us-east-1"], "").map(([path]) => path));
  });

  it("take the Spot ratio from the us-east-1 feed, where every rate sits at 0.3184 of on demand", () => {
    const east = pricesFor("us-east-1");
    for (const arch of ["x86_64", "arm64"] as const) {
      expect(east.fargateSpot[arch].vcpuHour.usd / east.fargate[arch].vcpuHour.usd).toBeCloseTo(SPOT_TO_ON_DEMAND, 3);
      expect(east.fargateSpot[arch].gbHour.usd / east.fargate[arch].gbHour.usd).toBeCloseTo(SPOT_TO_ON_DEMAND, 3);
    }
    const seoul = pricesFor("ap-northeast-2");
    expect(seoul.fargateSpot.arm64.vcpuHour).toMatchObject({ usd: 0.01186040, source: "S1" });
    expect(seoul.fargateSpot.arm64.vcpuHour.unverified).toMatch(/no ap-northeast-2 Fargate Spot price found/);
  });

  it("resolve the Seoul ALB conflict as the notes do: the Price List and billed usage over A4", () => {
    expect(pricesFor("ap-northeast-2").albHour).toMatchObject({ usd: 0.0225, source: "A2" });
  });

  it("mark exactly the figures no dated source confirms", () => {
    const unverified = everyPrice.filter(([, price]) => price.unverified).map(([path]) => path);
    expect(unverified.filter((path) => path.startsWith("region.us-east-1"))).toEqual(["region.us-east-1.cloudMapResourceMonth"]);
    expect(unverified.filter((path) => path.startsWith("region.ap-northeast-2"))).toEqual([
      "region.ap-northeast-2.fargateSpot.x86_64.vcpuHour",
      "region.ap-northeast-2.fargateSpot.x86_64.gbHour",
      "region.ap-northeast-2.fargateSpot.arm64.vcpuHour",
      "region.ap-northeast-2.fargateSpot.arm64.gbHour",
      "region.ap-northeast-2.secretApiPer10k",
    ]);
    expect(unverified.filter((path) => path.startsWith("managed.us-east-1"))).toEqual([]);
    expect(unverified.filter((path) => path.startsWith("managed.ap-northeast-2")).length).toBe(9);
  });
});
