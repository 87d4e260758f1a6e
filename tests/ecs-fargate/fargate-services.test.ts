import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformVariable, Testing } from "cdktf";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ReadableStack } from "../../lib/readable-stack";
import { EcsCluster } from "../../modules/ecs-fargate/cluster";
import { FargateServices } from "../../modules/ecs-fargate/fargate-service/fargate-services";
import { FARGATE_SERVICES_TYPE, FargateServiceSpec } from "../../modules/ecs-fargate/fargate-service/spec";
import { SUBNET_IDS, VPC_ID } from "../support/ecs-fargate";
import { CheckResult, checkTerraform, formatDiagnostics, ResourceChange, writeScratchRoot } from "../support/terraform-runner";

const ACCOUNT = "123456789012";
const TARGET_GROUP = (name: string) => `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;

/** Specs the way the LGTM components write them; `config` is the ingester's config file content. */
function lokiSpecs(config: string): Record<string, FargateServiceSpec> {
  const peers = ["distributor", "ingester"];
  return {
    ingester: {
      image: "grafana/loki:3.7.8",
      cpu: 1024,
      memory: 2048,
      command: ["-config.file=/etc/loki/config.yaml", "-target=ingester"],
      files: { "/etc/loki/config.yaml": config },
      ports: [3100, 9095, 7946],
      ingress: [
        { port: 9095, from_services: peers },
        { port: 7946, from_services: peers },
      ],
      readonly_root_filesystem: true,
      writable_paths: ["/loki"],
      stop_timeout: 120,
      ephemeral_storage_gib: 50,
      ulimits: [{ name: "nofile", soft_limit: 65536, hard_limit: 65536 }],
      deployment_minimum_healthy_percent: 66,
      deployment_maximum_percent: 100,
      service_registry: { arn: `arn:aws:servicediscovery:eu-west-1:${ACCOUNT}:service/srv-ingester` },
      task_policies: { storage: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::logs/*" }] }) },
    },
    distributor: {
      image: "grafana/loki:3.7.8",
      command: ["-config.file=/etc/loki/config.yaml", "-target=distributor"],
      files: { "/etc/loki/config.yaml": config },
      stateless: true,
      ports: [3100, 9095, 7946],
      ingress: [
        { port: 3100, from_security_group_ids: ["sg-0a1b2c3d4e5f60718"], from_cidrs: ["10.0.0.0/16"] },
        { port: 9095, from_services: peers },
        { port: 7946, from_services: peers },
      ],
      load_balancers: [
        { target_group_arn: TARGET_GROUP("loki-push"), port: 3100 },
        { target_group_arn: TARGET_GROUP("loki-grpc"), port: 9095 },
      ],
      autoscaling: { min_capacity: 1, max_capacity: 4, cpu_target: 70, memory_target: 80 },
    },
    grafana: {
      image: "grafana/grafana:12.4.0",
      ports: [3000],
      health_check: "curl -fs http://localhost:3000/api/health || exit 1",
      efs_volumes: [{ path: "/var/lib/grafana", file_system_id: "fs-0123456789abcdef0", access_point_id: "fsap-0123456789abcdef0" }],
      deployment_minimum_healthy_percent: 0,
      deployment_maximum_percent: 100,
    },
  };
}

/** A stack with a cluster and the Loki group; `services` may be literal specs or a token. */
function lokiStack(services: (stack: ReadableStack) => Record<string, FargateServiceSpec> | ReturnType<TerraformVariable["value"]>): ReadableStack {
  const stack = new ReadableStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const cluster = new EcsCluster(stack, "cluster", { name: "lgtm-test", logRetentionDays: 14 });
  new FargateServices(stack, "loki", { cluster, group: "loki", vpcId: VPC_ID, subnetIds: SUBNET_IDS, logRetentionDays: 14, services: services(stack) });
  return stack;
}

async function plan(stack: ReadableStack, vars?: Record<string, unknown>): Promise<CheckResult> {
  const root = await writeScratchRoot({ "main.tf.json": Testing.synth(stack) });
  try {
    return await checkTerraform(root.dir, { vars });
  } finally {
    await root.cleanup();
  }
}

describe("FargateServices from literal specs, as the LGTM components write them", () => {
  let result: CheckResult;
  let changes: ResourceChange[];
  let json: { locals: Record<string, string>; resource: Record<string, Record<string, Record<string, unknown>>> };
  const after = (address: string) => changes.find((c) => c.address === address)!.change.after as Record<string, unknown>;
  const containers = (service: string) => JSON.parse(after(`aws_ecs_task_definition.loki["${service}"]`).container_definitions as string) as Record<string, unknown>[];

  beforeAll(async () => {
    // The config is rendered by Terraform from an expression, as the components render their YAML.
    const stack = lokiStack(() => lokiSpecs(Fn.yamlencode({ target: "all", server: { http_listen_port: 3100 } })));
    json = JSON.parse(Testing.synth(stack));
    result = await plan(stack);
    changes = result.plan?.resource_changes ?? [];
  });

  it("plans with readable addresses per group and key", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    const services = changes.filter((c) => c.type === "aws_ecs_service").map((c) => c.address);
    expect(services.sort()).toEqual(['aws_ecs_service.loki["grafana"]', 'aws_ecs_service.loki["ingester"]', 'aws_ecs_service.loki_autoscaled["distributor"]']);
    expect(after('aws_ecs_service.loki["ingester"]')).toMatchObject({ name: "loki-ingester", deployment_minimum_healthy_percent: 66, deployment_maximum_percent: 100 });
    expect(after('aws_ecs_task_definition.loki["ingester"]').family).toBe("lgtm-test-loki-ingester");
    expect(after('aws_cloudwatch_log_group.loki["ingester"]')).toMatchObject({ name: "/ecs/lgtm-test/loki-ingester", retention_in_days: 14 });
  });

  it("renders the literal specs with every default filled in, so one HCL reads them", () => {
    expect(json.locals.loki).toContain('"cpu_architecture" = "ARM64"');
    expect(json.locals.loki).toContain('"efs_volumes" = []');
    expect(json.locals.loki).toContain("yamlencode(");
  });

  it("gives an ingester its flush time, WAL disk, scratch volume and file limits", () => {
    const definition = after('aws_ecs_task_definition.loki["ingester"]');
    expect(definition.ephemeral_storage).toEqual([{ size_in_gib: 50 }]);
    const ingester = containers("ingester").find((c) => c.name === "ingester")!;
    expect(ingester).toMatchObject({ stopTimeout: 120, readonlyRootFilesystem: true, ulimits: [{ name: "nofile", softLimit: 65536, hardLimit: 65536 }] });
    expect(ingester.mountPoints).toContainEqual({ sourceVolume: "scratch-0", containerPath: "/loki", readOnly: false });
    expect(ingester.healthCheck).toBeNull();
    const grafana = containers("grafana").find((c) => c.name === "grafana")!;
    expect((grafana.healthCheck as { command: string[] }).command).toEqual(["CMD-SHELL", "curl -fs http://localhost:3000/api/health || exit 1"]);
  });

  it("writes a config file Terraform rendered from an expression", () => {
    const init = containers("ingester").find((c) => c.name === "config-files")!;
    const [file] = init.environment as { value: string }[];
    expect(gunzipSync(Buffer.from(file.value, "base64")).toString()).toBe('"server":\n  "http_listen_port": 3100\n"target": "all"\n');
  });

  it("registers a distributor in two target groups on two ports", () => {
    expect(after('aws_ecs_service.loki_autoscaled["distributor"]').load_balancer).toEqual([
      { container_name: "distributor", container_port: 3100, elb_name: null, target_group_arn: TARGET_GROUP("loki-push"), advanced_configuration: [] },
      { container_name: "distributor", container_port: 9095, elb_name: null, target_group_arn: TARGET_GROUP("loki-grpc"), advanced_configuration: [] },
    ]);
    expect(changes.filter((c) => c.type === "aws_appautoscaling_policy").map((c) => c.address).sort()).toEqual([
      'aws_appautoscaling_policy.loki["distributor/cpu"]',
      'aws_appautoscaling_policy.loki["distributor/memory"]',
    ]);
  });

  it("admits gRPC and gossip only between the group's own services, and push traffic only from the ALB and the VPC", () => {
    const rules = changes.filter((c) => c.type === "aws_vpc_security_group_ingress_rule").map((c) => (c.index as string));
    expect(rules.sort()).toEqual(
      [
        "distributor/3100/cidr-0",
        "distributor/3100/sg-0",
        "distributor/7946/distributor",
        "distributor/7946/ingester",
        "distributor/9095/distributor",
        "distributor/9095/ingester",
        "ingester/7946/distributor",
        "ingester/7946/ingester",
        "ingester/9095/distributor",
        "ingester/9095/ingester",
      ].sort(),
    );
    expect(changes.some((c) => c.address.startsWith('aws_vpc_security_group_ingress_rule.loki["grafana'))).toBe(false);
  });

  it("mounts EFS through its access point with IAM authorization and TLS, and lets only that task role mount it", () => {
    const volume = (after('aws_ecs_task_definition.loki["grafana"]').volume as { name: string; efs_volume_configuration: unknown[] }[]).find((v) => v.name === "efs-0")!;
    expect(volume.efs_volume_configuration).toEqual([
      expect.objectContaining({ file_system_id: "fs-0123456789abcdef0", transit_encryption: "ENABLED", authorization_config: [{ access_point_id: "fsap-0123456789abcdef0", iam: "ENABLED" }] }),
    ]);
    const policy = JSON.parse(after('aws_iam_role_policy.loki_runtime["grafana"]').policy as string);
    expect(policy.Statement).toEqual([
      {
        Sid: "MountEfsVolume0",
        Effect: "Allow",
        Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        Resource: `arn:aws:elasticfilesystem:eu-west-1:${ACCOUNT}:file-system/fs-0123456789abcdef0`,
        Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": `arn:aws:elasticfilesystem:eu-west-1:${ACCOUNT}:access-point/fsap-0123456789abcdef0` } },
      },
    ]);
    expect(changes.some((c) => c.address === 'aws_iam_role_policy.loki_runtime["ingester"]')).toBe(false);
    expect(after('aws_iam_role_policy.loki_task["ingester/storage"]').name).toBe("storage");
  });

  it("registers the ingester in Cloud Map with A records", () => {
    expect(after('aws_ecs_service.loki["ingester"]').service_registries).toEqual([
      { registry_arn: `arn:aws:servicediscovery:eu-west-1:${ACCOUNT}:service/srv-ingester`, container_name: null, container_port: null, port: null },
    ]);
  });
});

describe("FargateServices from a variable of the spec's Terraform type", () => {
  it("plans the same container definitions as from literal specs", async () => {
    const config = "target: all\n";
    const [literal, variable] = await Promise.all([
      plan(lokiStack(() => lokiSpecs(config))),
      plan(lokiStack((stack) => new TerraformVariable(stack, "services", { type: FARGATE_SERVICES_TYPE }).value), { services: lokiSpecs(config) }),
    ]);
    expect(variable.ok, formatDiagnostics(variable.diagnostics)).toBe(true);
    const definitions = (result: CheckResult) =>
      Object.fromEntries(
        (result.plan?.resource_changes ?? []).filter((c) => c.type === "aws_ecs_task_definition").map((c) => [c.address, (c.change.after as { container_definitions: string }).container_definitions]),
      );
    expect(Object.keys(definitions(variable))).toHaveLength(3);
    expect(definitions(variable)).toEqual(definitions(literal));
  });
});

describe("FargateServices checks of literal specs at synth time", () => {
  const specs = lokiSpecs("target: all\n");
  const withIngester = (change: Partial<FargateServiceSpec>) => () => lokiStack(() => ({ ...specs, ingester: { ...specs.ingester, ...change } }));

  it.each([
    { case: "a stop timeout over Fargate's 120 s", change: { stop_timeout: 300 }, message: 'services must give stop_timeout as whole seconds 2-120 (Fargate\'s maximum) or null: "ingester" has stop_timeout 300' },
    { case: "ephemeral storage under 21 GiB", change: { ephemeral_storage_gib: 10 }, message: '"ingester" has ephemeral_storage_gib 10' },
    { case: "a target group on a port the container lacks", change: { load_balancers: [{ target_group_arn: TARGET_GROUP("x"), port: 8080 }] }, message: "services must register ports of the service in target groups and Cloud Map" },
    { case: "ingress from a service of another group", change: { ingress: [{ port: 9095, from_services: ["querier"] }] }, message: "services must give one ingress entry per port" },
    { case: "a stateful ingester on Spot", change: { capacity_provider_strategy: [{ capacity_provider: "FARGATE_SPOT" }] }, message: '"ingester" is stateful and asks for FARGATE_SPOT' },
    { case: "a command in one string", change: { command: ["-config.file=/etc/loki/config.yaml -target=ingester"] }, message: "no whitespace in the first" },
    { case: "a task policy allowing s3:*", change: { task_policies: { storage: JSON.stringify({ Statement: { Effect: "Allow", Action: "s3:*", Resource: "*" } }) } }, message: 'outside a statement whose Sid states the reason: "ingester" has task_policies ["storage"]' },
  ])("rejects $case", ({ change, message }) => {
    expect(withIngester(change as Partial<FargateServiceSpec>)).toThrow(message);
  });

  it("names the group and rejects a group that would break names", () => {
    expect(withIngester({ stop_timeout: 300 })).toThrow(/^FargateServices test\/loki: invalid services\./);
    const stack = new ReadableStack(Testing.app(), "test");
    const cluster = new EcsCluster(stack, "cluster", { name: "lgtm-test" });
    expect(() => new FargateServices(stack, "x", { cluster, group: "Loki", vpcId: VPC_ID, subnetIds: SUBNET_IDS, logRetentionDays: 14, services: {} })).toThrow(
      'group must be 1-12 lowercase letters and digits, starting with a letter; got "Loki".',
    );
  });
});
