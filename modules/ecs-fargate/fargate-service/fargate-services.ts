import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IResolvable, TerraformIterator, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { gzipSync } from "node:zlib";
import { tagged } from "../../../lib/choose";
import { hcl, hclString, raw } from "../../../lib/hcl";
import { containsToken } from "../../../lib/inputs";
import { mapWithObjectDefaults, withObjectDefaults } from "../../../lib/object-type";
import { ClusterRef } from "../cluster-ref";
import { imageReference, repositoryCredentials, sourcedImage } from "../image-source";
import { addIam } from "./iam";
import { addSecurityGroups } from "./security-group";
import { addServices } from "./service";
import { serviceProblems } from "./service-rules";
import { SPEC_CHECKS } from "./spec-checks";
import { FARGATE_SERVICE_SPEC, FargateServiceSpec, ServiceCore, TELEMETRY, Telemetry } from "./spec";
import { CONTAINER_DEFINITIONS_LIMIT, addTaskDefinitions, sizeMessage } from "./task-definition";

/** Inputs of {@link FargateServices}. */
export interface FargateServicesProps {
  /** The cluster the services run on; its execution role starts their tasks. */
  readonly cluster: ClusterRef;
  /** Services by key: a literal map (checked at synth; values may hold tokens) or a token of such a map. */
  readonly services: Readonly<Record<string, FargateServiceSpec>> | IResolvable;
  /** Prefix of this group's service names (`loki` makes `loki-ingester`), so groups sharing a cluster never collide; empty for none. */
  readonly group?: string;
  /** ID of the VPC the tasks run in. */
  readonly vpcId: string;
  /** Private subnets the tasks run in. */
  readonly subnetIds: string[];
  /** Days CloudWatch keeps the services' logs. */
  readonly logRetentionDays: number;
  /** Where telemetry sidecars send; null when no service has one. */
  readonly telemetry?: Telemetry | null;
}

/**
 * A map of Fargate services, each resource `for_each` over it so one instance per group reads
 * `aws_ecs_service.<group>["<key>"]`. Per service: a log group, a task role, a security group, a
 * task definition (main container, config-files init container, sidecars) and an ECS service.
 */
export class FargateServices extends Construct {
  /** ECS service name of each service, by key. */
  public readonly serviceNames: Record<string, string>;
  /** ARN of each ECS service, by key. */
  public readonly serviceArns: Record<string, string>;
  /** ARN of each task definition (latest revision), by key. */
  public readonly taskDefinitionArns: Record<string, string>;
  /** ARN of each task role, by key. */
  public readonly taskRoleArns: Record<string, string>;
  /** ID of each service's security group, by key. */
  public readonly securityGroupIds: Record<string, string>;
  /** Name of each service's log group, by key. */
  public readonly logGroupNames: Record<string, string>;

