import { hclNumber } from "../../../lib/hcl";
import { choose } from "../../../lib/choose";
import { CapacityProviderShare, FargateServiceSpec } from "../fargate-service/spec";
import { RoleSizeInput } from "./settings";

/**
 * How a role's tasks are replaced in a deployment:
 * - `one-at-a-time`: a replicated stateful role (ingesters, Mimir) stops one task, lets it flush
 *   and leave its rings, starts its successor, then the next: the replication factor covers it;
 * - `stop-first`: a single writer (Grafana's SQLite) stops before its successor starts;
 * - `surge`: a role that holds nothing starts the new tasks before stopping the old ones.
 */
export type Rollout = "one-at-a-time" | "stop-first" | "surge";

/** FARGATE only: for every role that holds data, and for roles the sizing keeps off Spot. */
const ON_DEMAND: CapacityProviderShare[] = [{ capacity_provider: "FARGATE", weight: 1, base: 0 }];
/**
 * On Spot, but with one task on FARGATE when the role has more than one, so a Spot reclaim (which
 * takes several tasks at once) never stops them all. A one-task role its sizing puts on Spot (dev's
 * queriers and query-frontends) runs on Spot alone: keeping its one task on FARGATE would leave
 * nothing on Spot.
 */
const mostlySpot = (tasks: number): CapacityProviderShare[] => [
  { capacity_provider: "FARGATE", weight: 0, base: hclNumber`min(1, ${tasks} - 1)` },
  { capacity_provider: "FARGATE_SPOT", weight: 1, base: 0 },
];

/** What a role's service is made of beyond its size and rollout. */
export type RoleParts = Omit<
  FargateServiceSpec,
  "cpu" | "memory" | "desired_count" | "ephemeral_storage_gib" | "stateless" | "capacity_provider_strategy" | "deployment_minimum_healthy_percent" | "deployment_maximum_percent"
>;

/**
 * A role's service spec: its parts, sized by the sizing, placed and rolled out as `rollout` says.
 * Only a `surge` role can go on Spot, and only when its size says so (the settings' rules allow
 * that for queriers and query-frontends alone).
 */
export function roleService(size: Required<RoleSizeInput>, rollout: Rollout, parts: RoleParts): FargateServiceSpec {
  const stateless = rollout === "surge";
  return {
    ...parts,
    cpu: size.cpu,
    memory: size.memory,
    desired_count: size.tasks,
    ephemeral_storage_gib: size.ephemeral_storage_gib,
    stateless,
    capacity_provider_strategy: stateless ? choose(size.spot, mostlySpot(size.tasks), ON_DEMAND) : ON_DEMAND,
    ...deployment(rollout, size.tasks),
  };
}

function deployment(rollout: Rollout, tasks: number): Pick<FargateServiceSpec, "deployment_minimum_healthy_percent" | "deployment_maximum_percent"> {
  switch (rollout) {
    case "surge":
      return { deployment_minimum_healthy_percent: 100, deployment_maximum_percent: 200 };
    case "stop-first":
      return { deployment_minimum_healthy_percent: 0, deployment_maximum_percent: 100 };
    case "one-at-a-time":
      // ECS rounds the healthy minimum up: (n-1)/n of n tasks keeps n-1 running (66 for 3, 0 for 1).
      return { deployment_minimum_healthy_percent: hclNumber`floor((${tasks} - 1) * 100 / ${tasks})`, deployment_maximum_percent: 100 };
  }
}
