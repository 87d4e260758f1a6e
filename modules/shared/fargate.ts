/**
 * The CPU/memory pairs Fargate accepts for a Linux task (CPU units → memory MiB), from the ECS API
 * reference of TaskDefinition.memory. 8 and 16 vCPU need platform version 1.4.0 or later.
 */
export const FARGATE_MEMORY_BY_CPU: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: steps(1024, 4096, 1024),
  1024: steps(2048, 8192, 1024),
  2048: steps(4096, 16384, 1024),
  4096: steps(8192, 30720, 1024),
  8192: steps(16384, 61440, 4096),
  16384: steps(32768, 122880, 8192),
};

/** The CPU units Fargate accepts, smallest first. */
export const FARGATE_CPUS = Object.keys(FARGATE_MEMORY_BY_CPU).map(Number);

function steps(from: number, to: number, by: number): number[] {
  return Array.from({ length: (to - from) / by + 1 }, (_, i) => from + i * by);
}

/** True when Fargate runs a task of this CPU and memory. */
export function isFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_MEMORY_BY_CPU[cpu]?.includes(memory) ?? false;
}

/** What Fargate allows for a CPU value, for error messages: the memory values, or the valid CPUs. */
export function allowedFargateMemory(cpu: number): string {
  const memory = FARGATE_MEMORY_BY_CPU[cpu];
  return memory ? `with cpu ${cpu}, memory must be one of ${memory.join(", ")}` : `cpu must be one of ${FARGATE_CPUS.join(", ")}`;
}

/** {@link FARGATE_MEMORY_BY_CPU} as an HCL object keyed by the CPU as a string. */
const FARGATE_TABLE_HCL = `{ ${FARGATE_CPUS.map((c) => `"${c}" = ${JSON.stringify(FARGATE_MEMORY_BY_CPU[c])}`).join(", ")} }`;

/** HCL: true when `cpu` and `memory` (expressions) are a Fargate pair. */
export function fargateSizeCondition(cpu: string, memory: string): string {
  return `contains(lookup(${FARGATE_TABLE_HCL}, tostring(${cpu}), []), ${memory})`;
}

/** HCL: the text {@link allowedFargateMemory} gives for `cpu` (an expression). */
export function allowedFargateMemoryHcl(cpu: string): string {
  return (
    `contains(keys(${FARGATE_TABLE_HCL}), tostring(${cpu})) ? ` +
    `format("with cpu %v, memory must be one of %s", ${cpu}, join(", ", ${FARGATE_TABLE_HCL}[tostring(${cpu})])) : ` +
    `"cpu must be one of ${FARGATE_CPUS.join(", ")}"`
  );
}

/** The smallest Fargate pair with at least this CPU and memory; throws when none is that large. */
export function roundUpToFargate(cpu: number, memory: number): { cpu: number; memory: number } {
  for (const candidate of FARGATE_CPUS.filter((c) => c >= cpu)) {
    const fits = FARGATE_MEMORY_BY_CPU[candidate].find((m) => m >= memory);
    if (fits !== undefined) return { cpu: candidate, memory: fits };
  }
  throw new Error(`No Fargate task has ${cpu} CPU units and ${memory} MiB; the largest is 16384 / 122880.`);
}
