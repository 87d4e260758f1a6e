import { describe, expect, it } from "vitest";
import { FARGATE_MEMORY_BY_CPU, allowedFargateMemory, isFargateSize, roundUpToFargate } from "../../modules/shared/fargate";

describe("the Fargate task size table", () => {
  it("holds the documented ranges", () => {
    expect(FARGATE_MEMORY_BY_CPU[256]).toEqual([512, 1024, 2048]);
    expect(FARGATE_MEMORY_BY_CPU[4096].at(-1)).toBe(30720);
    expect(FARGATE_MEMORY_BY_CPU[8192]).toHaveLength(12);
    expect(FARGATE_MEMORY_BY_CPU[16384]).toEqual([32768, 40960, 49152, 57344, 65536, 73728, 81920, 90112, 98304, 106496, 114688, 122880]);
  });

  it("accepts Fargate pairs and names what a cpu allows", () => {
    expect(isFargateSize(2048, 4096)).toBe(true);
    expect(isFargateSize(256, 4096)).toBe(false);
    expect(isFargateSize(300, 512)).toBe(false);
    expect(allowedFargateMemory(256)).toBe("with cpu 256, memory must be one of 512, 1024, 2048");
    expect(allowedFargateMemory(300)).toBe("cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384");
  });

  it("rounds a need up to the smallest pair that holds it", () => {
    expect(roundUpToFargate(1000, 1500)).toEqual({ cpu: 1024, memory: 2048 });
    expect(roundUpToFargate(256, 3000)).toEqual({ cpu: 512, memory: 3072 });
    expect(roundUpToFargate(4096, 40000)).toEqual({ cpu: 8192, memory: 40960 });
    expect(() => roundUpToFargate(16384, 200000)).toThrow("No Fargate task");
  });
});
