import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { moduleDir } from "../../lib/publish";
import { EcsFargateProps } from "../../modules/ecs-fargate/props";
import { BAD_ECS_INPUTS, BASE_ECS, SUBNET_IDS, VPC_ID } from "../support/ecs-fargate";
import { hclArgs, planCallsOf, validationErrorsByCall } from "../support/module-calls";
import { CheckResult, ResourceChange, formatDiagnostics } from "../support/terraform-runner";

const ACCOUNT = "123456789012";
const REGISTRY = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`;
const TARGET_GROUP = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/shop-api/0123456789abcdef`;
const LOAD_BALANCER = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:loadbalancer/app/shop/fedcba9876543210`;
const DATABASE_SECRET = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:shop/database-AbCdEf`;
const API_KEY_PARAMETER = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shop/api-key`;
const NGINX_CONF = "events {}\nhttp {\n  server {\n    listen 8080;\n    location / { return 200 'ok'; }\n  }\n}\n";
const INDEX_HTML = "<h1>shop</h1>\n";
const ALLOY_COMPONENTS = readFileSync(join(__dirname, "..", "..", "..", "shared", "reference", "alloy-1.18.1-components.md"), "utf8");

/** Two sample services: an API with both sidecars and every kind of ingress, a stateless worker. */
function shop(name: string, nginxConf: string): EcsFargateProps {
  return {
    name,
    vpcId: VPC_ID,
    subnetIds: SUBNET_IDS,
    imageSource: { mode: "pull_through_cache", credentials_secret_arn: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:ecr-pullthroughcache/docker-hub-AbCdEf` },
    capacityProviderStrategy: [
      { capacity_provider: "FARGATE", weight: 1, base: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ],
    telemetry: { otlp_endpoint: "http://alloy.lgtm.internal:4318", tenant: "shop" },
    services: {
      api: {
        image: "nginx:1.27",
        cpu: 512,
        memory: 1024,
        port: 8080,
        command: ["nginx", "-c", "/etc/shop/nginx.conf", "-g", "daemon off;"],
        files: { "/etc/shop/nginx.conf": nginxConf, "/usr/share/shop/index.html": INDEX_HTML },
        environment: { LOG_LEVEL: "info", OTEL_SERVICE_NAME: "shop-api" },
        secrets: { DATABASE_PASSWORD: `${DATABASE_SECRET}:password::`, API_KEY: API_KEY_PARAMETER },
        target_group_arn: TARGET_GROUP,
        ingress_security_group_ids: ["sg-0123456789abcdef0"],
        ingress_cidrs: ["10.60.0.0/16"],
        ingress_from_services: ["worker"],
        service_registry_arn: `arn:aws:servicediscovery:eu-west-1:${ACCOUNT}:service/srv-0123456789abcdef`,
        enable_execute_command: true,
        alloy_sidecar: true,
        firelens_to_loki: "https://loki.example.com/loki/api/v1/push",
        autoscaling: { min_capacity: 1, max_capacity: 3, cpu_target: 70, requests_per_target: 500, load_balancer_arn: LOAD_BALANCER },
      },
      worker: {
        image: "ghcr.io/acme/worker:1.4.2",
        cpu_architecture: "X86_64",
        stateless: true,
        port: 9000,
        ingress_from_services: ["worker"],
        command: ["sh", "-c", "exec worker --queue orders"],
        policy_json: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["sqs:ReceiveMessage"], Resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:orders` }] }),
      },
    },
  };
}

const CALLS: Record<string, EcsFargateProps> = {
  minimal: { ...BASE_ECS, name: "minimal" },
  shop: shop("shop", NGINX_CONF),
  changed: shop("changed", NGINX_CONF.replace("listen 8080", "listen 8081")),
  mirror: { ...BASE_ECS, name: "mirror", imageSource: { mode: "registry_prefix", registry_prefix: "registry.example.com/mirror" }, services: { api: { image: "nginx:1.27", files: { "/etc/app/a.conf": "a" } } } },
  direct: {
    ...BASE_ECS,
    name: "direct",
    imageSource: { credentials_secret_arn: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:docker-hub-AbCdEf` },
    telemetry: { otlp_endpoint: "http://collector:4318" },
    services: { api: { image: "grafana/grafana:12.4.0", alloy_sidecar: true } },
  },
};

