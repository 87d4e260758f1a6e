import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerEnvs } from "../../main";
import { accountConfig } from "../../envs/account-config";
import { ENV_PROFILES } from "../../envs/profiles";
import { sizingInput } from "../../modules/ecs-fargate/lgtm/settings";
import { STACK_PROFILES } from "../../modules/lgtm/profiles";
import { LGTM_PROFILES } from "../../modules/ecs-fargate/lgtm/sizing/sizing";
import { checkConfig, Component } from "../support/config-reference/check-config";
import { CONFIG_FILES, LgtmPlan } from "../support/lgtm-plan";
import { literalSecrets, STAND_IN_PASSWORD } from "../support/secret-scan";
import { lgtmStorageInputs, lgtmStorageRules } from "../../modules/lgtm-storage/inputs";
import { LgtmStorageProps } from "../../modules/lgtm-storage/props";
import { withDefaults } from "../../lib/inputs";
import { CheckResult, checkTerraform, plannedActions } from "../support/terraform-runner";
import { describeEnvCosts } from "../cost/env-costs";
import { COST_TABLES, costTables } from "../../tools/cost/readme";
import { README } from "../../tools/readme-block";
import { PlanJson } from "../../tools/cost/plan-json";

const outdir = mkdtempSync(join(tmpdir(), "lgtm-envs-"));
const results = new Map<string, CheckResult>();

// Each env is planned once here; everything about the env plans (their costs included) reads these.
beforeAll(async () => {
  const app = new App({ outdir });
  registerEnvs(app);
  app.synth();
  await Promise.all(ENV_PROFILES.map(async ({ name }) => results.set(name, await checkTerraform(join(outdir, "stacks", name)))));
});

const planOf = (env: string) => results.get(env)!.plan as PlanJson;
describeEnvCosts(planOf);

describe("the README's cost tables", () => {
  it("are what npm run cost prints for the envs and the reference workload (npm run readme:cost when this fails)", async () => {
    expect(COST_TABLES.in(readFileSync(README, "utf8"))).toBe(await costTables({ dev: planOf("dev"), prod: planOf("prod") }));
  });
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const stackJson = (env: string) => JSON.parse(readFileSync(join(outdir, "stacks", env, "cdk.tf.json"), "utf8"));
const planned = (env: string, address: string) => results.get(env)!.plan!.resource_changes!.find((c) => c.address === address)?.change.after as Record<string, unknown>;
const addresses = (env: string, prefix: string) => Object.keys(plannedActions(results.get(env)!.plan!)).filter((a) => a.startsWith(prefix)).sort();

describe.each(["dev", "prod"])("env %s under terraform plan", (env) => {
  it("inits, validates and plans only creations", () => {
    const result = results.get(env)!;
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.summary).toMatchObject({ update: 0, delete: 0, replace: 0 });
    expect(result.summary!.create).toBeGreaterThan(20);
  });

  it("keeps its state in S3, encrypted and locked, under its own key", () => {
    const stack = JSON.parse(readFileSync(join(outdir, "stacks", env, "cdk.tf.json"), "utf8"));
    expect(stack.terraform.backend).toEqual({ s3: { key: `lgtm-fargate/${env}/terraform.tfstate`, encrypt: true, use_lockfile: true } });
    expect(stack.provider.aws[0].default_tags[0].tags).toMatchObject({ Environment: env, Project: "lgtm-fargate" });
  });
});

describe("env profiles", () => {
  it("gives dev two AZs behind one NAT gateway", () => {
    expect(addresses("dev", "aws_nat_gateway.")).toEqual(['aws_nat_gateway.network["ap-northeast-2a"]']);
    expect(addresses("dev", "aws_subnet.network_private")).toHaveLength(2);
  });

  it("gives prod a NAT gateway per AZ and interface endpoints", () => {
    expect(addresses("prod", "aws_nat_gateway.")).toHaveLength(3);
    expect(addresses("prod", "aws_vpc_endpoint.network_interface")).toEqual(
      ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "sts"].map((service) => `aws_vpc_endpoint.network_interface["${service}"]`),
    );
  });
});

