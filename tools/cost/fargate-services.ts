import { Architecture } from "./prices";
import { block, configOf, Instance, PlanJson } from "./plan-json";

/**
 * ECS services on Fargate, each joined to the task definition it runs.
 *
 * The join: a service's `task_definition` is the task definition's ARN, which a plan does not know
 * yet, so the estimator follows, in order:
 * 1. a known value (a prior state, a literal): the task definition in the same state whose `arn`,
 *    `arn_without_revision` or `family` (optionally `family:revision`) it names;
 * 2. the configuration's references for the service's `task_definition`: the first
 *    `aws_ecs_task_definition.<name>` it references, in the service's own module instance, and
 *    - with a literal key (`aws_ecs_task_definition.x["mimir"]`, `[0]`), that instance;
 *    - keyed by the service's own key (`[each.key]`, `[count.index]`, or `each.value.arn` when the
 *      service iterates over the task definitions), the instance with the service's index;
 *    - otherwise the unkeyed instance.
 * A service neither rule resolves (say, a task definition passed in through a module variable) is
 * reported as not priced, with the reason, never silently dropped.
 */

export interface FargateService {
  readonly address: string;
  /** Address of the task definition it runs. */
  readonly taskDefinition: string;
  readonly tasks: number;
  /** Expected tasks on FARGATE_SPOT (fractional: ECS splits by weight). */
  readonly spotTasks: number;
  readonly architecture: Architecture;
  readonly vcpu: number;
  /** Task memory in GB (Fargate bills 1 GB = 1024 MiB of task memory). */
  readonly memoryGb: number;
  /** Task ephemeral storage, GiB (20 when the default). */
  readonly ephemeralGiB: number;
  /** Tasks register in Cloud Map (`service_registries`). */
  readonly registersInCloudMap: boolean;
  /** Tasks get a public IPv4 address (`assign_public_ip`). */
  readonly publicIp: boolean;
}

export interface NotPricedService {
  readonly address: string;
  readonly reason: string;
}

interface StrategyItem {
  readonly capacity_provider?: string;
  readonly base?: number | null;
  readonly weight?: number | null;
}

/**
 * Tasks per capacity provider, as ECS places them: `base` tasks on the provider that has a base
 * (only one may), the rest in proportion to `weight`. Fractional shares are the expectation over
 * the placements ECS may make.
 */
export function splitByCapacityProvider(tasks: number, strategy: readonly StrategyItem[]): Record<string, number> {
  const split: Record<string, number> = {};
  let remaining = tasks;
  for (const item of strategy) {
    const base = Math.min(item.base ?? 0, remaining);
    if (item.capacity_provider && base > 0) {
      split[item.capacity_provider] = (split[item.capacity_provider] ?? 0) + base;
      remaining -= base;
    }
  }
  const weights = strategy.reduce((sum, item) => sum + (item.weight ?? 0), 0);
  for (const item of strategy) {
    if (!item.capacity_provider) continue;
    const share = weights > 0 ? (remaining * (item.weight ?? 0)) / weights : 0;
    split[item.capacity_provider] = (split[item.capacity_provider] ?? 0) + share;
  }
  return split;
}