/** What a caller creates in the same apply: ARNs and a document the module sees only as unknowns. */
const RESOURCES_CREATED_ALONGSIDE = `
resource "aws_sqs_queue" "orders" {
  name = "orders"
}
resource "aws_secretsmanager_secret" "token" {
  name = "token"
}
resource "aws_lb_target_group" "api" {
  name        = "api"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "${VPC_ID}"
}`;

const UNKNOWN_CALL = `${hclArgs({ name: "unknown", vpcId: VPC_ID, subnetIds: SUBNET_IDS })}
  services = {
    api = {
      image            = "nginx:1.27"
      port             = 8080
      target_group_arn = aws_lb_target_group.api.arn
      secrets          = { TOKEN = aws_secretsmanager_secret.token.arn }
      policy_json      = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = aws_sqs_queue.orders.arn }] })
    }
  }`;

interface Container {
  name: string;
  image: string;
  command?: string[];
  essential: boolean;
  environment?: { name: string; value: string }[];
  secrets?: { name: string; valueFrom: string }[];
  mountPoints?: { sourceVolume: string; containerPath: string; readOnly: boolean }[];
  dependsOn?: { containerName: string; condition: string }[];
  readonlyRootFilesystem?: boolean;
  repositoryCredentials?: { credentialsParameter: string } | null;
  logConfiguration: { logDriver: string; options: Record<string, string> };
  firelensConfiguration?: { type: string };
}

