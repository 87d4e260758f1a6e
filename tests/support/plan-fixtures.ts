import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import type { PlanJson } from "../../tools/plan-comment/plan";
import { CheckOptions, checkTerraform, formatDiagnostics, stateFromPlan, writeScratchRoot } from "./terraform-runner";

/** A plan as the plan workflow has it: `terraform show -json` and `terraform show -no-color` of one plan file. */
export interface HarnessPlan {
  plan: PlanJson;
  text: string;
}

/**
 * Plans a scratch root with the harness and also reads the plan file back as text. The harness
 * returns only the JSON, so the run's temporary tree is kept and `terraform show -no-color` runs
 * there on the same plan file (`<tree>/plan.tfplan`, installed providers, the tree's CLI config).
 */
async function planWithText(files: Record<string, string>, options: CheckOptions = {}): Promise<HarnessPlan> {
  const root = await writeScratchRoot(files);
  const result = await checkTerraform(root.dir, { ...options, keepWorkDir: true });
  let tree = result.workDir;
  while (!basename(tree).startsWith("lgtm-tf-check-") && dirname(tree) !== tree) tree = dirname(tree);
  try {
    if (!result.ok || !result.plan) throw new Error(`harness plan failed:\n${formatDiagnostics(result.diagnostics)}`);
    const planFile = join(tree, "plan.tfplan");
    if (!existsSync(planFile)) throw new Error(`the harness no longer keeps its plan file at ${planFile}; update planWithText`);
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: join(tree, "terraformrc") };
    const { stdout } = await promisify(execFile)(process.env.LGTM_TERRAFORM || "terraform", ["show", "-no-color", planFile], { cwd: result.workDir, env });
    return { plan: result.plan as PlanJson, text: stdout };
  } finally {
    await rm(tree, { recursive: true, force: true });
    await root.cleanup();
  }
}

// A region the cost estimator has prices for, so the README's sample comment shows a real estimate.
const PROVIDER = `provider "aws" {\n  region = "us-east-1"\n}\n`;

interface RootShape {
  topic: "alerts" | "alarms";
  dataBucket: string;
  archive: boolean;
  /** false: the versioning resource leaves the configuration through a `removed` block that keeps it in AWS. */
  versioning: boolean;
  appRetention: number;
}

/** A root with resources in itself and in two child modules, so the comment's grouping has something to group. */
function smallRoot(shape: RootShape): Record<string, string> {
  const moved = shape.topic === "alarms" ? `moved {\n  from = aws_sns_topic.alerts\n  to   = aws_sns_topic.alarms\n}\n` : "";
  const archive = shape.archive ? `resource "aws_s3_bucket" "archive" {\n  bucket = "lgtm-archive"\n}\n` : "";
  return {
    "main.tf": [
      PROVIDER,
      `resource "aws_sns_topic" "${shape.topic}" {\n  name = "lgtm-alerts"\n}\n`,
      `resource "aws_sqs_queue" "jobs" {\n  name = "lgtm-jobs"\n}\n`,
      moved,
      `module "storage" {\n  source = "./modules/storage"\n  data_bucket = "${shape.dataBucket}"\n}\n`,
      `module "logs" {\n  source = "./modules/logs"\n  app_retention_days = ${shape.appRetention}\n}\n`,
      `output "app_retention_days" {\n  value = module.logs.app_retention_days\n}\n`,
    ].join("\n"),
    "modules/storage/main.tf": [
      `variable "data_bucket" {\n  type = string\n}\n`,
      `resource "aws_s3_bucket" "data" {\n  bucket = var.data_bucket\n}\n`,
      archive,
      shape.versioning
        ? `resource "aws_s3_bucket_versioning" "data" {\n  bucket = "lgtm-data"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`
        : `removed {\n  from = aws_s3_bucket_versioning.data\n  lifecycle {\n    destroy = false\n  }\n}\n`,
    ].join("\n"),
    "modules/logs/main.tf": [
      `variable "app_retention_days" {\n  type = number\n}\n`,
      `resource "aws_cloudwatch_log_group" "app" {\n  name              = "lgtm-app"\n  retention_in_days = var.app_retention_days\n}\n`,
      `resource "aws_cloudwatch_log_group" "audit" {\n  name              = "lgtm-audit"\n  retention_in_days = 365\n}\n`,
      `output "app_retention_days" {\n  value = aws_cloudwatch_log_group.app.retention_in_days\n}\n`,
    ].join("\n"),
  };
}

const INITIAL: RootShape = { topic: "alerts", dataBucket: "lgtm-data", archive: true, versioning: true, appRetention: 14 };

/**
 * The same root again, changed: the topic moved, the data bucket renamed, the archive bucket gone,
 * the versioning resource forgotten (left in AWS), the app logs kept longer; the queue stays.
 */
const CHANGED: RootShape = { topic: "alarms", dataBucket: "lgtm-data-v2", archive: false, versioning: false, appRetention: 30 };

/** The address planned as replaced in `changed` (`terraform plan -replace`). */
export const REPLACED_ON_REQUEST = "module.logs.aws_cloudwatch_log_group.audit";

export interface SmallPlans {
  /** Everything created from an empty state. */
  create: HarnessPlan;
  /** The same configuration against the state `create` leads to. */
  noop: HarnessPlan;
  /** Against that state: 2 updates, 1 destroy, 1 forget, 1 move, 1 replace on request, 1 output change, 1 unchanged. */
  changed: HarnessPlan;
}

/** `stateFromPlan` plus the root outputs the plan gives known values, as the state after apply would hold them. */
function stateAfter(plan: PlanJson): object {
  const state = stateFromPlan(plan as Parameters<typeof stateFromPlan>[0]) as { outputs: Record<string, unknown> };
  for (const [name, change] of Object.entries(plan.output_changes ?? {})) {
    const type = typeof change.after === "number" ? "number" : typeof change.after === "string" ? "string" : undefined;
    if (type) state.outputs[name] = { value: change.after, type };
  }
  return state;
}

/** The small root planned from an empty state. */
export const planCreate = () => planWithText(smallRoot(INITIAL));

/** The changed root planned against the state `create` leads to, with REPLACED_ON_REQUEST replaced. */
export const planChanged = (create: HarnessPlan) => planWithText(smallRoot(CHANGED), { state: stateAfter(create.plan), replace: [REPLACED_ON_REQUEST] });

/** Three terraform runs; share the result across a file's tests. */
export async function smallPlans(): Promise<SmallPlans> {
  const create = await planCreate();
  const [noop, changed] = await Promise.all([planWithText(smallRoot(INITIAL), { state: stateAfter(create.plan) }), planChanged(create)]);
  return { create, noop, changed };
}

export const HUGE_COUNT = 400;

/** HUGE_COUNT log groups in a child module plus a bucket at the root: a plan whose text is far over any comment limit. */
export function hugePlan(): Promise<HarnessPlan> {
  return planWithText({
    "main.tf": `${PROVIDER}\nresource "aws_s3_bucket" "index" {\n  bucket = "lgtm-index"\n}\n\nmodule "fleet" {\n  source = "./modules/fleet"\n}\n`,
    "modules/fleet/main.tf": `resource "aws_cloudwatch_log_group" "service" {\n  count             = ${HUGE_COUNT}\n  name              = "lgtm-service-\${count.index}"\n  retention_in_days = 30\n  tags = {\n    Service = "service-\${count.index}"\n  }\n}\n`,
  });
}