describe.each(["dev", "prod"])("env %s service discovery and telemetry storage", (env) => {
  it("registers every role of its profile in lgtm.local inside the env's VPC", () => {
    const profile = ENV_PROFILES.find((p) => p.name === env)!;
    expect(addresses(env, "aws_service_discovery_service.service_discovery")).toEqual(
      Object.keys(sizingInput(LGTM_PROFILES[profile.profile]))
        .map((name) => `aws_service_discovery_service.service_discovery["${name}"]`)
        .sort(),
    );
    expect(stackJson(env).resource.aws_service_discovery_private_dns_namespace.service_discovery).toMatchObject({ name: "lgtm.local", vpc: "${aws_vpc.network.id}" });
  });

  it("names its bucket after the env, account and region, within S3's naming rules", () => {
    const bucketName = planned(env, "aws_s3_bucket.storage").bucket as string;
    expect(bucketName).toBe(`lgtm-${env}-123456789012-ap-northeast-2`);
    const props = withDefaults<LgtmStorageProps>({ bucketName }, lgtmStorageInputs);
    for (const rule of lgtmStorageRules) expect(rule.valid(props), rule.allowed).toBe(true);
  });

  it("keeps Grafana's database on EFS, mounted in the private subnets, reachable from Grafana's tasks only", () => {
    const profile = ENV_PROFILES.find((p) => p.name === env)!;
    expect(addresses(env, "aws_efs_mount_target.")).toHaveLength(profile.azs.length);
    const efs = stackJson(env).resource;
    expect(efs.aws_efs_mount_target.storage_grafana.subnet_id).toContain("aws_subnet.network_private");
    // The composition's rule, moved from the storage's (envs/moved.ts): NFS into the file system's group from Grafana's only.
    expect(addresses(env, "aws_vpc_security_group_ingress_rule.").filter((address) => address.includes("grafana_efs"))).toEqual(["aws_vpc_security_group_ingress_rule.grafana_efs_nfs"]);
    expect(efs.aws_vpc_security_group_ingress_rule.grafana_efs_nfs).toMatchObject({ from_port: 2049, to_port: 2049 });
    expect(efs.aws_vpc_security_group_ingress_rule.grafana_efs_nfs.referenced_security_group_id).toContain("aws_security_group.ecs_lgtm_grafana");
    expect(efs.aws_vpc_security_group_ingress_rule.grafana_efs_nfs.security_group_id).toContain("aws_security_group.storage_grafana_efs");
    expect(stackJson(env).moved).toEqual([{ from: "aws_vpc_security_group_ingress_rule.storage_grafana_efs_nfs[0]", to: "aws_vpc_security_group_ingress_rule.grafana_efs_nfs" }]);
    expect(planned(env, "aws_ecs_task_definition.ecs_lgtm_grafana[\"grafana\"]").volume).toContainEqual(
      expect.objectContaining({ name: "efs-0", efs_volume_configuration: [expect.objectContaining({ transit_encryption: "ENABLED" })] }),
    );
  });
});

describe("env data protection", () => {
  it("lets no plan destroy prod's bucket, and leaves dev's disposable", () => {
    expect(stackJson("prod").resource.aws_s3_bucket.storage.lifecycle).toEqual({ prevent_destroy: true });
    expect(stackJson("dev").resource.aws_s3_bucket.storage).not.toHaveProperty("lifecycle");
    expect(stackJson("dev").resource.aws_s3_bucket.storage.force_destroy).toBe(false);
  });

  it("keeps a year of metrics and logs in prod and a month or less in dev", () => {
    const expirations = (env: string) =>
      (stackJson(env).resource.aws_s3_bucket_lifecycle_configuration.storage.rule as { id: string; expiration: { days?: number }[] }[])
        .filter((rule) => rule.id.startsWith("expire-"))
        .map((rule) => [rule.id, rule.expiration[0].days]);
    expect(expirations("prod")).toEqual([["expire-blocks", 395], ["expire-loki", 395], ["expire-tempo", 37], ["expire-pyroscope", 60]]);
    expect(expirations("dev")).toEqual([["expire-blocks", 60], ["expire-loki", 44], ["expire-tempo", 33], ["expire-pyroscope", 37]]);
  });
});

