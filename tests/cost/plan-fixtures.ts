import { ConfigResource, PlanJson, StateResource } from "../../tools/cost/plan-json";

/** Hand-made `terraform show -json` plans for estimator unit tests (harness-made plans are in the *-plan tests). */

export function resource(type: string, name: string, values: Record<string, unknown> = {}, index?: string | number, module?: string): StateResource & { module?: string } {
  const key = index === undefined ? "" : typeof index === "number" ? `[${index}]` : `[${JSON.stringify(index)}]`;
  return { address: `${module ? `${module}.` : ""}${type}.${name}${key}`, mode: "managed", type, name, ...(index === undefined ? {} : { index }), values, ...(module ? { module } : {}) };
}

type Located = StateResource & { module?: string };

function rootModule(resources: readonly Located[]) {
  const byModule = new Map<string, StateResource[]>();
  for (const { module, ...rest } of resources) byModule.set(module ?? "", [...(byModule.get(module ?? "") ?? []), rest]);
  return {
    resources: byModule.get("") ?? [],
    child_modules: [...byModule.entries()].filter(([module]) => module !== "").map(([address, found]) => ({ address, resources: found })),
  };
}

/** A plan whose planned state holds `planned` and whose prior state holds `prior`. */
export function plan(options: { region?: string; planned: readonly Located[]; prior?: readonly Located[]; config?: readonly ConfigResource[] }): PlanJson {
  return {
    planned_values: { root_module: rootModule(options.planned) },
    ...(options.prior ? { prior_state: { values: { root_module: rootModule(options.prior) } } } : {}),
    configuration: {
      ...(options.region ? { provider_config: { aws: { name: "aws", expressions: { region: { constant_value: options.region } } } } } : {}),
      root_module: { resources: options.config ?? [] },
    },
  };
}

/** A Fargate task definition and a service running it, joined by family. */
export function fargateApp(
  name: string,
  size: { tasks: number; vcpu: number; gb: number; extraDisk?: number; arch?: "ARM64" | "X86_64"; spot?: { base?: number; onDemandWeight: number; spotWeight: number }; registered?: boolean },
): Located[] {
  const definition = resource("aws_ecs_task_definition", name, {
    family: name,
    cpu: String(size.vcpu * 1024),
    memory: String(size.gb * 1024),
    runtime_platform: [{ cpu_architecture: size.arch ?? "ARM64", operating_system_family: "LINUX" }],
    ephemeral_storage: size.extraDisk ? [{ size_in_gib: 20 + size.extraDisk }] : [],
  });
  const strategy = size.spot
    ? [
        { capacity_provider: "FARGATE", base: size.spot.base ?? 0, weight: size.spot.onDemandWeight },
        { capacity_provider: "FARGATE_SPOT", base: 0, weight: size.spot.spotWeight },
      ]
    : [];
  const service = resource("aws_ecs_service", name, {
    task_definition: name,
    desired_count: size.tasks,
    launch_type: size.spot ? null : "FARGATE",
    capacity_provider_strategy: strategy,
    service_registries: size.registered ? [{ registry_arn: null }] : [],
  });
  return [definition, service];
}
