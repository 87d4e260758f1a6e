import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { DEFAULT_CACHE_DIR, ensureProviderMirror } from "./aws-provider/build-mirror";
import { isProviderVersion, versionInSchemaFileName } from "./aws-provider/provider-version";
import { localSourcesIn } from "./module-sources";

/**
 * Runs real `terraform init / validate / plan / show` on a directory of
 * Terraform (HCL or .tf.json) against the offline stand-in for hashicorp/aws
 * (tests/support/aws-provider). See tests/support/aws-provider/README.md.
 *
 * Terraform always works on a copy: the directory and every local module it
 * reaches through `source = "./…"` / `"../…"` are copied into a temporary
 * tree with their relative layout intact, so module paths still resolve and
 * no .terraform/, lock file or plan is ever written into the source tree
 * (which holds committed generated code). Each call gets its own temporary
 * tree, so calls may run in parallel; the provider mirror is built once per
 * source hash and shared.
 */

export const REPO_ROOT = resolve(__dirname, "..", "..");
const DEFAULT_SCHEMA_PATH = resolve(REPO_ROOT, "..", "shared", "reference", "aws-provider-schema-6.19.0.json.gz");

/** Environment switches, all optional. */
export const ENV = {
  /** Path of the `terraform providers schema -json` file (plain or .gz). */
  schema: "LGTM_AWS_PROVIDER_SCHEMA",
  /** The hashicorp/aws version to serve the schema as, when its file name does not say. */
  providerVersion: "LGTM_AWS_PROVIDER_VERSION",
  /** "1": use the real provider from the registry (init + validate only; plan is skipped). */
  realProvider: "LGTM_TF_REAL_PROVIDER",
  /** The terraform binary, when not `terraform` on PATH. */
  terraform: "LGTM_TERRAFORM",
  /** Where provider mirrors are built (default: <tmpdir>/lgtm-tf-harness). */
  cacheDir: "LGTM_TF_HARNESS_CACHE",
  /** "1": keep each run's temporary copy and print where it is. */
  keepWorkDir: "LGTM_TF_KEEP_WORKDIR",
} as const;

export type Stage = "init" | "validate" | "plan" | "show";

export interface TerraformDiagnostic {
  stage: Stage;
  severity: "error" | "warning";
  summary: string;
  detail: string;
  /** Resource/module address, when terraform names one (plan-time errors). */
  address?: string;
  range?: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } };
  /** The source line terraform quotes. */
  snippet?: { context?: string | null; code: string; start_line: number };
}

export type PlanAction = "create" | "update" | "delete" | "replace" | "no-op" | "read";
export type PlanSummary = Record<PlanAction, number>;

/** The parts of `terraform show -json <plan>` tests look at; everything else is there too. */
export interface TerraformPlan {
  format_version: string;
  terraform_version: string;
  resource_changes?: ResourceChange[];
  output_changes?: Record<string, { actions: string[]; after?: unknown; after_unknown?: unknown }>;
  planned_values?: unknown;
  configuration?: unknown;
  [key: string]: unknown;
}

export interface ResourceChange {
  address: string;
  module_address?: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: string | number;
  change: { actions: string[]; before: unknown; after: unknown; after_unknown?: unknown };
}

export interface CheckOptions {
  /** Run plan + show (default true); false runs validate instead. */
  plan?: boolean;
  /**
   * Run validate before plan and stop there on errors: cheaper for configurations expected to fail
   * their variable validations (validate checks them without planning anything).
   */
  validateFirst?: boolean;
  /** Root module variables for plan, passed as a -var-file. */
  vars?: Record<string, unknown>;
  /**
   * A state to plan against (the `terraform.tfstate` JSON of the root), so a plan can update,
   * replace, move or destroy what the state holds. Without it the state is empty.
   */
  state?: object;
  /** Resource instance addresses to plan as replaced (`terraform plan -replace=<address>`). */
  replace?: string[];
  /** Keep the temporary copy (also LGTM_TF_KEEP_WORKDIR=1). */
  keepWorkDir?: boolean;
  /** The schema file the stand-in serves (default LGTM_AWS_PROVIDER_SCHEMA, else 6.19.0's). */
  providerSchema?: string;
  /** The hashicorp/aws version it serves it as (default LGTM_AWS_PROVIDER_VERSION, else the file name's). */
  providerVersion?: string;
}

