import { App } from "cdktf";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ModuleStack } from "../../lib/module-stack";
import { moduleDir } from "../../lib/publish";
import { ecsFargateModule } from "../../modules/ecs-fargate/module";
import { alloyComponents, alloyComponentStages, alloyReferences } from "../lgtm/support/alloy-syntax";
import { literalSecrets, STAND_IN_PASSWORD } from "../support/secret-scan";
import { sizingInput } from "../../modules/ecs-fargate/lgtm/settings";
import { DEV_SIZING, PROD_SIZING } from "../../modules/ecs-fargate/lgtm/sizing/sizing";
import { checkConfig, Component } from "../support/config-reference/check-config";
import { SUBNET_IDS, VPC_ID } from "../support/ecs-fargate";
import { BASE_LGTM, POLICY_DOCUMENTS } from "../support/lgtm-inputs";
import { CONFIG_FILES, LgtmPlan } from "../support/lgtm-plan";
import { hclArgs, planCallsOf } from "../support/module-calls";
import { CheckResult, formatDiagnostics } from "../support/terraform-runner";

const ALB_SECURITY_GROUP = BASE_LGTM.alb_security_group_id!;

/**
 * Security groups admitted per port, counted: Alloy scrapes every HTTP port and pushes, Grafana
 * reads Mimir, the query-frontends and Pyroscope, Tempo's metrics-generator writes to Mimir, and the
 * load balancer reaches the attached routes (prod: Grafana, Mimir, Tempo's OTLP/HTTP and its
 * readiness port; dev: Loki).
 */
const SECURITY_GROUP_SOURCES_PROD = {
  "grafana/grafana/3000": 2,
  "mimir/mimir/8080": 4,
  "loki/distributor/3100": 1,
  "loki/ingester/3100": 1,
  "loki/querier/3100": 1,
  "loki/query-frontend/3100": 2,
  "loki/compactor/3100": 1,
  "tempo/distributor/3200": 2,
  "tempo/distributor/4317": 1,
  "tempo/distributor/4318": 2,
  "tempo/ingester/3200": 1,
  "tempo/querier/3200": 1,
  "tempo/query-frontend/3200": 2,
  "tempo/compactor/3200": 1,
  "tempo/metrics-generator/3200": 1,
  "pyroscope/pyroscope/4040": 2,
};
const SECURITY_GROUP_SOURCES_DEV = {
  ...SECURITY_GROUP_SOURCES_PROD,
  "grafana/grafana/3000": 1,
  "mimir/mimir/8080": 3,
  "loki/distributor/3100": 2,
  "tempo/distributor/3200": 1,
  "tempo/distributor/4318": 1,
};
const DEV_ROLES = Object.keys(DEV_SIZING.roles);

/**
 * Three calls in one root: `prod` with every input known and the default (prod) sizing, alerts to
 * SNS and CloudWatch Logs collected; `dev` with the dev sizing and Cloud Map services, target group,
 * load balancer security group and Grafana's file system created in the same apply (known only
 * after it), no alert topic; `none` without `lgtm`.
 */
const CALLS = {
  prod: hclArgs({ name: "prod", vpcId: VPC_ID, subnetIds: SUBNET_IDS, lgtm: BASE_LGTM }),
  dev: `${hclArgs({ name: "dev", vpcId: VPC_ID, subnetIds: SUBNET_IDS })}
  lgtm = {
    tenant                = "dev-team"
    namespace             = "dev.internal"
    service_registry_arns = { for role, service in aws_service_discovery_service.role : role => service.arn }
    bucket                = "lgtm-dev-data"
    policy_documents      = ${JSON.stringify(POLICY_DOCUMENTS)}
    target_group_arns     = { loki = aws_lb_target_group.loki.arn }
    alb_security_group_id = aws_security_group.alb.id
    sizing                = ${JSON.stringify(sizingInput(DEV_SIZING))}
    replication           = ${JSON.stringify(DEV_SIZING.replication)}
    retention             = { mimir_days = 30, loki_days = 14, loki_info_days = 3, tempo_days = 3, pyroscope_days = 7 }
    grafana = {
      root_url = "http://grafana.dev.internal/"
      efs      = { file_system_id = aws_efs_file_system.grafana.id, access_point_id = aws_efs_access_point.grafana.id }
    }
  }`,
  none: hclArgs({ name: "none", vpcId: VPC_ID, subnetIds: SUBNET_IDS }),
};

