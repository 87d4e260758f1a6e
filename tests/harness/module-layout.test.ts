import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTerraform, moduleSource, plannedActions, writeScratchRoot, type ScratchRoot } from "../support/terraform-runner";

// The shapes the project checks: a published module (.tf.json, as cdktf
// writes it) called through a relative source from an env stack that
// declares an S3 backend, and the same module wrapped by a root elsewhere.

const INGRESS_RULE = {
  description: "HTTPS",
  from_port: 443,
  to_port: 443,
  protocol: "tcp",
  cidr_blocks: ["10.0.0.0/8"],
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  security_groups: [],
  self: false,
};

const NETWORK_MODULE = {
  variable: { name: { type: "string" }, cidr: { type: "string" } },
  resource: {
    aws_vpc: { this: { cidr_block: "${var.cidr}", tags: { Name: "${var.name}" } } },
    // In JSON, ingress/egress are attributes: every rule must spell out every field.
    aws_security_group: { web: { name: "${var.name}-web", vpc_id: "${aws_vpc.this.id}", ingress: [INGRESS_RULE] } },
  },
  output: { vpc_id: { value: "${aws_vpc.this.id}" } },
};

const DEV_STACK = {
  terraform: {
    required_providers: { aws: { source: "hashicorp/aws", version: "6.19.0" } },
    backend: { s3: { bucket: "lgtm-state", key: "dev/terraform.tfstate", region: "us-east-1" } },
  },
  provider: { aws: [{ region: "us-west-2" }] },
  module: { network: { source: "../../modules/network", name: "dev", cidr: "10.1.0.0/16" } },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" });
}

describe("module sources and backends", () => {
  let project: ScratchRoot;

  beforeAll(async () => {
    project = await writeScratchRoot({
      "modules/network/main.tf.json": NETWORK_MODULE,
      "envs/dev/main.tf.json": DEV_STACK,
      // A lock file with the real provider's hashes, as a committed stack would have.
      "envs/dev/.terraform.lock.hcl": 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "6.19.0"\n  hashes = ["h1:notTheStandIn="]\n}\n',
    });
  });

  afterAll(() => project?.cleanup());

  it(
    "plans an env stack whose module lives two directories up, despite its S3 backend and lock file",
    async () => {
      const result = await checkTerraform(join(project.dir, "envs/dev"));
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(plannedActions(result.plan!)).toEqual({
        "module.network.aws_security_group.web": "create",
        "module.network.aws_vpc.this": "create",
      });
      const vpc = result.plan!.resource_changes!.find((c) => c.address === "module.network.aws_vpc.this")!;
      expect(vpc.change.after).toMatchObject({ cidr_block: "10.1.0.0/16", region: "us-west-2" });
    },
    60_000,
  );

  it(
    "plans a published module wrapped in a root module elsewhere",
    async () => {
      const root = await writeScratchRoot({});
      try {
        const source = moduleSource(root.dir, join(project.dir, "modules/network"));
        expect(source).toMatch(/^\.\.\//);
        const wrapperModule = { module: { network: { source, name: "wrapped", cidr: "10.9.0.0/16" } } };
        await writeFile(join(root.dir, "main.tf.json"), JSON.stringify(wrapperModule));
        const result = await checkTerraform(root.dir);
        expect(result.ok).toBe(true);
        expect(result.summary?.create).toBe(2);
      } finally {
        await root.cleanup();
      }
    },
    60_000,
  );

  it("leaves no terraform working files in the source tree", () => {
    const leftovers = filesUnder(project.dir).filter((path) => /(^|\/)\.terraform($|\/)|\.tfplan$|tfstate/.test(path));
    expect(leftovers).toEqual([]);
    expect(readFileSync(join(project.dir, "envs/dev/.terraform.lock.hcl"), "utf8")).toContain("h1:notTheStandIn=");
  });
});