export interface CheckResult {
  /** No error diagnostics and every stage that ran succeeded. */
  ok: boolean;
  diagnostics: TerraformDiagnostic[];
  /** `terraform show -json` of the saved plan. */
  plan?: TerraformPlan;
  /** Resource instance counts by planned action ("read": data sources left to read during apply). */
  summary?: PlanSummary;
  /** Milliseconds per stage, plus "prepare" (mirror + copy) and "total". */
  timings: Partial<Record<Stage | "prepare" | "total", number>>;
  provider: "stand-in" | "real";
  /** The hashicorp/aws version the stand-in was installed as. */
  providerVersion?: string;
  /** Why plan did not run though asked for (real-provider mode). */
  planSkipped?: string;
  /** The temporary directory terraform ran in (removed unless kept). */
  workDir: string;
}

/** The harness cannot run at all here (as opposed to terraform reporting errors). */
export class HarnessSetupError extends Error {}

const isEnabled = (name: string) => process.env[name] === "1" || process.env[name] === "true";

export function providerSchemaPath(explicit?: string): string {
  const path = explicit ?? process.env[ENV.schema];
  return path ? resolve(path) : DEFAULT_SCHEMA_PATH;
}

/** The schema file the stand-in serves and the hashicorp/aws version it serves it as. */
export function servedProvider(options: Pick<CheckOptions, "providerSchema" | "providerVersion"> = {}): { schemaPath: string; version: string } {
  const schemaPath = requireSchema(options.providerSchema);
  const version = options.providerVersion ?? (process.env[ENV.providerVersion] || versionInSchemaFileName(schemaPath));
  if (version === undefined) {
    throw new HarnessSetupError(
      [
        `Which hashicorp/aws version does ${schemaPath} describe? Either:`,
        "  - name the file aws-provider-schema-<version>.json or .json.gz (e.g. aws-provider-schema-6.42.0.json.gz), or",
        `  - set ${ENV.providerVersion}=<version> (npm run tf:check: --provider-version <version>).`,
      ].join("\n"),
    );
  }
  if (!isProviderVersion(version)) {
    throw new HarnessSetupError(`"${version}" is not a provider version terraform can install: give major.minor.patch, e.g. 6.42.0.`);
  }
  return { schemaPath, version };
}

function requireSchema(explicit: string | undefined): string {
  const path = providerSchemaPath(explicit);
  if (!existsSync(path)) {
    throw new HarnessSetupError(
      [
        `The hashicorp/aws provider schema is missing: ${path}`,
        "The terraform harness needs it to serve the offline stand-in provider. Either:",
        `  - set ${ENV.schema} to a \`terraform providers schema -json\` file (how to make one: tests/support/aws-provider/README.md), or`,
        `  - set ${ENV.realProvider}=1 to use the real provider from the registry (needs internet; init + validate only).`,
      ].join("\n"),
    );
  }
  return path;
}

// ---------------------------------------------------------------------------
// Copying the configuration

/** Local paths a configuration names in `source = "./…"` (modules, and files some resources upload). */
async function localSources(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".tf") || file.endsWith(".tf.json"));
  const found: string[] = [];
  for (const file of files) {
    for (const source of localSourcesIn(file, await readFile(join(dir, file), "utf8"))) found.push(resolve(dir, source));
  }
  return found;
}

/** The directory and everything local it reaches, transitively. */
async function reachablePaths(rootDir: string): Promise<string[]> {
  const seen = new Set<string>([rootDir]);
  const queue = [rootDir];
  while (queue.length > 0) {
    for (const path of await localSources(queue.shift()!)) {
      if (seen.has(path) || !existsSync(path)) continue;
      seen.add(path);
      if (statSync(path).isDirectory()) queue.push(path);
    }
  }
  return [...seen];
}

function commonAncestor(paths: string[]): string {
  const split = paths.map((path) => path.split(sep));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0][i]); i++) common.push(split[0][i]);
  return common.join(sep) || sep;
}

// Terraform's own working files in a source dir must not follow us: a stale
// .terraform/ breaks init, and so does a lock file holding the real
// provider's hashes when the stand-in is installed.
const NEVER_COPIED = new Set([".terraform", "terraform.tfstate", "terraform.tfstate.backup", ".git", "node_modules"]);
const LOCK_FILE = ".terraform.lock.hcl";

/**
 * After `init -backend=false`, terraform 1.11 refuses to plan a configuration
 * that declares a backend. This override file in the copy swaps any backend
 * (S3 included) for a local one, so init needs no network and plan works.
 */
const BACKEND_OVERRIDE_FILE = "zz_lgtm_harness_override.tf.json";
const BACKEND_OVERRIDE = { terraform: { backend: { local: {} } } };

