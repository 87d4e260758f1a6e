import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCost } from "../../tools/cost/cli";
import { estimatePlan, PlanEstimate } from "../../tools/cost/estimate";
import { PlanJson } from "../../tools/cost/plan-json";
import { checkTerraform, formatDiagnostics, ScratchRoot, stateFromPlan, TerraformPlan, writeScratchRoot } from "../support/terraform-runner";

/**
 * A root with ECS services on Fargate joined to their task definitions every way the estimator
 * supports (for_each by key, a literal key, unkeyed, inside counted module instances), ARM and
 * x86, Spot and on demand, planned by real terraform; then planned again against its own state
 * with more tasks, for before → after.
 */
const ROOT = {
  "main.tf": `
provider "aws" { region = "us-east-1" }

variable "querier_tasks" {
  type    = number
  default = 3
}

locals {
  roles = {
    querier  = { arch = "ARM64", cpu = "1024", memory = "2048", tasks = var.querier_tasks }
    ingester = { arch = "X86_64", cpu = "2048", memory = "4096", tasks = 3 }
  }
}

resource "aws_ecs_cluster" "main" { name = "lgtm" }

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

resource "aws_ecs_task_definition" "role" {
  for_each                 = local.roles
  family                   = each.key
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions    = jsonencode([{ name = each.key, image = "grafana/loki:3.7.8" }])
  runtime_platform {
    cpu_architecture        = each.value.arch
    operating_system_family = "LINUX"
  }
  ephemeral_storage { size_in_gib = 30 }
}

resource "aws_ecs_service" "role" {
  for_each        = local.roles
  name            = each.key
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.role[each.key].arn
  desired_count   = each.value.tasks
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = each.key == "querier" ? 1 : 0
  }
}

resource "aws_ecs_service" "second_querier" {
  name            = "second-querier"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.role["querier"].arn
  desired_count   = 2
  launch_type     = "FARGATE"
}

resource "aws_ecs_task_definition" "grafana" {
  family                   = "grafana"
  cpu                      = "512"
  memory                   = "1024"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions    = jsonencode([{ name = "grafana", image = "grafana/grafana:12.4.11" }])
}

resource "aws_ecs_service" "grafana" {
  name            = "grafana"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.grafana.arn
  desired_count   = 1
}

module "cache" {
  source = "./cache"
  count  = 2
  name   = "cache-\${count.index}"
}

module "borrowed" {
  source          = "./borrowed"
  task_definition = aws_ecs_task_definition.grafana.arn
}
`,
  "cache/main.tf": `
variable "name" { type = string }

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  cpu                      = "512"
  memory                   = "4096"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions    = jsonencode([{ name = "memcached", image = "memcached:1.6" }])
  runtime_platform {
    cpu_architecture        = "ARM64"
    operating_system_family = "LINUX"
  }
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "lgtm"
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = 1
  launch_type     = "FARGATE"
}
`,
  "borrowed/main.tf": `
variable "task_definition" { type = string }

resource "aws_ecs_service" "this" {
  name            = "borrowed"
  cluster         = "lgtm"
  task_definition = var.task_definition
  desired_count   = 1
  launch_type     = "FARGATE"
}
`,
};

const HOURS = 730;
const ARM = { vcpu: 0.03238, gb: 0.00356, spotVcpu: 0.01030969, spotGb: 0.00113349 };
const X86 = { vcpu: 0.04048, gb: 0.004445 };
const EPHEMERAL = 0.000111;

let root: ScratchRoot;
let first: TerraformPlan;
let scaled: TerraformPlan;
let firstEstimate: PlanEstimate;
let scaledEstimate: PlanEstimate;

beforeAll(async () => {
  root = await writeScratchRoot(ROOT);
  const planned = await checkTerraform(root.dir);
  expect(planned.ok, formatDiagnostics(planned.diagnostics)).toBe(true);
  first = planned.plan!;
  const rescaled = await checkTerraform(root.dir, { state: stateFromPlan(first), vars: { querier_tasks: 5 } });
  expect(rescaled.ok, formatDiagnostics(rescaled.diagnostics)).toBe(true);
  scaled = rescaled.plan!;
  firstEstimate = estimatePlan(first as PlanJson);
  scaledEstimate = estimatePlan(scaled as PlanJson);
});

afterAll(() => root?.cleanup());

const service = (estimate: PlanEstimate, address: string) => estimate.after.services.find((found) => found.address === address);