describe.each(ENV_PROFILES.map((profile) => [profile.name, profile] as const))("env %s LGTM data plane", (env, profile) => {
  const stack = () => new LgtmPlan(results.get(env)!.plan!, "", "ecs_lgtm_");
  const groups = ["alloy", "grafana", "mimir", "loki", "tempo", "pyroscope"];
  const dataPlane = ["mimir", "loki", "tempo", "pyroscope"];
  const services = () => groups.flatMap((group) => stack().keys("aws_ecs_service", group).map((key) => [group, key] as const));
  const roleOf = (group: string, key: string) => (group === key || group === "alloy" ? group : `${group}-${key}`);

  it("runs its profile's roles at the profile's sizes, Loki's caches only in prod", () => {
    const sizing = sizingInput(LGTM_PROFILES[profile.profile]);
    expect(services().map(([group, key]) => roleOf(group, key)).sort()).toEqual(Object.keys(sizing).sort());
    for (const [group, key] of services()) {
      const size = sizing[roleOf(group, key)];
      const definition = stack().taskDefinition(group, key);
      expect([stack().service(group, key).desired_count, Number(definition.cpu), Number(definition.memory)], `${group}/${key}`).toEqual([size.tasks, size.cpu, size.memory]);
    }
    expect(stack().keys("aws_ecs_service", "loki").includes("chunks-cache")).toBe(env === "prod");
  });

  it.each(Object.keys(CONFIG_FILES) as Component[])("delivers a %s config that fits its reference, on the env's bucket and retention", (component) => {
    const reader = stack().keys("aws_ecs_task_definition", CONFIG_FILES[component].group).find((key) => !key.endsWith("-cache"))!;
    const config = stack().config(component, reader);
    expect(checkConfig(component, config)).toEqual([]);
    const bucket = planned(env, "aws_s3_bucket.storage").bucket;
    const hours = (days: number | undefined) => `${days! * 24}h`;
    const bucketAndRetention: Record<Component, (c: Record<string, any>) => [unknown, unknown]> = {
      mimir: (c) => [c.common.storage.s3.bucket_name, c.limits.compactor_blocks_retention_period],
      loki: (c) => [c.common.storage.s3.bucketnames, c.limits_config.retention_period],
      tempo: (c) => [c.storage.trace.s3.bucket, c.compactor.compaction.block_retention],
      pyroscope: (c) => [c.storage.s3.bucket_name, c.limits.compactor_blocks_retention_period],
    };
    const values = STACK_PROFILES[profile.profile];
    const days = { mimir: values.mimir_retention_days, loki: values.loki_retention_days, tempo: values.tempo_retention_days, pyroscope: values.pyroscope_retention_days };
    expect(bucketAndRetention[component](config)).toEqual([bucket, hours(days[component])]);
    if (component === "loki") expect(config.limits_config.retention_stream[0].period).toBe(hours(values.loki_info_retention_days));
  });

  it("puts only queriers and query-frontends on Spot: in dev all four, in prod those with more than one task", () => {
    const spot = services()
      .filter(([group, key]) => (stack().service(group, key).capacity_provider_strategy as { capacity_provider: string }[]).some((share) => share.capacity_provider === "FARGATE_SPOT"))
      .map(([group, key]) => roleOf(group, key));
    expect(spot.sort()).toEqual(profile.profile === "dev" ? ["loki-querier", "loki-query-frontend", "tempo-querier", "tempo-query-frontend"] : ["loki-querier", "loki-query-frontend"]);
  });

  it("attaches the push routes' target groups to the roles that serve them", () => {
    const attached = services().flatMap(([group, key]) => (stack().service(group, key).load_balancer as { container_port: number }[]).map((lb) => `${roleOf(group, key)}:${lb.container_port}`));
    expect(attached.sort()).toEqual(["grafana:3000", "loki-distributor:3100", "mimir:8080", "pyroscope:4040", "tempo-distributor:4317", "tempo-distributor:4318"]);
  });

  it("scopes each task role to its component's prefixes of the env's bucket", () => {
    const bucket = `arn:aws:s3:::${planned(env, "aws_s3_bucket.storage").bucket}`;
    const prefixes: Record<string, string[]> = { mimir: ["blocks/", "rules/", "alerts/"], loki: ["loki/"], tempo: ["tempo/"], pyroscope: ["pyroscope/"] };
    for (const [group, key] of services().filter(([group]) => dataPlane.includes(group))) {
      for (const document of Object.values(stack().taskPolicies(group, key))) {
        const statements = JSON.parse(document).Statement as { Resource: string | string[]; Condition?: { StringLike: Record<string, string[]> } }[];
        const objects = statements.flatMap((statement) => [statement.Resource].flat()).filter((resource) => resource !== bucket);
        expect(objects.sort(), `${group}/${key}`).toEqual(prefixes[group].map((prefix) => `${bucket}/${prefix}*`).sort());
        const listed = statements.flatMap((statement) => statement.Condition?.StringLike["s3:prefix"] ?? []);
        expect(listed.sort(), `${group}/${key}`).toEqual(prefixes[group].map((prefix) => `${prefix}*`).sort());
      }
    }
  });

  it("admits pushes from the env's VPC on the push ports and keeps gossip and gRPC inside each component", () => {
    const rules = groups.flatMap((group) => stack().ingress(group));
    const cidrs = rules.filter((rule) => rule.source.startsWith("cidr-"));
    expect([...new Set(cidrs.map((rule) => rule.after.cidr_ipv4))]).toEqual([profile.cidr]);
    expect(cidrs.map((rule) => `${roleOf(rule.group, rule.service)}:${rule.port}`).sort()).toEqual([
      "alloy:4317",
      "alloy:4318",
      "loki-distributor:3100",
      "mimir:8080",
      "pyroscope:4040",
      "tempo-distributor:4317",
      "tempo-distributor:4318",
    ]);
    for (const rule of rules.filter((r) => r.port === 7946 || r.port === 9095)) expect(stack().keys("aws_ecs_service", rule.group)).toContain(rule.source);
  });
});

