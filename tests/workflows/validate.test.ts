import { beforeAll, describe, expect, it } from "vitest";
import { actionlint, githubLanguageService, readWorkflow, workflowFiles } from "./validators";

const FILES = workflowFiles();

/** The workflow's text with one planted error; fails when the text to replace is not there. */
function plant(file: string, from: string, to: string): string {
  const source = readWorkflow(file);
  expect(source, `${file} no longer contains ${from}`).toContain(from);
  return source.replace(from, to);
}

describe("the workflows", () => {
  it("are the four the project runs", () => {
    expect(FILES).toEqual(["apply.yml", "drift.yml", "plan.yml", "release.yml"]);
  });

  it.each(FILES)("%s passes actionlint 1.7.7 (syntax, expressions, script injection, needs, permissions)", async (file) => {
    expect(await actionlint(readWorkflow(file), file)).toEqual([]);
  });

  it.each(FILES)("%s passes GitHub's language service with the pinned actions' inputs", async (file) => {
    expect(await githubLanguageService(readWorkflow(file), file)).toEqual([]);
  });
});

// Each engine must be seen failing on our own files, or a clean result above proves nothing.
describe("planted errors are caught", () => {
  let findings: Record<string, string[]>;

  beforeAll(async () => {
    const planted = {
      typoKey: plant("plan.yml", "    runs-on: ubuntu-24.04\n    timeout-minutes: 30\n    strategy:", "    runs-onn: ubuntu-24.04\n    timeout-minutes: 30\n    strategy:"),
      injection: plant("drift.yml", 'run: echo "version=$(cat .terraform-version)"', 'run: echo "${{ github.event.head_commit.message }}"'),
      unknownNeeds: plant("apply.yml", "needs: reviewed", "needs: reviewd"),
      unknownProperty: plant("plan.yml", "github.event.pull_request.number }}-${{ matrix.env }}", "github.event.pull_request.numbr }}-${{ matrix.env }}"),
      badInput: plant("apply.yml", "role-to-assume:", "role-to-assumee:"),
      missingInput: plant("drift.yml", "          aws-region: ${{ vars.TF_STATE_REGION }}\n", ""),
      unpinnedAction: plant("release.yml", "actions/setup-node@949feb2413d6458794dcd2491c4babbbce0c15c1", "actions/setup-node@0000000000000000000000000000000000000000"),
    };
    const entries = await Promise.all(
      Object.entries(planted).flatMap(([name, source]) => [
        actionlint(source, `${name}.yml`).then((found) => [`actionlint:${name}`, found] as const),
        githubLanguageService(source, `${name}.yml`).then((found) => [`languageservice:${name}`, found] as const),
      ]),
    );
    findings = Object.fromEntries(entries);
  });

  it("a misspelt job key: both engines", () => {
    expect(findings["actionlint:typoKey"].join("\n")).toContain('unexpected key "runs-onn" for "job" section');
    expect(findings["languageservice:typoKey"].join("\n")).toContain("Unexpected value 'runs-onn'");
  });

  it("untrusted input in a script: actionlint", () => {
    expect(findings["actionlint:injection"].join("\n")).toContain('"github.event.head_commit.message" is potentially untrusted');
  });

  it("a job that needs a job that does not exist: both engines", () => {
    expect(findings["actionlint:unknownNeeds"].join("\n")).toContain('needs job "reviewd" which does not exist');
    expect(findings["languageservice:unknownNeeds"].join("\n")).toContain("depends on unknown job 'reviewd'");
  });

  it("an unknown webhook payload property: the language service", () => {
    expect(findings["languageservice:unknownProperty"]).toEqual([expect.stringContaining("Context access might be invalid: numbr")]);
  });

  it("an input the pinned action does not have, or its required input missing: the language service", () => {
    expect(findings["languageservice:badInput"]).toEqual([expect.stringContaining("Invalid action input 'role-to-assumee'")]);
    expect(findings["languageservice:missingInput"]).toEqual([expect.stringContaining("Missing required input `aws-region`")]);
  });

  it("an action at a commit outside the vendored table: the language service", () => {
    expect(findings["languageservice:unpinnedAction"].join("\n")).toContain("Unable to resolve action `actions/setup-node@0000000000000000000000000000000000000000`");
  });
});