describe("Fargate services in a terraform plan", () => {
  it("joins each service to its task definition through the configuration's references", () => {
    expect(Object.fromEntries(firstEstimate.after.services.map((found) => [found.address, found.taskDefinition]))).toEqual({
      'aws_ecs_service.role["ingester"]': 'aws_ecs_task_definition.role["ingester"]',
      'aws_ecs_service.role["querier"]': 'aws_ecs_task_definition.role["querier"]',
      "aws_ecs_service.second_querier": 'aws_ecs_task_definition.role["querier"]',
      "aws_ecs_service.grafana": "aws_ecs_task_definition.grafana",
      "module.cache[0].aws_ecs_service.this": "module.cache[0].aws_ecs_task_definition.this",
      "module.cache[1].aws_ecs_service.this": "module.cache[1].aws_ecs_task_definition.this",
    });
  });

  it("lists the service whose task definition comes in through a module variable as not priced", () => {
    expect(firstEstimate.after.notPriced).toEqual([
      {
        address: "module.borrowed.aws_ecs_service.this",
        type: "aws_ecs_service",
        reason: "its task definition could not be joined (see tools/cost/fargate-services.ts for the rules)",
      },
    ]);
  });

  it("splits tasks between Fargate and Fargate Spot as the strategies say", () => {
    // base 1 on FARGATE, the other 2 split 1:1: one on Spot.
    expect(service(firstEstimate, 'aws_ecs_service.role["querier"]')).toMatchObject({ tasks: 3, spotTasks: 1, architecture: "arm64", vcpu: 1, memoryGb: 2, ephemeralGiB: 30 });
    // Spot weight 0: everything on demand.
    expect(service(firstEstimate, 'aws_ecs_service.role["ingester"]')).toMatchObject({ tasks: 3, spotTasks: 0, architecture: "x86_64" });
    // No launch type, no strategy: the cluster's default (all Spot).
    expect(service(firstEstimate, "aws_ecs_service.grafana")).toMatchObject({ tasks: 1, spotTasks: 1, architecture: "x86_64" });
  });

  it("prices each service from its task definition", () => {
    const querier = 2 * HOURS * (ARM.vcpu + 2 * ARM.gb) + 1 * HOURS * (ARM.spotVcpu + 2 * ARM.spotGb) + 3 * 10 * HOURS * EPHEMERAL;
    expect(service(firstEstimate, 'aws_ecs_service.role["querier"]')!.monthlyUsd).toBeCloseTo(querier, 6);
    const ingester = 3 * HOURS * (2 * X86.vcpu + 4 * X86.gb) + 3 * 10 * HOURS * EPHEMERAL;
    expect(service(firstEstimate, 'aws_ecs_service.role["ingester"]')!.monthlyUsd).toBeCloseTo(ingester, 6);
    const cache = HOURS * (0.5 * ARM.vcpu + 4 * ARM.gb);
    expect(service(firstEstimate, "module.cache[1].aws_ecs_service.this")!.monthlyUsd).toBeCloseTo(cache, 6);
    const compute = firstEstimate.after.lines.filter((line) => line.category === "compute").reduce((sum, line) => sum + line.monthlyUsd, 0);
    expect(compute).toBeCloseTo(firstEstimate.after.services.reduce((sum, found) => sum + found.monthlyUsd, 0), 6);
  });

  it("shows a first apply as nothing before, and a rescale against the state as the difference", () => {
    expect(firstEstimate.before.totalUsd).toBe(0);
    expect(scaledEstimate.before.totalUsd).toBeCloseTo(firstEstimate.after.totalUsd, 6);
    // 5 queriers: base 1, the other 4 split 1:1, so one more on demand and one more on Spot than at 3, with their disks.
    const added = HOURS * (ARM.vcpu + 2 * ARM.gb) + HOURS * (ARM.spotVcpu + 2 * ARM.spotGb) + 2 * 10 * HOURS * EPHEMERAL;
    expect(scaledEstimate.deltaUsd).toBeCloseTo(added, 6);
    expect(service(scaledEstimate, 'aws_ecs_service.role["querier"]')).toMatchObject({ tasks: 5, spotTasks: 2 });
  });
});

describe("npm run cost on a plan file", () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "lgtm-cost-cli-"));
    file = join(dir, "plan.json");
    writeFileSync(file, JSON.stringify(scaled));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints before → after, the services, what is not priced and the managed comparison", async () => {
    const output = await runCost([file, "--load", "active_series=100000,scrape_interval_seconds=30,logs_gb_per_day=10"]);
    expect(output).toContain("Monthly cost, us-east-1");
    expect(output).toMatch(/\| Fargate ARM64 spot vCPU \| 1,460 vCPU-hours \| \$0\.01030969 \| \$7\.53 \| \$15\.05 \| S1 2026-09-28 \|/);
    expect(output).toContain(`| **Total per month** |  |  | **$`);
    expect(output).toContain("module.borrowed.aws_ecs_service.this (aws_ecs_service): its task definition could not be joined");
    expect(output).toContain("The same load on managed services, us-east-1, per month:");
    expect(output).toContain("| Grafana Cloud Pro | $");
  });

  it("prices in another region on request and prints JSON for machines", async () => {
    const parsed = JSON.parse(await runCost([file, "--region", "ap-northeast-2", "--json"])) as { estimate: PlanEstimate };
    expect(parsed.estimate.region).toBe("ap-northeast-2");
    expect(parsed.estimate.after.unverified.join("\n")).toMatch(/Fargate Spot price found/);
    expect(parsed.estimate.deltaUsd).toBeGreaterThan(0);
  });
});
