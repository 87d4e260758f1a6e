/**
 * `npm run bench`: how long synthesis and the terraform checks take, and how big the published
 * modules are. Numbers to watch across changes, never asserted in tests.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { registerEnvs, registerModules } from "../main";
import { EXAMPLES_DIR, TERRAFORM_DIR, moduleDir, publishedFiles } from "../lib/publish";
import { checkTerraform } from "../tests/support/terraform-runner";

function millis(since: bigint): number {
  return Number((process.hrtime.bigint() - since) / 1_000_000n);
}

async function main(): Promise<void> {
  const rows: [string, string][] = [];

  let started = process.hrtime.bigint();
  const modules = registerModules(new App({ skipValidation: true }));
  modules.forEach((stack) => publishedFiles(stack));
  rows.push(["synth modules in process", `${millis(started)} ms`]);

  const outdir = mkdtempSync(join(tmpdir(), "lgtm-bench-"));
  try {
    started = process.hrtime.bigint();
    const envApp = new App({ outdir });
    registerEnvs(envApp);
    envApp.synth();
    rows.push(["synth envs in process", `${millis(started)} ms`]);

    started = process.hrtime.bigint();
    execFileSync("npm", ["run", "--silent", "synth"], { stdio: "ignore", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
    rows.push(["npm run synth (cdktf CLI, everything)", `${millis(started)} ms`]);

    for (const stack of modules) {
      const dir = moduleDir(stack.definition.name);
      const bytes = readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
      rows.push([`size of terraform/modules/${stack.definition.name}`, `${bytes} bytes`]);
    }

    const configs = [
      ...readdirSync(EXAMPLES_DIR).map((example) => [`example ${example}`, join(EXAMPLES_DIR, example)]),
      ...["dev", "prod"].map((env) => [`env ${env}`, join(outdir, "stacks", env)]),
    ];
    for (const [name, dir] of configs) {
      const result = await checkTerraform(dir);
      const t = result.timings;
      rows.push([`terraform ${name}`, `init ${t.init} ms, validate ${t.validate} ms, plan ${t.plan} ms, show ${t.show} ms, total ${t.total} ms, ${result.summary?.create} to create`]);
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  console.log(`(published tree: ${TERRAFORM_DIR})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