describe.each(ENV_PROFILES.map((profile) => [profile.name, profile] as const))("env %s Grafana and Alloy", (env, profile) => {
  const stack = () => new LgtmPlan(results.get(env)!.plan!, "", "ecs_lgtm_");

  it("has Grafana's admin password in neither the synthesized root nor the plan", () => {
    const synthesized = readFileSync(join(outdir, "stacks", env, "cdk.tf.json"), "utf8");
    expect(synthesized).not.toContain(STAND_IN_PASSWORD);
    expect(JSON.stringify(results.get(env)!.plan)).not.toContain(STAND_IN_PASSWORD);
    expect(literalSecrets(JSON.parse(synthesized))).toEqual([]);
    expect(literalSecrets(results.get(env)!.plan)).toEqual([]);
    expect(stackJson(env).resource.aws_secretsmanager_secret.ecs_lgtm_grafana_admin_password.name).toBe(`lgtm-${env}/grafana/admin-password`);
  });

  it("serves Grafana behind the load balancer's /api/health check, one task at a time", () => {
    expect(planned(env, 'aws_lb_target_group.alb_route["grafana"]').health_check).toEqual([expect.objectContaining({ path: "/api/health", port: "traffic-port" })]);
    const service = stack().service("grafana", "grafana");
    expect([service.desired_count, service.deployment_minimum_healthy_percent, service.deployment_maximum_percent]).toEqual([1, 0, 100]);
    expect(stackJson(env).locals.ecs_lgtm_grafana).toContain(`"GF_SERVER_ROOT_URL" = "https://grafana.${accountConfig(profile.name).domain}/"`);
    expect(stackJson(env).locals.ecs_lgtm_grafana).toContain(`"GF_SECURITY_COOKIE_SECURE" = tostring(true)`);
  });

  it("collects the env's own load balancers and ECS services from CloudWatch, without the experimental logs receiver", () => {
    const config = stack().files("alloy", "collector")["/etc/alloy/config.alloy"];
    expect([...config.matchAll(/type += "([^"]+)"\n[^}]*search_tags = \{ "Environment" = "([a-z]+)" \}/g)].map((m) => [m[1], m[2]])).toEqual([
      ["AWS/ApplicationELB", env],
      ["ECS/ContainerInsights", env],
    ]);
    expect(stack().container("alloy", "collector").command).toContain("--stability.level=generally-available");
  });
});
