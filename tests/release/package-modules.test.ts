import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TERRAFORM_DIR } from "../../lib/publish";
import { RELEASE_TAG, packageModule, packageModules, registryRepoName } from "../../tools/release/package-modules";
import { checkTerraform, formatDiagnostics } from "../support/terraform-runner";

let out: string;
let archive: string;
let unpacked: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "lgtm-release-test-"));
  archive = packageModule(TERRAFORM_DIR, "network", "v1.2.3", join(out, "a"));
  unpacked = join(out, "unpacked");
  execFileSync("mkdir", ["-p", unpacked]);
  execFileSync("tar", ["-xzf", archive, "-C", unpacked]);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("a released module", () => {
  it("is named for its registry repository and version", () => {
    expect(archive).toBe(join(out, "a", "terraform-aws-network-v1.2.3.tar.gz"));
    expect(registryRepoName("ecs-fargate")).toBe("terraform-aws-ecs-fargate");
  });

  it("holds the module at its root with its README, and the examples that call only it under examples/", () => {
    const entries = execFileSync("tar", ["-tzf", archive], { encoding: "utf8" }).trim().split("\n");
    expect(entries).toEqual([
      "./",
      "./README.md",
      "./examples/",
      "./examples/network/",
      "./examples/network/main.tf",
      "./examples/network-for-each/",
      "./examples/network-for-each/main.tf",
      "./main.tf.json",
      "./outputs.tf.json",
      "./variables.tf.json",
      "./versions.tf.json",
    ]);
    expect(readFileSync(join(unpacked, "README.md"), "utf8")).toBe(readFileSync(join(TERRAFORM_DIR, "modules", "network", "README.md"), "utf8"));
  });

  it("has examples that call it as the repository root, which terraform initializes and validates", async () => {
    const example = readFileSync(join(unpacked, "examples", "network", "main.tf"), "utf8");
    expect(example).toContain('source = "../.."');
    expect(example).not.toContain("modules/network");
    // Planning the same example from the tree is tests/terraform/examples.test.ts's job.
    const result = await checkTerraform(join(unpacked, "examples", "network"), { plan: false });
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    expect(result.timings.validate).toBeDefined();
  });

  it("is byte for byte the same when packaged again", () => {
    const again = packageModules(TERRAFORM_DIR, "v1.2.3", join(out, "b"));
    const network = join(out, "b", "terraform-aws-network-v1.2.3.tar.gz");
    expect(again).toEqual(readdirSync(join(TERRAFORM_DIR, "modules")).sort().map((module) => join(out, "b", `terraform-aws-${module}-v1.2.3.tar.gz`)));
    expect(readFileSync(network).equals(readFileSync(archive))).toBe(true);
  });

  it("is only made for a vMAJOR.MINOR.PATCH tag", () => {
    expect(RELEASE_TAG.test("v1.2.3")).toBe(true);
    for (const tag of ["1.2.3", "v1.2", "v1.2.3-rc.1", "v01.2.3"]) expect(RELEASE_TAG.test(tag), tag).toBe(false);
    expect(() => packageModule(TERRAFORM_DIR, "network", "v1.2", out)).toThrow(/not vMAJOR.MINOR.PATCH/);
  });
});

describe("a released module that calls its siblings (lgtm)", () => {
  let dir: string;
  let entries: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "lgtm-release-stack-"));
    const stack = packageModule(TERRAFORM_DIR, "lgtm", "v1.2.3", join(dir, "out"));
    execFileSync("mkdir", ["-p", join(dir, "unpacked")]);
    execFileSync("tar", ["-xzf", stack, "-C", join(dir, "unpacked")]);
    entries = execFileSync("tar", ["-tzf", stack], { encoding: "utf8" }).trim().split("\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("carries each sibling it calls as a nested module, beside its own, and calls them there", () => {
    const nested = [...new Set(entries.flatMap((entry) => /^\.\/modules\/([^/]+)\/$/.exec(entry)?.[1] ?? []))].sort();
    expect(nested).toEqual(["alb", "ecs-fargate", "grafana-cdn", "lgtm-storage", "network", "service-discovery"]);
    expect(entries).toContain("./modules/ecs-fargate/modules/lgtm/main.tf.json");
    const calls = JSON.parse(readFileSync(join(dir, "unpacked", "main.tf.json"), "utf8")).module as Record<string, { source: string }>;
    expect(Object.values(calls).map((call) => call.source).sort()).toEqual(nested.map((name) => `./modules/${name}`).sort());
    for (const sibling of nested.filter((name) => name !== "grafana-cdn")) {
      expect(readFileSync(join(dir, "unpacked", "modules", sibling, "main.tf.json"), "utf8"), sibling).toBe(readFileSync(join(TERRAFORM_DIR, "modules", sibling, "main.tf.json"), "utf8"));
    }
  });

  it("holds the examples that call it and what it carries, which terraform initializes and validates from the package", async () => {
    expect(entries.filter((entry) => /^\.\/examples\/[^/]+\/$/.test(entry)).sort()).toEqual(["./examples/app-with-telemetry/", "./examples/complete/", "./examples/existing-vpc/"]);
    const result = await checkTerraform(join(dir, "unpacked", "examples", "app-with-telemetry"), { plan: false });
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
  });
});
