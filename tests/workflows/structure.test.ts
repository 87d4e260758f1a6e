import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { STRICT_SWITCH } from "../../envs/account-config";
import { ENV_PROFILES } from "../../envs/profiles";
import { COMMANDS } from "../../tools/workflow/commands";
import { PINNED_ACTIONS } from "./pinned-actions";
import { readWorkflow, workflowFiles } from "./validators";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  "continue-on-error"?: boolean;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  environment?: string;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflows = Object.fromEntries(workflowFiles().map((file) => [file, parse(readWorkflow(file)) as Workflow]));
const jobs = Object.entries(workflows).flatMap(([file, workflow]) => Object.entries(workflow.jobs).map(([name, job]) => ({ id: `${file}#${name}`, job })));
const uses = (job: Job, action: string) => job.steps.some((step) => step.uses?.startsWith(`${action}@`));
const runs = (job: Job, command: string) => job.steps.some((step) => step.run?.includes(`workflow -- ${command} `));

describe("action pins", () => {
  const lines = workflowFiles().flatMap((file) => readWorkflow(file).split("\n").filter((line) => /^\s*(- )?uses:/.test(line)));

  it("every action is pinned to a full commit of a release in the vendored table, with the release in a comment", () => {
    for (const line of lines) {
      const match = /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line.trim());
      expect(match, `not pinned by commit with its version: ${line.trim()}`).not.toBeNull();
      expect(PINNED_ACTIONS).toContainEqual(expect.objectContaining({ action: match![1], commit: match![2], version: match![3] }));
    }
  });

  it("the table lists only actions in use", () => {
    for (const pin of PINNED_ACTIONS) expect(lines.some((line) => line.includes(`${pin.action}@${pin.commit}`)), pin.action).toBe(true);
  });
});

describe("permissions", () => {
  it("no workflow grants anything by default; every job asks for its own", () => {
    for (const [file, workflow] of Object.entries(workflows)) expect(workflow.permissions, file).toEqual({});
    for (const { id, job } of jobs) expect(job.permissions, id).toBeDefined();
  });

  it("each job has exactly the least it needs", () => {
    expect(Object.fromEntries(jobs.map(({ id, job }) => [id, job.permissions]))).toEqual({
      "apply.yml#reviewed": { contents: "read", "pull-requests": "read" },
      "apply.yml#apply": { contents: "read", "id-token": "write", actions: "read" },
      "drift.yml#drift": { contents: "read", "id-token": "write", issues: "write" },
      "plan.yml#test": { contents: "read" },
      "plan.yml#plan": { contents: "read", "id-token": "write", "pull-requests": "write" },
      "plan.yml#fork-notice": { contents: "read", "pull-requests": "write" },
      "release.yml#release": { contents: "write" },
    });
  });

  it("id-token only where AWS credentials come from OIDC; pull-requests: write only where a PR is commented; issues only for drift", () => {
    for (const { id, job } of jobs) {
      expect(job.permissions?.["id-token"] === "write", id).toBe(uses(job, "aws-actions/configure-aws-credentials"));
      expect(job.permissions?.["pull-requests"] === "write", id).toBe(runs(job, "pr-comment") || runs(job, "fork-notice"));
      expect(job.permissions?.issues === "write", id).toBe(runs(job, "drift-issue"));
    }
  });

  it("no long-lived AWS keys anywhere", () => {
    for (const file of workflowFiles()) expect(readWorkflow(file), file).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
  });
});

describe("untrusted input and forks", () => {
  it("no script interpolates an expression: values reach `run:` through `env:`", () => {
    for (const { id, job } of jobs) for (const step of job.steps) if (step.run) expect(step.run, id).not.toContain("${{");
  });

  it("nothing runs on pull_request_target, and plans run only for PRs from this repository", () => {
    for (const [file, workflow] of Object.entries(workflows)) expect(Object.keys(workflow.on), file).not.toContain("pull_request_target");
    const plan = workflows["plan.yml"].jobs;
    expect((plan.plan as unknown as { if: string }).if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    expect((plan["fork-notice"] as unknown as { if: string }).if).toBe("github.event.pull_request.head.repo.full_name != github.repository");
    expect(plan["fork-notice"].steps[0].with).toMatchObject({ ref: "${{ github.event.pull_request.base.sha }}" });
  });

  it("checkout never leaves the token in .git for later steps", () => {
    for (const { id, job } of jobs) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith("actions/checkout@"))) expect(step.with?.["persist-credentials"], id).toBe(false);
    }
  });
});