/** The index in an `aws_ecs_task_definition.<name>[...]` reference: a string key, a number, or undefined. */
function literalKey(reference: string): string | number | undefined {
  const match = /^aws_ecs_task_definition\.[^.[]+\[(.+?)\]/.exec(reference);
  if (!match) return undefined;
  return match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : Number(match[1]);
}

function byValue(service: Instance, definitions: readonly Instance[]): Instance | undefined {
  const named = service.values.task_definition;
  if (typeof named !== "string" || named === "") return undefined;
  return definitions.find((definition) => {
    const { arn, arn_without_revision: unrevisioned, family, revision } = definition.values;
    return named === arn || named === unrevisioned || named === family || (family !== undefined && named === `${String(family)}:${String(revision)}`);
  });
}

function byReference(plan: PlanJson, service: Instance, definitions: readonly Instance[]): Instance | undefined {
  const config = configOf(plan, service);
  const references = config?.expressions?.task_definition?.references ?? [];
  const target = references.find((reference) => reference.startsWith("aws_ecs_task_definition."));
  if (!target) return undefined;
  const name = /^aws_ecs_task_definition\.([^.[]+)/.exec(target)![1];
  const candidates = definitions.filter((definition) => definition.module === service.module && definition.name === name);
  const key = literalKey(target);
  const ownKey = references.some((reference) => /^(each\.(key|value)|count\.index)/.test(reference));
  if (key !== undefined) return candidates.find((definition) => definition.index === key);
  if (ownKey) return candidates.find((definition) => definition.index === service.index);
  return candidates.find((definition) => definition.index === undefined);
}

const toNumber = (value: unknown) => (typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN);

/** The default strategy of the plan's only `aws_ecs_cluster_capacity_providers`, for services that name none. */
function clusterDefaultStrategy(instances: readonly Instance[]): readonly StrategyItem[] | undefined {
  const clusters = instances.filter((instance) => instance.type === "aws_ecs_cluster_capacity_providers");
  if (clusters.length !== 1) return undefined;
  const strategy = clusters[0].values.default_capacity_provider_strategy;
  return Array.isArray(strategy) && strategy.length > 0 ? (strategy as StrategyItem[]) : undefined;
}

/** The plan's ECS services on Fargate, joined to their task definitions; the rest with the reason. */
export function fargateServices(plan: PlanJson, instances: readonly Instance[]): { services: FargateService[]; notPriced: NotPricedService[]; notes: string[] } {
  const definitions = instances.filter((instance) => instance.type === "aws_ecs_task_definition");
  const services: FargateService[] = [];
  const notPriced: NotPricedService[] = [];
  const notes = new Set<string>();
  for (const service of instances.filter((instance) => instance.type === "aws_ecs_service")) {
    const skip = (reason: string) => notPriced.push({ address: service.address, reason });
    const launchType = service.values.launch_type;
    if (typeof launchType === "string" && launchType !== "FARGATE") {
      skip(`launch type ${launchType}, not Fargate`);
      continue;
    }
    const definition = byValue(service, definitions) ?? byReference(plan, service, definitions);
    if (!definition) {
      skip("its task definition could not be joined (see tools/cost/fargate-services.ts for the rules)");
      continue;
    }
    const vcpu = toNumber(definition.values.cpu) / 1024;
    const memoryGb = toNumber(definition.values.memory) / 1024;
    if (!Number.isFinite(vcpu) || !Number.isFinite(memoryGb)) {
      skip(`${definition.address} has no known task-level cpu and memory`);
      continue;
    }
    const desired = toNumber(service.values.desired_count);
    const tasks = Number.isFinite(desired) ? desired : 0;
    if (!Number.isFinite(desired)) notes.add(`${service.address}: desired_count unknown at plan time, priced as 0 tasks.`);
    let strategy: readonly StrategyItem[] = (service.values.capacity_provider_strategy as StrategyItem[] | undefined) ?? [];
    if (strategy.length === 0 && typeof launchType !== "string") {
      const clusterDefault = clusterDefaultStrategy(instances);
      if (clusterDefault) strategy = clusterDefault;
      else notes.add("Services without a launch type or capacity provider strategy are priced as on-demand Fargate (no single cluster default strategy in the plan).");
    }
    const split = strategy.length > 0 ? splitByCapacityProvider(tasks, strategy) : { FARGATE: tasks };
    const other = Object.keys(split).filter((provider) => provider !== "FARGATE" && provider !== "FARGATE_SPOT" && split[provider] > 0);
    if (other.length > 0) {
      skip(`capacity provider ${other.join(", ")} is not Fargate`);
      continue;
    }
    const platform = block(definition.values, "runtime_platform");
    const ephemeral = toNumber(block(definition.values, "ephemeral_storage")?.size_in_gib);
    const network = block(service.values, "network_configuration");
    const registries = service.values.service_registries;
    services.push({
      address: service.address,
      taskDefinition: definition.address,
      tasks,
      spotTasks: split.FARGATE_SPOT ?? 0,
      architecture: platform?.cpu_architecture === "ARM64" ? "arm64" : "x86_64",
      vcpu,
      memoryGb,
      ephemeralGiB: Number.isFinite(ephemeral) ? ephemeral : 20,
      registersInCloudMap: Array.isArray(registries) && registries.length > 0,
      publicIp: network?.assign_public_ip === true,
    });
  }
  return { services, notPriced, notes: [...notes] };
}