const CREATED_ALONGSIDE = `
resource "aws_security_group" "alb" {
  name   = "alb"
  vpc_id = "${VPC_ID}"
}
resource "aws_lb_target_group" "loki" {
  name        = "loki"
  port        = 3100
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "${VPC_ID}"
}
resource "aws_efs_file_system" "grafana" {
  encrypted = true
}
resource "aws_efs_access_point" "grafana" {
  file_system_id = aws_efs_file_system.grafana.id
}
resource "aws_service_discovery_private_dns_namespace" "dev" {
  name = "dev.internal"
  vpc  = "${VPC_ID}"
}
resource "aws_service_discovery_service" "role" {
  for_each = toset(${JSON.stringify(DEV_ROLES)})
  name     = each.key
  dns_config {
    namespace_id = aws_service_discovery_private_dns_namespace.dev.id
    dns_records {
      type = "A"
      ttl  = 10
    }
  }
}
${Object.keys(CALLS)
  .map((call) => `output "${call}" {\n  value = module.${call}\n}`)
  .join("\n")}`;

let result: CheckResult;
const stacks: Record<"prod" | "dev", LgtmPlan> = {} as never;

beforeAll(async () => {
  result = await planCallsOf("ecs-fargate", CALLS, CREATED_ALONGSIDE);
  for (const call of ["prod", "dev"] as const) stacks[call] = new LgtmPlan(result.plan!, `module.${call}.module.lgtm[0].`);
});

/** A group's services by key with what each runs: tasks, size, disk. */
const sizes = (plan: LgtmPlan, group: string) =>
  Object.fromEntries(
    plan.keys("aws_ecs_service", group).map((key) => {
      const definition = plan.taskDefinition(group, key);
      const disk = (definition.ephemeral_storage as { size_in_gib: number }[])[0]?.size_in_gib ?? null;
      return [key, [plan.service(group, key).desired_count, Number(definition.cpu), Number(definition.memory), disk]];
    }),
  );

/** Every service of the stack as `<group>/<key>`, and the role (Cloud Map name) it runs. */
const GROUPS = ["alloy", "grafana", "mimir", "loki", "tempo", "pyroscope"];
const services = (plan: LgtmPlan) => GROUPS.flatMap((group) => plan.keys("aws_ecs_service", group).map((key) => `${group}/${key}`));
const roleOf = (service: string) => {
  const [group, key] = service.split("/");
  return group === "alloy" || group === key ? group : `${group}-${key}`;
};
const DATA_PLANE = ["mimir", "loki", "tempo", "pyroscope"];