async function copyConfiguration(sourceDir: string, into: string, keepLockFile: boolean): Promise<string> {
  const paths = await reachablePaths(sourceDir);
  const ancestor = commonAncestor(paths.map((path) => (statSync(path).isDirectory() ? path : dirname(path))));
  const copied = (from: string) => {
    const name = from.split(sep).pop()!;
    if (NEVER_COPIED.has(name) || name.endsWith(".tfplan")) return false;
    return keepLockFile || name !== LOCK_FILE;
  };
  for (const path of paths) {
    const target = join(into, relative(ancestor, path));
    await mkdir(dirname(target), { recursive: true });
    await cp(path, target, { recursive: true, filter: copied });
  }
  const workDir = join(into, relative(ancestor, sourceDir));
  await writeFile(join(workDir, BACKEND_OVERRIDE_FILE), JSON.stringify(BACKEND_OVERRIDE));
  return workDir;
}

// ---------------------------------------------------------------------------
// Running terraform

interface Completed {
  code: number;
  stdout: string;
  stderr: string;
}

function terraformBinary(): string {
  return process.env[ENV.terraform] || "terraform";
}

function runTerraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Completed> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(terraformBinary(), args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new HarnessSetupError(
              `terraform was not found (tried "${terraformBinary()}"). Install terraform ${readTerraformVersionPin()} ` +
                `(the version in .terraform-version) on PATH, or set ${ENV.terraform} to its path.`,
            )
          : error,
      ),
    );
    child.on("close", (code) =>
      resolvePromise({ code: code ?? 1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }),
    );
  });
}

function readTerraformVersionPin(): string {
  const pin = join(REPO_ROOT, ".terraform-version");
  return existsSync(pin) ? readFileSync(pin, "utf8").trim() : "1.11.x";
}

/**
 * A clean environment: nothing from the caller's terraform settings may
 * redirect or add to what we run. With the real provider, the caller's CLI
 * config and TF_PLUGIN_CACHE_DIR stay, so the provider is not downloaded
 * again for every check.
 */
function terraformEnvironment(cliConfigFile: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
  for (const name of Object.keys(env)) {
    if (name.startsWith("TF_CLI_ARGS") || name === "TF_DATA_DIR" || name === "TF_WORKSPACE") delete env[name];
  }
  if (cliConfigFile) {
    env.TF_CLI_CONFIG_FILE = cliConfigFile;
    delete env.TF_PLUGIN_CACHE_DIR;
  }
  return env;
}

function cliConfig(mirrorDir: string): string {
  // Only hashicorp/aws comes from the mirror; anything else (e.g. hashicorp/random) may still be fetched normally.
  return `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirrorDir)}
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
`;
}

type RawDiagnostic = Omit<TerraformDiagnostic, "stage">;

// Init always warns that a mirror-installed provider's lock entry covers one
// platform only; that is about the harness, not the configuration under test.
const isHarnessNoise = (diagnostic: RawDiagnostic) => diagnostic.summary === "Incomplete lock file information for providers";

/** Diagnostics from terraform's machine-readable UI stream (init -json, plan -json). */
function streamDiagnostics(stdout: string, stage: Stage): TerraformDiagnostic[] {
  const diagnostics: TerraformDiagnostic[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line) as { type?: string; diagnostic?: RawDiagnostic };
    if (message.type === "diagnostic" && message.diagnostic && !isHarnessNoise(message.diagnostic)) {
      diagnostics.push({ stage, ...message.diagnostic });
    }
  }
  return diagnostics;
}

/** When a stage fails without saying why in JSON (e.g. bad flags), its stderr is the diagnostic. */
function failureDiagnostic(stage: Stage, completed: Completed): TerraformDiagnostic {
  return { stage, severity: "error", summary: `terraform ${stage} failed (exit ${completed.code})`, detail: (completed.stderr || completed.stdout).trim() };
}

async function runStage(
  stage: Stage,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timings: CheckResult["timings"],
  parse: (completed: Completed) => TerraformDiagnostic[],
): Promise<{ completed: Completed; diagnostics: TerraformDiagnostic[] }> {
  const started = performance.now();
  const completed = await runTerraform(args, cwd, env);
  timings[stage] = Math.round(performance.now() - started);
  let diagnostics = parse(completed);
  if (completed.code !== 0 && !diagnostics.some((d) => d.severity === "error")) {
    diagnostics = [...diagnostics, failureDiagnostic(stage, completed)];
  }
  return { completed, diagnostics };
}

// ---------------------------------------------------------------------------
// Plan summary