  constructor(scope: Construct, id: string, props: FargateServicesProps) {
    super(scope, id);
    const { cluster } = props;
    const telemetryValue = props.telemetry === undefined || props.telemetry === null ? null : withObjectDefaults(props.telemetry, TELEMETRY);
    const literal = !Token.isUnresolved(props.services);
    const services = literal ? mapWithObjectDefaults(props.services as Record<string, FargateServiceSpec>, FARGATE_SERVICE_SPEC) : props.services;
    const owner = `FargateServices ${this.node.path}`;
    const prefix = props.group ? `${props.group}-` : "";
    if (props.group !== undefined && !/^[a-z][a-z0-9]{0,11}$/.test(props.group)) throw new Error(`${owner}: group must be 1-12 lowercase letters and digits, starting with a letter; got ${JSON.stringify(props.group)}.`);
    if (literal) checkLiteralServices(owner, services as Record<string, FargateServiceSpec>, telemetryValue, `${cluster.clusterName}-${prefix}`);

    const specs = new TerraformLocal(this, "this", hcl`${services}`);
    const telemetry = new TerraformLocal(this, "telemetry", hcl`${telemetryValue}`);
    const names = new TerraformLocal(
      this,
      "names",
      hcl`{ for k, s in ${specs.fqn} : k => { service = "${raw(prefix)}\${k}", qualified = format("%s-${raw(prefix)}%s", ${cluster.clusterName}, k) } }`,
    );
    const refs = new TerraformLocal(this, "image_refs", hcl`{ for k, s in ${specs.fqn} : k => ${imageReference(raw("s.image"))} }`);
    const images = new TerraformLocal(
      this,
      "images",
      hcl`{ for k, ref in ${refs.fqn} : k => { image = ${sourcedImage(raw("ref"), cluster.imageSource, cluster.registry)}, repository_credentials = ${repositoryCredentials(raw("ref"), cluster.imageSource)} } }`,
    );

    const logGroups = new CloudwatchLogGroup(this, "this:logs", {
      forEach: TerraformIterator.fromMap(specs.asAnyMap),
      name: hclString`format("/ecs/%s/%s", ${cluster.clusterName}, ${names.fqn}[each.key].service)`,
      retentionInDays: props.logRetentionDays,
      tags: tagged(cluster.tags, hclString`${names.fqn}[each.key].qualified`),
    });
    const taskRoles = addIam(this, cluster, specs, names);
    const securityGroups = addSecurityGroups(this, cluster, specs, names, props.vpcId);
    const taskDefinitions = addTaskDefinitions(this, { cluster, specs, names, images, telemetry, logGroups, taskRoles });
    const { fixed, autoscaled } = addServices(this, { cluster, specs, names, taskDefinitions, securityGroups, subnetIds: props.subnetIds });

    const byKey = (resource: { fqn: string }, attribute: string) => Token.asStringMap(hcl`{ for k, r in ${resource.fqn} : k => r.${raw(attribute)} }`);
    this.serviceNames = Token.asStringMap(hcl`{ for k, n in ${names.fqn} : k => n.service }`);
    this.serviceArns = Token.asStringMap(hcl`merge(${byKey(fixed, "arn")}, ${byKey(autoscaled, "arn")})`);
    this.taskDefinitionArns = byKey(taskDefinitions, "arn");
    this.taskRoleArns = byKey(taskRoles, "arn");
    this.securityGroupIds = byKey(securityGroups, "id");
    this.logGroupNames = byKey(logGroups, "name");
  }
}

/** Checks a literal map of specs, values that are tokens left to Terraform, and throws listing every problem. */
function checkLiteralServices(owner: string, services: Record<string, FargateServiceSpec>, telemetry: Telemetry | null, namePrefix: string): void {
  const problems = [...serviceProblems(services, SPEC_CHECKS, { keys: Object.keys(services), telemetry }, JSON.stringify(services)), ...oversizedServices(services)];
  const tooLong = Object.keys(services).filter((key) => `${namePrefix}${key}-task`.length > 64);
  if (!containsToken(namePrefix) && tooLong.length > 0) problems.push(`IAM role names stop at 64 characters: shorten the cluster name, the group or the keys ${JSON.stringify(tooLong)}.`);
  if (problems.length > 0) throw new Error(`${owner}: invalid services.\n  - ${problems.join("\n  - ")}`);
}

/** The services whose literal content alone passes what a task definition holds, each as the plan-time message. */
export function oversizedServices(services: Readonly<Record<string, ServiceCore>>): string[] {
  return Object.entries(services).flatMap(([key, spec]) => {
    const bytes = literalContentBytes(spec);
    return bytes !== undefined && bytes > CONTAINER_DEFINITIONS_LIMIT ? [sizeMessage(JSON.stringify(key), String(bytes))] : [];
  });
}

/**
 * At least what a literal service's container definitions take: its config files as the init
 * container carries them (gzip, then base64), its environment, secrets and command. Terraform's
 * gzip differs from node's by a few bytes; the task definition's precondition measures exactly.
 */
function literalContentBytes(spec: ServiceCore): number | undefined {
  const parts = [spec.files, spec.environment, spec.secrets, spec.command];
  if (containsToken(parts)) return undefined;
  const files = Object.values(spec.files ?? {}).reduce((sum, content) => sum + gzipSync(content).toString("base64").length, 0);
  return files + JSON.stringify([spec.environment, spec.secrets, spec.command]).length;
}
