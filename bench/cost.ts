import { estimatePlan } from "../tools/cost/estimate";
import { PlanJson } from "../tools/cost/plan-json";

/** A goal and whether the measurement meets it. */
export interface Goal {
  readonly goal: string;
  readonly met: boolean;
}

export interface EnvCost {
  readonly env: string;
  readonly region: string;
  /** The estimator's monthly total after the plan (a first apply), USD. */
  readonly monthlyUsd: number;
  /** The same plan with every Fargate task on x86_64 on demand, USD. */
  readonly x86OnDemandUsd: number;
  readonly goal?: Goal;
}

/**
 * Issue 11's cost goals, by env name: prod (sized by the seed 004 profile) at most 70 % of the same
 * layout on x86_64 on demand, dev at most $120 a month. Both compare the whole monthly estimate.
 */
const COST_GOALS: Readonly<Record<string, (cost: Omit<EnvCost, "goal">) => Goal>> = {
  dev: (cost) => ({ goal: "≤ $120/month", met: cost.monthlyUsd <= 120 }),
  prod: (cost) => ({ goal: "≤ 70 % of x86_64 on demand", met: cost.monthlyUsd <= 0.7 * cost.x86OnDemandUsd }),
};

/** The env's monthly cost from the project's estimator, as planned and with Fargate on x86_64 on demand, and its goal. */
export function envCost(env: string, plan: PlanJson): EnvCost {
  const planned = estimatePlan(plan);
  const x86 = estimatePlan(plan, { fargateOnDemand: "x86_64" });
  const cost = { env, region: planned.region, monthlyUsd: planned.after.totalUsd, x86OnDemandUsd: x86.after.totalUsd };
  const goal = COST_GOALS[env]?.(cost);
  return goal ? { ...cost, goal } : cost;
}