/** The one action terraform shows for a change: replace for delete+create in either order. */
export function actionOf(change: ResourceChange): PlanAction {
  const actions = change.change.actions;
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  return (actions[0] ?? "no-op") as PlanAction;
}

export function summarizePlan(plan: TerraformPlan): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, delete: 0, replace: 0, "no-op": 0, read: 0 };
  for (const change of plan.resource_changes ?? []) summary[actionOf(change)]++;
  return summary;
}

/** Address → planned action, for every resource instance (and data source read) in the plan. */
export function plannedActions(plan: TerraformPlan): Record<string, PlanAction> {
  return Object.fromEntries((plan.resource_changes ?? []).map((change) => [change.address, actionOf(change)]));
}

// ---------------------------------------------------------------------------
// Reporting

function formatDiagnostic(diagnostic: TerraformDiagnostic): string {
  const lines = [`${diagnostic.severity === "error" ? "Error" : "Warning"}: ${diagnostic.summary}  [${diagnostic.stage}]`];
  if (diagnostic.range) {
    const where = diagnostic.snippet?.context ? `, in ${diagnostic.snippet.context}` : "";
    lines.push(`  on ${diagnostic.range.filename} line ${diagnostic.range.start.line}${where}:`);
  }
  if (diagnostic.snippet) lines.push(`  ${diagnostic.snippet.start_line}: ${diagnostic.snippet.code}`);
  if (diagnostic.address) lines.push(`  (${diagnostic.address})`);
  if (diagnostic.detail) lines.push("", ...diagnostic.detail.split("\n").map((line) => `  ${line}`));
  return lines.join("\n");
}

/** Diagnostics as terraform prints them, e.g. for an assertion message: expect(result.ok, formatDiagnostics(result.diagnostics)). */
export function formatDiagnostics(diagnostics: TerraformDiagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join("\n\n");
}

// ---------------------------------------------------------------------------
// The entry point