describe("ecs-fargate module with lgtm under terraform plan", () => {
  it("plans with lgtm set (known inputs, and inputs known only after apply) and without it", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    const none = (result.plan!.resource_changes ?? []).filter((c) => c.address.startsWith("module.none."));
    expect(none.filter((c) => c.address.includes("module.lgtm"))).toEqual([]);
    const outputs = result.plan!.output_changes!.none.after as Record<string, unknown>;
    expect([outputs.lgtm_security_group_ids, outputs.lgtm_endpoints]).toEqual([null, null]);
  });

  it("runs one ECS service per role of the sizing, at its size: the prod profile with Loki's caches, dev without", () => {
    for (const [call, sizing] of [["prod", PROD_SIZING], ["dev", DEV_SIZING]] as const) {
      const running = services(stacks[call]).map(roleOf).sort();
      expect(running).toEqual(Object.keys(sizing.roles).sort());
      for (const service of services(stacks[call])) {
        const [group, key] = service.split("/");
        const size = sizingInput(sizing)[roleOf(service)];
        expect(sizes(stacks[call], group)[key], service).toEqual([size.tasks, size.cpu, size.memory, size.ephemeral_storage_gib]);
        expect(stacks[call].service(group, key).name).toBe(group === "alloy" ? "alloy-collector" : roleOf(service));
      }
    }
    expect(sizes(stacks.prod, "loki")["ingester"]).toEqual([2, 1024, 2048, 30]);
    expect(sizes(stacks.prod, "mimir")).toEqual({ mimir: [3, 2048, 4096, 30] });
  });

  describe.each(["prod", "dev"] as const)("configs as the %s plan delivers them", (call) => {
    it.each(Object.keys(CONFIG_FILES) as Component[])("%s: every role gets the same file, within the pinned version's reference key by key", (component) => {
      const plan = stacks[call];
      const { group, path } = CONFIG_FILES[component];
      const readers = plan.keys("aws_ecs_task_definition", group).filter((key) => !key.endsWith("-cache"));
      expect(new Set(readers.map((key) => plan.files(group, key)[path])).size).toBe(1);
      const config = plan.config(component, readers[0]);
      expect(checkConfig(component, config)).toEqual([]);
      expect(checkConfig(component, { ...config, planted_key: 1 })).toEqual([{ path: "planted_key", problem: "unknown key" }]);
    });
  });

  it("starts each role with its config file and its -target", () => {
    expect(stacks.prod.container("mimir", "mimir").command).toEqual(["-config.file=/etc/mimir/mimir.yaml"]);
    expect(stacks.prod.container("loki", "query-frontend").command).toEqual(["-config.file=/etc/loki/loki.yaml", "-target=query-frontend"]);
    expect(stacks.prod.container("tempo", "metrics-generator").command).toEqual(["-config.file=/etc/tempo/tempo.yaml", "-target=metrics-generator"]);
    expect(stacks.prod.container("pyroscope", "pyroscope").command).toEqual(["-config.file=/etc/pyroscope/pyroscope.yaml"]);
    expect(stacks.prod.container("loki", "chunks-cache").command).toEqual(["-m", "3413", "-I", "5m"]);
    expect(stacks.prod.container("loki", "results-cache").command).toEqual(["-m", "1024", "-I", "5m"]);
    expect(stacks.prod.container("tempo", "distributor").image).toBe("grafana/tempo:2.10.8");
  });

  it("renders the critical values from the inputs: ring joins, eth1, bucket prefixes, retention, OTLP binds, tenant headers, flushes", () => {
    const { dev, prod } = stacks;
    const mimir = dev.config("mimir", "mimir");
    expect(mimir.memberlist.join_members).toEqual(["dns+mimir.dev.internal:7946"]);
    expect(mimir.ingester.ring).toMatchObject({ instance_interface_names: ["eth1"], replication_factor: 1, unregister_on_shutdown: true });
    expect([mimir.common.storage.s3.bucket_name, mimir.blocks_storage.storage_prefix, mimir.alertmanager_storage.storage_prefix]).toEqual(["lgtm-dev-data", "blocks", "alerts"]);
    expect(mimir.limits.compactor_blocks_retention_period).toBe("720h");
    expect(mimir.blocks_storage.tsdb.flush_blocks_on_shutdown).toBe(true);
    expect(prod.config("mimir", "mimir").ingester.ring.replication_factor).toBe(3);

    const loki = dev.config("loki", "ingester");
    expect(loki.memberlist.join_members).toContain("dns+loki-compactor.dev.internal:7946");
    expect([loki.storage_config.object_prefix, loki.common.replication_factor, loki.limits_config.retention_period, loki.limits_config.retention_stream[0].period]).toEqual(["loki", 1, "336h", "72h"]);
    expect(loki.chunk_store_config.chunk_cache_config).toEqual({ memcached_client: { addresses: "" }, embedded_cache: { enabled: true } });
    expect(prod.config("loki", "querier").chunk_store_config.chunk_cache_config.memcached_client.addresses).toBe("dns+loki-chunks-cache.lgtm.local:11211");
    expect(prod.config("loki", "querier").common.replication_factor).toBe(2);
    expect(loki.ingester.wal).toMatchObject({ enabled: true, flush_on_shutdown: true });

    const tempo = dev.config("tempo", "distributor");
    expect(tempo.distributor.receivers.otlp.protocols).toEqual({ grpc: { endpoint: "0.0.0.0:4317" }, http: { endpoint: "0.0.0.0:4318" } });
    expect(tempo.metrics_generator.storage.remote_write).toEqual([{ url: "http://mimir.dev.internal:8080/api/v1/push", send_exemplars: true, headers: { "X-Scope-OrgID": "dev-team" } }]);
    expect([tempo.storage.trace.s3.prefix, tempo.compactor.compaction.block_retention, tempo.ingester.flush_all_on_shutdown]).toEqual(["tempo", "72h", true]);
    expect(tempo.distributor.ring.instance_interface_names).toEqual(["eth1"]);

    const pyroscope = prod.config("pyroscope", "pyroscope");
    expect([pyroscope.storage.prefix, pyroscope.self_profiling.tenant_id, pyroscope.limits.compactor_blocks_retention_period]).toEqual(["pyroscope", "lgtm", "720h"]);
  });

  it("rolls Mimir and the ingesters one task at a time with 120 s to flush, stateless roles with a surge, Loki's compactor stop-first", () => {
    const rollout = (group: string, key: string) => {
      const service = stacks.prod.service(group, key);
      return [service.deployment_minimum_healthy_percent, service.deployment_maximum_percent, stacks.prod.container(group, key).stopTimeout ?? null];
    };
    expect(rollout("mimir", "mimir")).toEqual([66, 100, 120]);
    expect(rollout("loki", "ingester")).toEqual([50, 100, 120]);
    expect(rollout("tempo", "ingester")).toEqual([0, 100, 120]);
    expect(rollout("pyroscope", "pyroscope")).toEqual([0, 100, 120]);
    expect(rollout("loki", "compactor")).toEqual([0, 100, null]);
    for (const [group, key] of [["loki", "distributor"], ["loki", "querier"], ["tempo", "distributor"], ["loki", "chunks-cache"]]) expect(rollout(group, key)).toEqual([100, 200, null]);
    expect(rollout("alloy", "collector")).toEqual([100, 200, 120]);
    // Grafana's container definitions hold its secret's ARN, known only after apply.
    const grafana = stacks.prod.service("grafana", "grafana");
    expect([grafana.deployment_minimum_healthy_percent, grafana.deployment_maximum_percent]).toEqual([0, 100]);
    for (const service of services(stacks.prod)) {
      const [group, key] = service.split("/");
      expect(stacks.prod.service(group, key).deployment_circuit_breaker, service).toEqual([{ enable: true, rollback: true }]);
    }
  });

  it("places only queriers and query-frontends on Spot, keeping one task of each on FARGATE when there are several", () => {
    let alone = 0;
    for (const call of ["prod", "dev"] as const) {
      for (const service of services(stacks[call])) {
        const [group, key] = service.split("/");
        const planned = stacks[call].service(group, key);
        const strategy = planned.capacity_provider_strategy as { capacity_provider: string; weight: number; base: number }[];
        const several = (planned.desired_count as number) > 1;
        // A one-task query role goes on Spot only in dev (prod's Tempo querier would stop when reclaimed).
        const spot = ["querier", "query-frontend"].includes(key) && group !== "mimir" && (several || call === "dev");
        expect(strategy.map((share) => share.capacity_provider).sort(), `${call} ${service}`).toEqual(spot ? ["FARGATE", "FARGATE_SPOT"] : ["FARGATE"]);
        if (!spot) continue;
        if (!several) alone++;
        expect(strategy.find((share) => share.capacity_provider === "FARGATE"), `${call} ${service}`).toEqual({ capacity_provider: "FARGATE", weight: 0, base: several ? 1 : 0 });
      }
    }
    // dev's one-task queriers and query-frontends run on Spot alone.
    expect(alone).toBeGreaterThan(0);
  });

  it("gives each role that touches the bucket its component's lgtm-storage document and nothing else; distributors and caches none", () => {
    for (const service of services(stacks.prod).filter((s) => DATA_PLANE.includes(s.split("/")[0]))) {
      const [group, key] = service.split("/");
      const policies = stacks.prod.taskPolicies(group, key);
      const none = key === "distributor" || key.endsWith("-cache");
      expect(policies, service).toEqual(none ? {} : { storage: POLICY_DOCUMENTS[group] });
    }
  });

  it("runs no container health check in the distroless images; the ALB checks /ready", () => {
    for (const service of services(stacks.prod).filter((s) => DATA_PLANE.includes(s.split("/")[0]))) {
      const [group, key] = service.split("/");
      expect(stacks.prod.container(group, key).healthCheck ?? null, service).toBeNull();
    }
  });

  it("admits gossip and gRPC only from the component's own services, the ALB only on attached target ports, pushes from the ingestion CIDRs only on push ports", () => {
    for (const call of ["prod", "dev"] as const) {
      const rules = GROUPS.flatMap((group) => stacks[call].ingress(group));
      for (const rule of rules.filter((r) => r.port === 7946 || r.port === 9095)) {
        expect(stacks[call].keys("aws_ecs_service", rule.group), `${call} ${rule.group}/${rule.service}/${rule.port}/${rule.source}`).toContain(rule.source);
      }
      const cidrs = rules.filter((r) => r.source.startsWith("cidr-")).map((r) => `${r.group}/${r.service}/${r.port}`);
      const pushPorts = ["alloy/collector/4317", "alloy/collector/4318", "loki/distributor/3100", "mimir/mimir/8080", "pyroscope/pyroscope/4040", "tempo/distributor/4317", "tempo/distributor/4318"];
      expect([...new Set(cidrs)].sort()).toEqual(call === "prod" ? pushPorts : []);
      const sources = (call === "prod" ? SECURITY_GROUP_SOURCES_PROD : SECURITY_GROUP_SOURCES_DEV) as Record<string, number>;
      const counted: Record<string, number> = {};
      for (const rule of rules.filter((r) => r.source.startsWith("sg-"))) counted[`${rule.group}/${rule.service}/${rule.port}`] = (counted[`${rule.group}/${rule.service}/${rule.port}`] ?? 0) + 1;
      expect(counted, call).toEqual(sources);
    }
    const alb = stacks.prod
      .ingressEverywhere(GROUPS)
      .filter((r) => r.after.referenced_security_group_id === ALB_SECURITY_GROUP)
      .map((r) => `${r.group}/${r.service}/${r.port}`);
    expect(alb.sort()).toEqual(["grafana/grafana/3000", "mimir/mimir/8080", "tempo/distributor/3200", "tempo/distributor/4318"]);
    expect(stacks.prod.ingress("loki").find((r) => r.source === "cidr-0")!.after.cidr_ipv4).toBe("10.60.0.0/16");
  });

  it("registers every role in its Cloud Map service and the attached roles in their target groups", () => {
    for (const service of services(stacks.prod)) {
      const [group, key] = service.split("/");
      const registries = stacks.prod.service(group, key).service_registries as { registry_arn: string }[];
      expect(registries.map((r) => r.registry_arn), service).toEqual([BASE_LGTM.service_registry_arns[roleOf(service)]]);
    }
    const attached = (group: string, key: string) => (stacks.prod.service(group, key).load_balancer as { container_port: number; target_group_arn: string }[]).map((lb) => [lb.container_port, lb.target_group_arn]);
    expect(attached("mimir", "mimir")).toEqual([[8080, BASE_LGTM.target_group_arns!.mimir]]);
    expect(attached("tempo", "distributor")).toEqual([[4318, BASE_LGTM.target_group_arns!.tempo_otlp_http]]);
    expect(attached("loki", "distributor")).toEqual([]);
    expect(attached("grafana", "grafana")).toEqual([[3000, BASE_LGTM.target_group_arns!.grafana]]);
    expect(stacks.prod.service("mimir", "mimir").health_check_grace_period_seconds).toBe(300);
  });

  it("outputs every role's security group and the endpoints inside the VPC", () => {
    const output = result.plan!.output_changes!.prod;
    const unknown = (output.after_unknown as Record<string, Record<string, boolean>>).lgtm_security_group_ids;
    expect(Object.keys(unknown).sort()).toEqual(services(stacks.prod).map(roleOf).sort());
    expect((output.after as Record<string, unknown>).lgtm_endpoints).toEqual({
      otlp_grpc: "alloy.lgtm.local:4317",
      otlp_http: "http://alloy.lgtm.local:4318",
      grafana: "http://grafana.lgtm.local:3000",
      prometheus_remote_write: "http://mimir.lgtm.local:8080/api/v1/push",
      prometheus_query: "http://mimir.lgtm.local:8080/prometheus",
      loki_push: "http://loki-distributor.lgtm.local:3100/loki/api/v1/push",
      loki_query: "http://loki-query-frontend.lgtm.local:3100",
      tempo_otlp_grpc: "tempo-distributor.lgtm.local:4317",
      tempo_otlp_http: "http://tempo-distributor.lgtm.local:4318",
      tempo_query: "http://tempo-query-frontend.lgtm.local:3200",
      pyroscope: "http://pyroscope.lgtm.local:4040",
    });
  });
});