describe("env account values", () => {
  it("every job that plans or applies synthesizes the envs strictly, each account value from a repository variable", () => {
    const values = ENV_PROFILES.flatMap(({ name }) => ["DOMAIN", "CERTIFICATE_ARN"].map((key) => `LGTM_${name.toUpperCase()}_${key}`));
    const expected = { [STRICT_SWITCH]: "1", ...Object.fromEntries(values.map((name) => [name, `\${{ vars.${name} }}`])) };
    const deploying = jobs.filter(({ job }) => job.steps.some((step) => /terraform .*\b(plan|apply)\b/.test(step.run ?? "")));
    expect(deploying.map(({ id }) => id).sort()).toEqual(["apply.yml#apply", "drift.yml#drift", "plan.yml#plan"]);
    for (const { id, job } of deploying) {
      const synth = job.steps.filter((step) => step.run?.trim() === "npm run synth");
      expect(synth.map((step) => step.env), id).toEqual([expected]);
    }
  });
});

describe("plan and apply", () => {
  it("a newer push cancels a PR's stale plan per env; applies queue per env and are never cancelled", () => {
    expect(workflows["plan.yml"].jobs.plan.concurrency).toEqual({
      group: "plan-${{ github.event.pull_request.number }}-${{ matrix.env }}",
      "cancel-in-progress": true,
    });
    expect(workflows["apply.yml"].jobs.apply.concurrency).toEqual({ group: "apply-${{ matrix.env }}", "cancel-in-progress": false });
    expect(workflows["apply.yml"].jobs.apply.environment).toBe("${{ matrix.env }}");
  });

  it("apply runs terraform apply on the reviewed plan file only, after the hash check", () => {
    const steps = workflows["apply.yml"].jobs.apply.steps.map((step) => step.run ?? "");
    const verify = steps.findIndex((run) => run.includes("workflow -- verify "));
    const apply = steps.findIndex((run) => run.includes(" apply "));
    expect(verify).toBeGreaterThan(-1);
    expect(apply).toBe(steps.length - 1);
    expect(apply).toBeGreaterThan(verify);
    expect(steps[apply]).toMatch(/apply -input=false -no-color -lock-timeout=10m "\$OUT_DIR\/reviewed\.tfplan"$/);
  });

  it("plan comments and drift issues show the estimator's cost of the plan; a failed estimate holds nothing back", () => {
    for (const [file, job, command] of [["plan.yml", "plan", "pr-comment"], ["drift.yml", "drift", "drift-issue"]]) {
      const steps = workflows[file].jobs[job].steps;
      const estimate = steps.findIndex((step) => step.run?.includes('npm run --silent cost -- "$OUT_DIR/plan.json" --json > "$OUT_DIR/cost.json.partial"'));
      const comment = steps.findIndex((step) => step.run?.includes(`workflow -- ${command} `));
      expect(estimate, file).toBeGreaterThan(-1);
      expect(steps[estimate].run, file).toContain('mv "$OUT_DIR/cost.json.partial" "$OUT_DIR/cost.json"');
      expect(steps[estimate]["continue-on-error"], file).toBe(true);
      expect(comment, file).toBeGreaterThan(estimate);
      expect(steps[comment].run, file).toContain('--cost-json "$OUT_DIR/cost.json"');
    }
  });

  it("every `npm run workflow` command and option the workflows use exists", () => {
    for (const { id, job } of jobs) {
      for (const step of job.steps) {
        for (const call of (step.run ?? "").split(/npm run --silent workflow -- /).slice(1)) {
          const [command, ...rest] = call.split(/\s+/);
          expect(COMMANDS, id).toHaveProperty(command);
          const options = rest.filter((word) => word.startsWith("--")).map((word) => word.slice(2));
          for (const option of options) expect(COMMANDS[command].options, `${id}: ${command} --${option}`).toContain(option);
        }
      }
    }
  });
});
