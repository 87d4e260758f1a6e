import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { TerraformIterator, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { tagged } from "../../../lib/choose";
import { hcl, hclLines, hclString, raw } from "../../../lib/hcl";
import { ClusterRef } from "../cluster-ref";
import { ALLOY_COMMAND, ALLOY_CONFIG_PATH, ALLOY_DATA_PATH, CONTAINERS, OTEL_ENVIRONMENT, alloyConfig, lokiOutputOptions } from "./sidecars";

/** Fargate's limit on a registered task definition. */
const TASK_DEFINITION_LIMIT = 65536;
/** What the container definitions may take of it; the rest covers family, sizes and volumes. */
export const CONTAINER_DEFINITIONS_LIMIT = TASK_DEFINITION_LIMIT - 2048;

/** What the task definitions are built from, all keyed by service. */
export interface TaskInputs {
  readonly cluster: ClusterRef;
  /** The service specs (a `local`). */
  readonly specs: TerraformLocal;
  /** `{ service, qualified }` names (a `local`). */
  readonly names: TerraformLocal;
  /** `{ image, repository_credentials }` of each main container (a `local`). */
  readonly images: TerraformLocal;
  /** The telemetry object, or null (a `local`). */
  readonly telemetry: TerraformLocal;
  readonly logGroups: CloudwatchLogGroup;
  readonly taskRoles: IamRole;
}

/**
 * Config files (one list per service, sidecar config included), the task's volumes, the container
 * definitions and the task definitions. Every value is one Terraform expression over the specs, so
 * literal and `var.*` specs render the same way.
 */
export function addTaskDefinitions(scope: Construct, inputs: TaskInputs): EcsTaskDefinition {
  const { cluster, specs, names, images, telemetry, logGroups, taskRoles } = inputs;

  const files = new TerraformLocal(
    scope,
    "files",
    hclLines`{ for k, s in ${specs.fqn} : k => concat(
      [for path in sort(keys(s.files)) : {
        container = k, path = path, dir = regex("^(.*)/[^/]+$", path)[0], name = regex("[^/]+$", path), content = s.files[path]
      }],
      s.alloy_sidecar ? [{
        container = ${CONTAINERS.alloy}, path = ${ALLOY_CONFIG_PATH}, dir = ${ALLOY_CONFIG_PATH.replace(/\/[^/]+$/, "")},
        name = ${ALLOY_CONFIG_PATH.replace(/^.*\//, "")}, content = ${alloyConfig(telemetry.fqn)}
      }] : []) }`,
  );

  // One task-scoped volume per directory of config files, one per writable path, one per EFS mount.
  const volumes = new TerraformLocal(
    scope,
    "volumes",
    hclLines`{ for k, s in ${specs.fqn} : k => concat(
      [for i, d in distinct([for f in ${files.fqn}[k] : { container = f.container, dir = f.dir }]) : {
        name = "config-\${i}", kind = "config", container = d.container, path = d.dir, read_only = true, efs = null
      }],
      [for i, path in s.writable_paths : {
        name = "scratch-\${i}", kind = "scratch", container = k, path = path, read_only = false, efs = null
      }],
      s.alloy_sidecar ? [{
        name = "alloy-data", kind = "scratch", container = ${CONTAINERS.alloy}, path = ${ALLOY_DATA_PATH}, read_only = false, efs = null
      }] : [],
      [for i, v in s.efs_volumes : {
        name = "efs-\${i}", kind = "efs", container = k, path = v.path, read_only = v.read_only,
        efs = { file_system_id = v.file_system_id, access_point_id = v.access_point_id }
      }]) }`,
  );

  const logs = (k: string) =>
    hclLines`{ logDriver = "awslogs", options = tomap({
      "awslogs-group" = ${logGroups.fqn}[${raw(k)}].name, "awslogs-region" = ${cluster.region}, "awslogs-stream-prefix" = "ecs"
    }) }`;
  const mounts = (k: string, container: unknown) =>
    hcl`[for v in ${volumes.fqn}[${raw(k)}] : { sourceVolume = v.name, containerPath = v.path, readOnly = v.read_only } if v.container == ${container}]`;
  const helper = (name: string) => hcl`${cluster.helperImages}.${raw(name)}`;

  const main = hclLines`{
    name = k,
    image = ${images.fqn}[k].image,
    repositoryCredentials = ${images.fqn}[k].repository_credentials,
    essential = true,
    command = s.command,
    portMappings = [for port in s.ports : { containerPort = port, protocol = "tcp" }],
    environment = [for name, value in merge(s.alloy_sidecar ? merge(${OTEL_ENVIRONMENT}, { OTEL_SERVICE_NAME = k }) : {}, s.environment) : { name = name, value = value }],
    secrets = [for name, arn in s.secrets : { name = name, valueFrom = arn }],
    healthCheck = s.health_check == null ? null : { command = ["CMD-SHELL", s.health_check], interval = 30, timeout = 5, retries = 3, startPeriod = 60 },
    stopTimeout = s.stop_timeout,
    readonlyRootFilesystem = s.readonly_root_filesystem,
    mountPoints = ${mounts("k", raw("k"))},
    ulimits = [for u in s.ulimits : { name = u.name, softLimit = u.soft_limit, hardLimit = u.hard_limit }],
    linuxParameters = { initProcessEnabled = true },
    dependsOn = concat(
      length(s.files) > 0 || s.alloy_sidecar ? [{ containerName = ${CONTAINERS.configFiles}, condition = "SUCCESS" }] : [],
      s.alloy_sidecar ? [{ containerName = ${CONTAINERS.alloy}, condition = "START" }] : [],
      s.firelens_to_loki != null ? [{ containerName = ${CONTAINERS.logRouter}, condition = "START" }] : []),
    logConfiguration = s.firelens_to_loki == null ? ${logs("k")} : {
      logDriver = "awsfirelens",
      options = ${lokiOutputOptions(raw("s.firelens_to_loki"), telemetry.fqn, hcl`${names.fqn}[k].service`, cluster.name)}
    }
  }`;

  // Busybox writes each file from an environment variable (gzip, then base64: small, and safe in
  // JSON) into its directory's volume, then exits; the containers start only once it succeeded.
  const configFiles = hclLines`{
    name = ${CONTAINERS.configFiles},
    image = ${helper("config_files")}.image,
    repositoryCredentials = ${helper("config_files")}.repository_credentials,
    essential = false,
    readonlyRootFilesystem = true,
    command = ["sh", "-c", join(" && ", [for i, f in ${files.fqn}[k] : format(
      "printf %%s \\"$CONFIG_FILE_%d\\" | base64 -d | gunzip > /config/%s/%s", i,
      one([for v in ${volumes.fqn}[k] : v.name if v.kind == "config" && v.container == f.container && v.path == f.dir]), f.name)])],
    environment = [for i, f in ${files.fqn}[k] : { name = "CONFIG_FILE_\${i}", value = base64gzip(f.content) }],
    mountPoints = [for v in ${volumes.fqn}[k] : { sourceVolume = v.name, containerPath = "/config/\${v.name}", readOnly = false } if v.kind == "config"],
    logConfiguration = ${logs("k")}
  }`;

  const alloy = hclLines`{
    name = ${CONTAINERS.alloy},
    image = ${helper("alloy")}.image,
    repositoryCredentials = ${helper("alloy")}.repository_credentials,
    essential = true,
    readonlyRootFilesystem = true,
    command = ${ALLOY_COMMAND},
    mountPoints = ${mounts("k", CONTAINERS.alloy)},
    dependsOn = [{ containerName = ${CONTAINERS.configFiles}, condition = "SUCCESS" }],
    logConfiguration = ${logs("k")}
  }`;

  const logRouter = hclLines`{
    name = ${CONTAINERS.logRouter},
    image = ${helper("log_router")}.image,
    repositoryCredentials = ${helper("log_router")}.repository_credentials,
    essential = true,
    memoryReservation = 50,
    firelensConfiguration = { type = "fluentbit", options = { "enable-ecs-log-metadata" = "true" } },
    logConfiguration = ${logs("k")}
  }`;

  const containers = new TerraformLocal(
    scope,
    "containers",
    hclLines`{ for k, s in ${specs.fqn} : k => concat([${main}],
      length(${files.fqn}[k]) > 0 ? [${configFiles}] : [],
      s.alloy_sidecar ? [${alloy}] : [],
      s.firelens_to_loki != null ? [${logRouter}] : []) }`,
  );

  const service = TerraformIterator.fromMap(specs.asAnyMap);
  const definitionBytes = hcl`floor(length(base64encode(jsonencode(${containers.fqn}[each.key]))) * 3 / 4)`;
  const taskDefinitions = new EcsTaskDefinition(scope, "this:task", {
    forEach: service,
    family: hclString`${names.fqn}[each.key].qualified`,
    cpu: hclString`tostring(each.value.cpu)`,
    memory: hclString`tostring(each.value.memory)`,
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    runtimePlatform: { cpuArchitecture: hclString`each.value.cpu_architecture`, operatingSystemFamily: "LINUX" },
    executionRoleArn: cluster.executionRoleArn,
    taskRoleArn: hclString`${taskRoles.fqn}[each.key].arn`,
    containerDefinitions: hclString`jsonencode(${containers.fqn}[each.key])`,
    lifecycle: {
      precondition: [
        {
          condition: Token.asAny(hcl`${definitionBytes} <= ${CONTAINER_DEFINITIONS_LIMIT}`),
          errorMessage: sizeMessage(Token.asString(hcl`each.key`), Token.asString(definitionBytes)),
        },
      ],
    },
    tags: tagged(cluster.tags, hclString`${names.fqn}[each.key].qualified`),
  });
  taskDefinitions.addOverride("dynamic.volume", {
    for_each: Token.asString(hcl`${volumes.fqn}[each.key]`),
    content: {
      name: "${volume.value.name}",
      dynamic: {
        efs_volume_configuration: {
          for_each: "${volume.value.efs == null ? [] : [volume.value.efs]}",
          content: {
            file_system_id: "${efs_volume_configuration.value.file_system_id}",
            transit_encryption: "ENABLED",
            authorization_config: { access_point_id: "${efs_volume_configuration.value.access_point_id}", iam: "ENABLED" },
          },
        },
      },
    },
  });
  taskDefinitions.addOverride("dynamic.ephemeral_storage", {
    for_each: "${each.value.ephemeral_storage_gib == null ? [] : [each.value.ephemeral_storage_gib]}",
    content: { size_in_gib: "${ephemeral_storage.value}" },
  });
  return taskDefinitions;
}

/** The error when a service's task definition would pass Fargate's limit; `service` and `bytes` may be template interpolations. */
export function sizeMessage(service: string, bytes: string): string {
  return (
    `Service ${service}: its container definitions take ${bytes} bytes, over the ${CONTAINER_DEFINITIONS_LIMIT} that fit in a task definition ` +
    `(Fargate allows ${TASK_DEFINITION_LIMIT} bytes; config files count gzip-compressed and base64-encoded). Move large files to S3 or into an image.`
  );
}