describe("published ecs-fargate module under terraform plan", () => {
  let result: CheckResult;
  let changes: ResourceChange[];
  const after = (address: string) => {
    const change = changes.find((c) => c.address === address);
    if (!change) throw new Error(`${address} is not planned`);
    return change.change.after as Record<string, unknown>;
  };
  const containers = (call: string, service: string) => JSON.parse(after(`module.${call}.aws_ecs_task_definition.services["${service}"]`).container_definitions as string) as Container[];
  const container = (call: string, service: string, name: string) => containers(call, service).find((c) => c.name === name)!;
  const policy = (address: string) => JSON.parse(after(address).policy as string) as { Statement: { Sid?: string; Action: string | string[]; Resource: string | string[] }[] };
  const files = (call: string, service: string) => {
    const init = container(call, service, "config-files");
    return Object.fromEntries(init.environment!.map((variable) => [variable.name, gunzipSync(Buffer.from(variable.value, "base64")).toString("utf8")]));
  };

  beforeAll(async () => {
    const outputs = Object.keys(CALLS)
      .map((call) => `output "${call}" {\n  value = module.${call}\n}`)
      .join("\n");
    const calls = Object.fromEntries(Object.entries(CALLS).map(([call, props]) => [call, hclArgs(props as unknown as Record<string, unknown>)]));
    result = await planCallsOf("ecs-fargate", { ...calls, unknown: UNKNOWN_CALL }, `${outputs}\n${RESOURCES_CREATED_ALONGSIDE}`);
    changes = result.plan?.resource_changes ?? [];
  });

  it("plans every call, the minimal one with only the cluster inputs and one service", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    const minimal = changes.filter((c) => c.address.startsWith("module.minimal.")).map((c) => c.address.replace("module.minimal.", ""));
    expect(minimal).toContain("aws_ecs_cluster.cluster");
    expect(minimal).toContain('aws_ecs_service.services["api"]');
    expect(minimal.filter((a) => a.startsWith("aws_ecr_pull_through_cache_rule"))).toEqual([]);
  });

  it("plans services whose ARNs and policy are known only after apply", () => {
    const planned = changes.filter((c) => c.address.startsWith("module.unknown.")).map((c) => c.address);
    expect(planned).toEqual(
      expect.arrayContaining([
        'module.unknown.aws_ecs_service.services["api"]',
        'module.unknown.aws_iam_role_policy.services_task["api/service"]',
        'module.unknown.aws_iam_role_policy.services_secrets["api"]',
      ]),
    );
  });

  it("runs ARM64 by default and X86_64 when asked, on awsvpc with platform LATEST", () => {
    expect(after('module.minimal.aws_ecs_task_definition.services["api"]')).toMatchObject({
      cpu: "256",
      memory: "512",
      network_mode: "awsvpc",
      requires_compatibilities: ["FARGATE"],
      runtime_platform: [{ cpu_architecture: "ARM64", operating_system_family: "LINUX" }],
    });
    expect(after('module.shop.aws_ecs_task_definition.services["worker"]').runtime_platform).toEqual([{ cpu_architecture: "X86_64", operating_system_family: "LINUX" }]);
    expect(after('module.minimal.aws_ecs_service.services["api"]').platform_version).toBe("LATEST");
  });

  it("passes commands as arrays, one argument per element", () => {
    expect(container("shop", "worker", "worker").command).toEqual(["sh", "-c", "exec worker --queue orders"]);
    expect(container("shop", "api", "alloy").command).toEqual([
      "run",
      "--server.http.listen-addr=127.0.0.1:12345",
      "--storage.path=/var/lib/alloy/data",
      "--stability.level=experimental",
      "/etc/alloy-sidecar/sidecar.alloy",
    ]);
    expect(container("minimal", "api", "api").command).toBeNull();
  });

  it("delivers config files through an init container the app waits for and mounts read-only", () => {
    const init = container("shop", "api", "config-files");
    expect(init).toMatchObject({ essential: false, readonlyRootFilesystem: true, image: `${REGISTRY}/ecr-public/docker/library/busybox:1.37.0` });
    expect(init.command!.slice(0, 2)).toEqual(["sh", "-c"]);
    const app = container("shop", "api", "api");
    expect(app.dependsOn).toContainEqual({ containerName: "config-files", condition: "SUCCESS" });
    const mounts = app.mountPoints!.map((m) => ({ path: m.containerPath, readOnly: m.readOnly }));
    expect(mounts).toEqual([
      { path: "/etc/shop", readOnly: true },
      { path: "/usr/share/shop", readOnly: true },
    ]);
    // Each file's variable decodes to its content, and the script writes it where the app mounts it.
    const written = files("shop", "api");
    expect(Object.values(written)).toEqual(expect.arrayContaining([NGINX_CONF, INDEX_HTML]));
    const script = init.command![2];
    for (const [variable, content] of Object.entries(written)) {
      const target = new RegExp(`"\\$${variable}" \\| base64 -d \\| gunzip > /config/(config-\\d+)/([^ ]+)`).exec(script)!;
      const volume = target[1];
      const mount = [...app.mountPoints!, ...container("shop", "api", "alloy").mountPoints!].find((m) => m.sourceVolume === volume)!;
      expect(init.mountPoints).toContainEqual({ sourceVolume: volume, containerPath: `/config/${volume}`, readOnly: false });
      if (content === NGINX_CONF) expect(`${mount.containerPath}/${target[2]}`).toBe("/etc/shop/nginx.conf");
      if (content === INDEX_HTML) expect(`${mount.containerPath}/${target[2]}`).toBe("/usr/share/shop/index.html");
    }
  });

  it("registers a new task definition when a config file changes, and only then", () => {
    const definition = (call: string, service: string) => after(`module.${call}.aws_ecs_task_definition.services["${service}"]`).container_definitions as string;
    const withoutCluster = (text: string, call: string) => text.replaceAll(`/ecs/${call}/`, "/ecs/X/").replaceAll(`ecs_cluster=${call}`, "ecs_cluster=X");
    expect(withoutCluster(definition("changed", "api"), "changed")).not.toBe(withoutCluster(definition("shop", "api"), "shop"));
    expect(withoutCluster(definition("changed", "worker"), "changed")).toBe(withoutCluster(definition("shop", "worker"), "shop"));
    expect(Object.values(files("changed", "api"))).toContain(NGINX_CONF.replace("listen 8080", "listen 8081"));
  });

  it("never gives a task a public IP and rolls failed deployments back", () => {
    const services = changes.filter((c) => c.type === "aws_ecs_service");
    expect(services.length).toBeGreaterThanOrEqual(Object.keys(CALLS).length);
    for (const service of services) {
      const planned = service.change.after as Record<string, unknown>;
      expect((planned.network_configuration as { assign_public_ip: boolean }[])[0].assign_public_ip, service.address).toBe(false);
      expect(planned.deployment_circuit_breaker, service.address).toEqual([{ enable: true, rollback: true }]);
      expect(planned.propagate_tags).toBe("SERVICE");
      expect(planned.force_new_deployment, "a capacity provider change rolls tasks instead of replacing the service").toBe(true);
    }
  });

  it("puts stateless services on the cluster's Spot-heavy strategy and keeps stateful ones on FARGATE", () => {
    expect(after('module.shop.aws_ecs_service.services["worker"]')).toMatchObject({
      capacity_provider_strategy: expect.arrayContaining([{ capacity_provider: "FARGATE_SPOT", weight: 3, base: 0 }]),
      deployment_minimum_healthy_percent: 100,
      deployment_maximum_percent: 200,
    });
    expect(after('module.shop.aws_ecs_service.services_autoscaled["api"]')).toMatchObject({
      capacity_provider_strategy: [{ capacity_provider: "FARGATE", weight: 1, base: 0 }],
      deployment_minimum_healthy_percent: 0,
      deployment_maximum_percent: 100,
    });
  });

  it("attaches the target group, Cloud Map and the grace period to the service behind the load balancer", () => {
    expect(after('module.shop.aws_ecs_service.services_autoscaled["api"]')).toMatchObject({
      load_balancer: [{ target_group_arn: TARGET_GROUP, container_name: "api", container_port: 8080 }],
      service_registries: [{ registry_arn: expect.stringContaining(":service/srv-"), container_name: null, container_port: null }],
      health_check_grace_period_seconds: 60,
      enable_execute_command: true,
    });
    expect(after('module.shop.aws_ecs_service.services["worker"]').health_check_grace_period_seconds).toBeNull();
  });

  it("scales on CPU and on ALB requests per target, with the resource label derived from the ARNs", () => {
    expect(after('module.shop.aws_appautoscaling_target.services["api"]')).toMatchObject({ min_capacity: 1, max_capacity: 3, resource_id: "service/shop/api" });
    const requests = after('module.shop.aws_appautoscaling_policy.services["api/requests"]');
    expect(requests.target_tracking_scaling_policy_configuration).toEqual([
      expect.objectContaining({
        target_value: 500,
        predefined_metric_specification: [{ predefined_metric_type: "ALBRequestCountPerTarget", resource_label: "app/shop/fedcba9876543210/targetgroup/shop-api/0123456789abcdef" }],
      }),
    ]);
    expect(changes.some((c) => c.address === 'module.shop.aws_appautoscaling_policy.services["api/memory"]')).toBe(false);
  });

  it("gives the execution role ECR pull, its own log groups and exactly the secrets each service references", () => {
    const execution = policy("module.shop.aws_iam_role_policy.cluster_execution").Statement;
    const wildcards = execution.filter((s) => s.Resource === "*");
    expect(wildcards.map((s) => s.Action)).toEqual(["ecr:GetAuthorizationToken"]);
    expect(execution.find((s) => s.Sid === "WriteTheClustersLogs")!.Resource).toBe(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/ecs/shop/*`);
    expect(execution.find((s) => s.Sid === "FillThePullThroughCache")!.Resource).toEqual([
      `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/docker-hub/*`,
      `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/ecr-public/*`,
    ]);
    expect(JSON.stringify(execution)).not.toContain("secretsmanager");
    const secrets = policy('module.shop.aws_iam_role_policy.services_secrets["api"]').Statement;
    expect(secrets).toEqual([
      expect.objectContaining({ Action: "secretsmanager:GetSecretValue", Resource: [DATABASE_SECRET] }),
      expect.objectContaining({ Action: "ssm:GetParameters", Resource: [API_KEY_PARAMETER] }),
    ]);
    expect(after('module.shop.aws_iam_role_policy.services_secrets["api"]').role).toBe("shop-task-execution");
    expect(changes.some((c) => c.address === 'module.shop.aws_iam_role_policy.services_secrets["worker"]')).toBe(false);
    const direct = policy("module.direct.aws_iam_role_policy.cluster_execution").Statement;
    expect(direct.find((s) => s.Sid === "ReadDockerHubCredentials")!.Resource).toBe(`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:docker-hub-AbCdEf`);
  });

  it("gives each service its own task role, trusted by this account's ECS tasks only, with only what it asked for", () => {
    const trust = JSON.parse(after('module.shop.aws_iam_role.services_task["api"]').assume_role_policy as string);
    expect(trust.Statement[0]).toMatchObject({ Principal: { Service: "ecs-tasks.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } });
    expect(after('module.shop.aws_iam_role.services_task["worker"]').name).toBe("shop-worker-task");
    expect(policy('module.shop.aws_iam_role_policy.services_task["worker/service"]').Statement[0].Action).toEqual(["sqs:ReceiveMessage"]);
    expect(changes.some((c) => c.address === 'module.shop.aws_iam_role_policy.services_runtime["api"]')).toBe(true);
    expect(changes.some((c) => c.address.startsWith("module.minimal.aws_iam_role_policy.services_"))).toBe(false);
  });

  it("admits each service only on its port, from the given groups, CIDRs and services, and lets it out anywhere", () => {
    const rules = changes.filter((c) => c.address.startsWith("module.shop.aws_vpc_security_group_ingress_rule.services[")).map((c) => c.address.replace(/^.*services\[/, "").replace(/\]$/, ""));
    expect(rules.sort()).toEqual(['"api/8080/cidr-0"', '"api/8080/sg-0"', '"api/8080/worker"', '"worker/9000/worker"']);
    expect(after('module.shop.aws_vpc_security_group_ingress_rule.services["api/8080/sg-0"]')).toMatchObject({
      ip_protocol: "tcp",
      from_port: 8080,
      to_port: 8080,
      referenced_security_group_id: "sg-0123456789abcdef0",
      cidr_ipv4: null,
    });
    expect(after('module.shop.aws_vpc_security_group_ingress_rule.services["api/8080/cidr-0"]')).toMatchObject({ cidr_ipv4: "10.60.0.0/16", referenced_security_group_id: null });
    expect(after('module.shop.aws_vpc_security_group_egress_rule.services["api"]')).toMatchObject({ ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" });
    expect(changes.filter((c) => c.address.startsWith("module.minimal.aws_vpc_security_group_ingress_rule."))).toEqual([]);
    expect(after('module.shop.aws_security_group.services["api"]')).toMatchObject({ name: "shop-api", vpc_id: VPC_ID });
  });

  it("rewrites Docker Hub and ECR Public images to the pull-through cache and leaves other registries alone", () => {
    expect(container("shop", "api", "api").image).toBe(`${REGISTRY}/docker-hub/library/nginx:1.27`);
    expect(container("shop", "api", "alloy").image).toBe(`${REGISTRY}/docker-hub/grafana/alloy:v1.18.1`);
    expect(container("shop", "api", "log-router").image).toBe(`${REGISTRY}/ecr-public/aws-observability/aws-for-fluent-bit:3.4.15`);
    expect(container("shop", "worker", "worker").image).toBe("ghcr.io/acme/worker:1.4.2");
    expect(after("module.shop.aws_ecr_pull_through_cache_rule.cluster_docker_hub[0]")).toMatchObject({ upstream_registry_url: "registry-1.docker.io", ecr_repository_prefix: "docker-hub" });
    expect(after("module.shop.aws_ecr_pull_through_cache_rule.cluster_ecr_public[0]")).toMatchObject({ upstream_registry_url: "public.ecr.aws", credential_arn: null });
  });

  it("prefixes every image with a mirror, and sends Docker Hub credentials only with Docker Hub images", () => {
    expect(container("mirror", "api", "api").image).toBe("registry.example.com/mirror/library/nginx:1.27");
    expect(container("mirror", "api", "config-files").image).toBe("registry.example.com/mirror/docker/library/busybox:1.37.0");
    const credentials = { credentialsParameter: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:docker-hub-AbCdEf` };
    expect(container("direct", "api", "api")).toMatchObject({ image: "grafana/grafana:12.4.0", repositoryCredentials: credentials });
    expect(container("direct", "api", "alloy").repositoryCredentials).toEqual(credentials);
    expect(container("direct", "api", "config-files")).toMatchObject({ image: "public.ecr.aws/docker/library/busybox:1.37.0", repositoryCredentials: null });
  });

  it("gives the app an Alloy sidecar on its loopback, with a config of real Alloy components, and keeps its own environment", () => {
    const environment = Object.fromEntries(container("shop", "api", "api").environment!.map((v) => [v.name, v.value]));
    expect(environment).toMatchObject({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318", OTEL_SERVICE_NAME: "shop-api", LOG_LEVEL: "info" });
    expect(container("shop", "api", "api").dependsOn).toContainEqual({ containerName: "alloy", condition: "START" });
    const config = Object.values(files("shop", "api")).find((content) => content.includes("otelcol.receiver.otlp"))!;
    expect(config).toContain('endpoint = "127.0.0.1:4317"');
    expect(config).toContain('endpoint = "http://alloy.lgtm.internal:4318"');
    expect(config).toContain('headers = { "X-Scope-OrgID" = "shop" }');
    for (const [, component] of config.matchAll(/^([a-z_]+(?:\.[a-z_]+)+) "/gm)) {
      const row = new RegExp(`^\\| \`${component.replace(/\./g, "\\.")}\` \\| ([a-z-]+) \\|`, "m").exec(ALLOY_COMPONENTS);
      expect(row, component).not.toBeNull();
      if (row![1] === "experimental") expect(container("shop", "api", "alloy").command).toContain("--stability.level=experimental");
    }
    expect(Object.values(files("direct", "api")).join()).not.toContain("X-Scope-OrgID");
  });

  it("routes the app's logs to Loki through FireLens, parsed from the push URL", () => {
    expect(container("shop", "api", "api").logConfiguration).toEqual({
      logDriver: "awsfirelens",
      options: { Name: "loki", host: "loki.example.com", port: "443", tls: "on", uri: "/loki/api/v1/push", labels: "service_name=api, ecs_cluster=shop", line_format: "json", tenant_id: "shop" },
    });
    expect(container("shop", "api", "log-router")).toMatchObject({ essential: true, firelensConfiguration: { type: "fluentbit" } });
    expect(container("shop", "worker", "worker").logConfiguration).toEqual({
      logDriver: "awslogs",
      options: { "awslogs-group": "/ecs/shop/worker", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs" },
    });
  });

  it("runs a cluster with Container Insights enhanced, both Fargate providers and ECS Exec logged to CloudWatch", () => {
    expect(after("module.shop.aws_ecs_cluster.cluster")).toMatchObject({
      setting: [{ name: "containerInsights", value: "enhanced" }],
      configuration: [{ execute_command_configuration: [{ logging: "OVERRIDE", log_configuration: [expect.objectContaining({ cloud_watch_log_group_name: "/aws/ecs/execute-command/shop" })] }] }],
    });
    expect(after("module.minimal.aws_ecs_cluster_capacity_providers.cluster")).toMatchObject({
      capacity_providers: ["FARGATE", "FARGATE_SPOT"],
      default_capacity_provider_strategy: [{ capacity_provider: "FARGATE", weight: 1, base: 0 }],
    });
    expect(after('module.shop.aws_cloudwatch_log_group.services["api"]')).toMatchObject({ name: "/ecs/shop/api", retention_in_days: 30 });
  });

  it("outputs the cluster and each service by key", () => {
    const output = result.plan!.output_changes!.shop;
    const outputs = output.after as Record<string, unknown>;
    expect(outputs).toMatchObject({ cluster_name: "shop", service_names: { api: "api", worker: "worker" }, log_group_names: { api: "/ecs/shop/api", worker: "/ecs/shop/worker" } });
    expect([...new Set([...Object.keys(outputs), ...Object.keys(output.after_unknown as object)])].sort()).toEqual(
      [
        "cluster_arn",
        "cluster_id",
        "cluster_name",
        "execution_role_arn",
        "lgtm_endpoints",
        "lgtm_grafana_admin_secret_arn",
        "lgtm_security_group_ids",
        "log_group_names",
        "security_group_ids",
        "service_arns",
        "service_names",
        "task_role_arns",
      ].sort(),
    );
  });

  it("grants a wildcard resource only in statements whose Sid says the action has no resource-level permission", () => {
    const main = readFileSync(join(moduleDir("ecs-fargate"), "main.tf.json"), "utf8");
    const statements = [...main.matchAll(/\{ \\"Sid\\" = \\"(\w+)\\"[^{}]*?\\"Resource\\" = \\"\*\\" \}/g)].map((m) => m[1]);
    expect(statements.sort()).toEqual(["DescribeLogGroupsHasNoResourceLevelPermission", "EcrTokenHasNoResourceLevelPermission", "EcsExecChannelsHaveNoResourceLevelPermission"]);
    expect(main.match(/\\"Resource\\" = \\"\*\\"/g)).toHaveLength(3);
  });

  it("ignores desired_count only on the autoscaled services", () => {
    const main = JSON.parse(readFileSync(join(moduleDir("ecs-fargate"), "main.tf.json"), "utf8"));
    expect(main.resource.aws_ecs_service.services_autoscaled.lifecycle).toEqual({ ignore_changes: ["desired_count"] });
    expect(main.resource.aws_ecs_service.services.lifecycle).toBeUndefined();
  });
});

describe("published ecs-fargate module validations under terraform plan", () => {
  let errors: Map<string, string[]>;

  beforeAll(async () => {
    errors = await validationErrorsByCall(
      "ecs-fargate",
      Object.fromEntries(BAD_ECS_INPUTS.map((bad, i) => [`bad_${i}`, hclArgs({ ...BASE_ECS, ...bad.props } as unknown as Record<string, unknown>)])),
    );
  });

  it("reports errors only against the bad calls", () => {
    expect([...errors.keys()].sort()).toEqual(BAD_ECS_INPUTS.map((_, i) => `bad_${i}`).sort());
  });

  it.each(BAD_ECS_INPUTS.map((bad, i) => ({ ...bad, i })))("rejects $case in var.$variable with the synth-time message", ({ variable, message, i }) => {
    const messages = (errors.get(`bad_${i}`) ?? []).join("\n");
    expect(messages).toContain(`Invalid value for variable: ${variable} `);
    expect(messages).toContain(message);
  });
});

describe("published ecs-fargate module and the task definition limit", () => {
  it("fails the plan naming the service when its config files cannot fit in a task definition", async () => {
    const result = await planCallsOf(
      "ecs-fargate",
      { big: `${hclArgs({ name: "big", vpcId: VPC_ID, subnetIds: SUBNET_IDS })}\n  services = { api = { image = "nginx", files = { "/etc/app/big.txt" = local.noise } } }` },
      // Hash output barely compresses; it is built in Terraform, so no synth-time check sees it.
      `locals {\n  noise = join("", flatten([for i in range(40) : [for j in range(46) : base64sha256("\${i}-\${j}")]]))\n}`,
    );
    expect(result.ok).toBe(false);
    expect(formatDiagnostics(result.diagnostics)).toMatch(/Service api: its container definitions take \d+ bytes, over the 63488 that fit in a task definition/);
  });
});