export async function checkTerraform(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const sourceDir = resolve(dir);
  if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) throw new HarnessSetupError(`Not a directory: ${sourceDir}`);
  const useRealProvider = isEnabled(ENV.realProvider);
  const timings: CheckResult["timings"] = {};

  const tempRoot = await mkdtemp(join(tmpdir(), "lgtm-tf-check-"));
  const keep = options.keepWorkDir ?? isEnabled(ENV.keepWorkDir);
  try {
    let cliConfigFile: string | undefined;
    let providerVersion: string | undefined;
    if (!useRealProvider) {
      const served = servedProvider(options);
      providerVersion = served.version;
      const mirror = await ensureProviderMirror(served.schemaPath, served.version, process.env[ENV.cacheDir] || DEFAULT_CACHE_DIR);
      cliConfigFile = join(tempRoot, "terraformrc");
      await writeFile(cliConfigFile, cliConfig(mirror.mirrorDir));
    }
    const workDir = await copyConfiguration(sourceDir, join(tempRoot, "config"), useRealProvider);
    // The local backend the override file sets reads the state from the working directory.
    if (options.state) await writeFile(join(workDir, "terraform.tfstate"), JSON.stringify(options.state));
    timings.prepare = Math.round(performance.now() - started);
    const env = terraformEnvironment(cliConfigFile);
    const result: CheckResult = { ok: false, diagnostics: [], timings, provider: useRealProvider ? "real" : "stand-in", providerVersion, workDir };
    const finish = () => {
      result.ok = !result.diagnostics.some((d) => d.severity === "error");
      timings.total = Math.round(performance.now() - started);
      return result;
    };

    const init = await runStage("init", ["init", "-input=false", "-no-color", "-json"], workDir, env, timings, (c) =>
      streamDiagnostics(c.stdout, "init"),
    );
    result.diagnostics.push(...init.diagnostics);
    if (init.completed.code !== 0) return finish();

    // `plan` validates the configuration first and reports the same diagnostics, plus variable
    // validations across every module call at once; a separate `validate` would cost a third of
    // a check's time. It runs without a plan, with the real provider (which cannot plan here), and
    // first when asked (bad inputs: validate fails them without planning the rest).
    if (options.plan === false || options.validateFirst || useRealProvider) {
      const validate = await runStage("validate", ["validate", "-json", "-no-color"], workDir, env, timings, (c) =>
        ((JSON.parse(c.stdout || "{}") as { diagnostics?: RawDiagnostic[] }).diagnostics ?? []).map((d) => ({ stage: "validate" as const, ...d })),
      );
      result.diagnostics.push(...validate.diagnostics);
      if (validate.completed.code !== 0 || options.plan === false) return finish();
    }

    if (useRealProvider) {
      result.planSkipped = `plan skipped: ${ENV.realProvider}=1 uses the real hashicorp/aws provider, which needs AWS credentials to plan`;
      return finish();
    }

    const planFile = join(tempRoot, "plan.tfplan");
    const planArgs = ["plan", "-input=false", "-lock=false", "-no-color", "-json", `-out=${planFile}`, ...(options.replace ?? []).map((a) => `-replace=${a}`)];
    if (options.vars) {
      const varFile = join(tempRoot, "vars.tfvars.json");
      await writeFile(varFile, JSON.stringify(options.vars));
      planArgs.push(`-var-file=${varFile}`);
    }
    const plan = await runStage("plan", planArgs, workDir, env, timings, (c) => streamDiagnostics(c.stdout, "plan"));
    result.diagnostics.push(...plan.diagnostics);
    if (plan.completed.code !== 0) return finish();

    const show = await runStage("show", ["show", "-json", "-no-color", planFile], workDir, env, timings, () => []);
    result.diagnostics.push(...show.diagnostics);
    if (show.completed.code === 0) {
      result.plan = JSON.parse(show.completed.stdout) as TerraformPlan;
      result.summary = summarizePlan(result.plan);
    }
    return finish();
  } finally {
    if (keep) process.stderr.write(`terraform harness: kept ${tempRoot}\n`);
    else await rm(tempRoot, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Scratch configurations for tests

export interface ScratchRoot {
  dir: string;
  cleanup(): Promise<void>;
}

/**
 * Writes a root module into a new temporary directory. Values may be HCL
 * text or objects (written as JSON; name such files *.tf.json). Unless some
 * file declares required_providers, versions.tf.json pinning hashicorp/aws
 * 6.19.0 is added.
 */
export async function writeScratchRoot(files: Record<string, string | object>): Promise<ScratchRoot> {
  const dir = await mkdtemp(join(tmpdir(), "lgtm-tf-scratch-"));
  const contents: Record<string, string | object> = { ...files };
  const text = (content: string | object) => (typeof content === "string" ? content : JSON.stringify(content));
  if (!Object.values(contents).some((content) => text(content).includes("required_providers"))) {
    contents["versions.tf.json"] = {
      terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "6.19.0" } } },
    };
  }
  for (const [name, content] of Object.entries(contents)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A `source` for a module call in fromDir that points at moduleDir (absolute,
 * or relative to the repo root), starting with ./ or ../ as terraform requires.
 */
export function moduleSource(fromDir: string, moduleDir: string): string {
  const target = isAbsolute(moduleDir) ? moduleDir : resolve(REPO_ROOT, moduleDir);
  const path = relative(resolve(fromDir), target).split(sep).join("/");
  return path.startsWith("..") ? path : `./${path}`;
}

// ---------------------------------------------------------------------------
// Prior state for tests

interface PlannedResource {
  address: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: string | number;
  values?: Record<string, unknown>;
}

interface PlannedModule {
  address?: string;
  resources?: PlannedResource[];
  child_modules?: PlannedModule[];
}

/**
 * A `terraform.tfstate` (format 4) holding every managed resource a plan would create, with the
 * values the plan knows (computed ones it leaves unknown are absent). Plan the same configuration
 * against it for a no-op, change the configuration for an update, a move or a destroy.
 */
export function stateFromPlan(plan: TerraformPlan): object {
  const resources = new Map<string, { module?: string; mode: string; type: string; name: string; provider: string; instances: object[] }>();
  const visit = (module: PlannedModule) => {
    for (const resource of module.resources ?? []) {
      if (resource.mode !== "managed") continue;
      const key = `${module.address ?? ""}|${resource.type}.${resource.name}`;
      if (!resources.has(key)) {
        resources.set(key, {
          ...(module.address ? { module: module.address } : {}),
          mode: "managed",
          type: resource.type,
          name: resource.name,
          provider: `provider["registry.terraform.io/hashicorp/${resource.type.split("_")[0]}"]`,
          instances: [],
        });
      }
      resources.get(key)!.instances.push({
        ...(resource.index === undefined ? {} : { index_key: resource.index }),
        schema_version: 0,
        attributes: resource.values ?? {},
        sensitive_attributes: [],
      });
    }
    for (const child of module.child_modules ?? []) visit(child);
  };
  visit((plan.planned_values as { root_module: PlannedModule }).root_module);
  return {
    version: 4,
    terraform_version: plan.terraform_version,
    serial: 1,
    lineage: "00000000-0000-4000-8000-000000000000",
    outputs: {},
    resources: [...resources.values()],
    check_results: null,
  };
}