describe("Grafana and Alloy in the ecs-fargate module under terraform plan", () => {
  const nestedModule = () => JSON.parse(readFileSync(join(moduleDir("ecs-fargate"), "modules", "lgtm", "main.tf.json"), "utf8"));
  const components = alloyComponentStages();

  it("keeps Grafana's state on its EFS access point, with IAM and TLS, and its admin password in Secrets Manager only", () => {
    const volumes = stacks.prod.taskDefinition("grafana", "grafana").volume as { name: string; efs_volume_configuration: unknown[] }[];
    expect(volumes.find((v) => v.name === "efs-0")!.efs_volume_configuration).toEqual([
      expect.objectContaining({ file_system_id: "fs-0123456789abcdef0", transit_encryption: "ENABLED", authorization_config: [{ access_point_id: "fsap-0123456789abcdef0", iam: "ENABLED" }] }),
    ]);
    const grafana = nestedModule().locals.grafana as string;
    expect(grafana).toContain('"GF_SECURITY_ADMIN_PASSWORD" = aws_secretsmanager_secret.grafana_admin_password.arn');
    expect(grafana).toContain('"health_check" = null');
    expect(stacks.prod.service("grafana", "grafana").health_check_grace_period_seconds).toBe(600);
    expect(grafana).toContain('"path" = "/var/lib/grafana"');
    const version = (result.plan!.resource_changes ?? []).find((c) => c.address === "module.prod.module.lgtm[0].aws_secretsmanager_secret_version.grafana_admin_password")!;
    expect(version.change.after).toMatchObject({ secret_string: null, secret_string_wo: null, secret_string_wo_version: 1 });
  });

  it("never has the admin password, or any password attribute holding a literal, in the module or the plan", () => {
    const files = Object.values(new ModuleStack(new App({ skipValidation: true }), ecsFargateModule).toModuleFiles()).join("\n");
    expect(STAND_IN_PASSWORD).toBe("random_password-stand-in");
    expect(files).not.toContain(STAND_IN_PASSWORD);
    expect(JSON.stringify(result.plan)).not.toContain(STAND_IN_PASSWORD);
    expect(literalSecrets(nestedModule())).toEqual([]);
    expect(literalSecrets(result.plan)).toEqual([]);
  });

  it("lets Grafana publish alerts to the topic only, and only when a topic is given", () => {
    const alerts = JSON.parse(stacks.prod.taskPolicies("grafana", "grafana").alerts);
    expect(alerts.Statement).toEqual([{ Sid: "PublishAlerts", Effect: "Allow", Action: "sns:Publish", Resource: BASE_LGTM.grafana.alert_sns_topic_arn }]);
    expect(stacks.dev.taskPolicies("grafana", "grafana")).toEqual({});
  });

  it("runs Alloy with its config file, an array command, experimental only with CloudWatch Logs, and a health check bash can run", () => {
    const prod = stacks.prod.container("alloy", "collector");
    expect(prod.command).toEqual(["run", "--server.http.listen-addr=0.0.0.0:12345", "--storage.path=/var/lib/alloy/data", "--stability.level=experimental", "--disable-reporting", "/etc/alloy/config.alloy"]);
    expect(stacks.dev.container("alloy", "collector").command).toContain("--stability.level=generally-available");
    expect(prod.image).toBe("grafana/alloy:v1.18.1");
    expect(prod.healthCheck!.command[1]).toMatch(/^bash -c 'exec 3<>\/dev\/tcp\/127\.0\.0\.1\/12345 .*GET \/-\/ready HTTP\/1\.0/);
  });

  it.each(["prod", "dev"] as const)("renders an Alloy config (%s) of components Alloy 1.18.1 has, every reference declared, scraping every role", (call) => {
    const config = stacks[call].files("alloy", "collector")["/etc/alloy/config.alloy"];
    const declared = alloyComponents(config);
    expect(declared.filter((c) => !components.has(c.name)).map((c) => c.name)).toEqual([]);
    for (const reference of alloyReferences(config)) expect(declared.some((c) => reference.startsWith(`${c.name}.${c.label}.`)), reference).toBe(true);
    const experimental = declared.filter((c) => components.get(c.name) === "experimental").map((c) => c.name);
    expect(experimental).toEqual(call === "prod" ? ["otelcol.receiver.awscloudwatch"] : []);
    const namespace = call === "prod" ? "lgtm.local" : "dev.internal";
    const scraped = declared.filter((c) => c.name === "discovery.dns").map((c) => /names = \["([^"]+)"\]/.exec(c.body)![1]);
    expect(scraped.sort()).toEqual(services(stacks[call]).map(roleOf).filter((role) => !role.endsWith("-cache")).map((role) => `${role}.${namespace}`).sort());
    expect(config).toContain(`"X-Scope-OrgID" = "${call === "prod" ? "lgtm" : "dev-team"}"`);
  });

  it("gives Alloy read-only CloudWatch and, with prefixes, the log groups under them; nothing else", () => {
    const policy = JSON.parse(stacks.prod.taskPolicies("alloy", "collector").cloudwatch);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["ReadCloudWatchMetrics", "ReadLogGroupsUnderPrefixes", "DiscoverLogGroups"]);
    expect(policy.Statement[1].Resource).toEqual(["arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shop*"]);
    const dev = JSON.parse(stacks.dev.taskPolicies("alloy", "collector").cloudwatch);
    expect(dev.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["ReadCloudWatchMetrics"]);
  });
});
