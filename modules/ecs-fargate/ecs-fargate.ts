import { IResolvable, Token } from "cdktf";
import { Construct } from "constructs";
import { useBlock } from "../../lib/blocks";
import { countIf } from "../../lib/choose";
import { hcl, hclLines, raw } from "../../lib/hcl";
import { checkInputs, withDefaults } from "../../lib/inputs";
import { withObjectDefaults } from "../../lib/object-type";
import { EcsCluster } from "./cluster";
import { clusterRef } from "./cluster-ref";
import { FargateServices, oversizedServices } from "./fargate-service/fargate-services";
import { serviceProblems } from "./fargate-service/service-rules";
import { FargateServiceSpec, SERVICE_CORE, ServiceCore, TELEMETRY } from "./fargate-service/spec";
import { RULES_CHECKED_BY_PART, SERVICE_INPUT_RULES, defaulted, ecsFargateInputs, ecsFargateRules } from "./inputs";
import { lgtmComponentsModule } from "./lgtm/module";
import { lgtmProblems } from "./lgtm/settings-rules";
import { EcsFargateProps, EcsServiceInput } from "./props";

/**
 * How each attribute only the internal spec has is read off a published service `s`: one port
 * with its sources, one optional target group and Cloud Map service, one optional task policy.
 */
const FROM_PUBLISHED: Record<Exclude<keyof FargateServiceSpec, keyof ServiceCore>, string> = {
  ports: "s.port == null ? [] : [s.port]",
  ingress:
    "s.port == null ? [] : [{ port = s.port, from_security_group_ids = s.ingress_security_group_ids, from_cidrs = s.ingress_cidrs, from_services = s.ingress_from_services }]",
  load_balancers: "s.target_group_arn == null ? [] : [{ target_group_arn = s.target_group_arn, port = s.port }]",
  service_registry: "s.service_registry_arn == null ? null : { arn = s.service_registry_arn, port = null }",
  task_policies: "{ service = s.policy_json }",
  stop_timeout: "null",
  ephemeral_storage_gib: "null",
  efs_volumes: "[]",
  ulimits: "[]",
  health_check_grace_period_seconds: "null",
};

/** HCL: the published services (`services`, an expression) as internal service specs, one `for` expression. */
function asServiceSpecs(services: unknown): IResolvable {
  const shared = Object.keys(SERVICE_CORE).map((attribute) => `${attribute} = s.${attribute}`);
  const own = Object.entries(FROM_PUBLISHED).map(([attribute, expression]) => `${attribute} = ${expression}`);
  return hclLines`{ for k, s in ${services} : k => { ${raw([...shared, ...own].join(", "))} } }`;
}

/**
 * The published ecs-fargate module: an {@link EcsCluster} and the `services` map run on it as
 * {@link FargateServices} (with sidecars where asked), in the given private subnets.
 */
export class EcsFargate extends Construct {
  /** ID of the ECS cluster. */
  public readonly clusterId: string;
  /** ARN of the ECS cluster. */
  public readonly clusterArn: string;
  /** Name of the ECS cluster. */
  public readonly clusterName: string;
  /** ARN of the task execution role every service of the cluster shares. */
  public readonly executionRoleArn: string;
  /** ECS service name of each service, by key. */
  public readonly serviceNames: Record<string, string>;
  /** ARN of each ECS service, by key. */
  public readonly serviceArns: Record<string, string>;
  /** ARN of each service's task role, by key. */
  public readonly taskRoleArns: Record<string, string>;
  /** ID of each service's security group, by key: reference it to let a service in (a database's ingress, say). */
  public readonly securityGroupIds: Record<string, string>;
  /** Name of each service's CloudWatch log group, by key. */
  public readonly logGroupNames: Record<string, string>;
  /** ID of each LGTM role's security group by role (`mimir`, `loki-ingester`, `grafana`, `alloy`, ...), e.g. for lgtm-storage's `grafana_efs`; null without `lgtm`. */
  public readonly lgtmSecurityGroupIds: Record<string, string>;
  /**
   * The LGTM stack's endpoints inside the VPC, by name: `otlp_grpc` (host:port) and `otlp_http`
   * (Alloy, every signal), `prometheus_remote_write`, `prometheus_query`, `loki_push`, `loki_query`,
   * `tempo_otlp_grpc` (host:port), `tempo_otlp_http`, `tempo_query`, `pyroscope`, `grafana`; null
   * without `lgtm`.
   */
  public readonly lgtmEndpoints: Record<string, string>;
  /** ARN of the Secrets Manager secret holding Grafana's first admin password (user `admin`); null without `lgtm`. */
  public readonly lgtmGrafanaAdminSecretArn: string;
  /** The cluster, for more groups of services on it. */
  public readonly cluster: EcsCluster;

  constructor(scope: Construct, id: string, input: EcsFargateProps) {
    super(scope, id);
    const props = withDefaults(input, ecsFargateInputs);
    const owner = `EcsFargate ${this.node.path}`;
    checkInputs(owner, props, ecsFargateInputs, ecsFargateRules.filter((rule) => !RULES_CHECKED_BY_PART.has(rule)));
    const lgtmLiteral = props.lgtm !== null && !Token.isUnresolved(props.lgtm);
    const lgtmInvalid = lgtmLiteral ? lgtmProblems(props.lgtm!) : [];
    if (lgtmInvalid.length > 0) throw new Error(`${owner}: invalid input.\n  - lgtm: ${lgtmInvalid.join("\n  - lgtm: ")}`);
    const literal = !Token.isUnresolved(props.services);
    const telemetry = props.telemetry === null ? null : withObjectDefaults(props.telemetry, TELEMETRY);
    if (literal) {
      const services = defaulted(props.services);
      const problems = [
        ...serviceProblems<EcsServiceInput>(services, SERVICE_INPUT_RULES, { keys: Object.keys(services), telemetry }, JSON.stringify(props.services)),
        ...oversizedServices(services),
      ];
      if (problems.length > 0) throw new Error(`${owner}: invalid input.\n  - services: ${problems.join("\n  - services: ")}`);
    }

    this.cluster = new EcsCluster(this, "cluster", {
      name: props.name,
      capacityProviderStrategy: props.capacityProviderStrategy,
      imageSource: props.imageSource,
      logRetentionDays: props.logRetentionDays,
      executeCommandKmsKeyArn: props.executeCommandKmsKeyArn,
      tags: props.tags,
    });
    const services = new FargateServices(this, "services", {
      cluster: this.cluster,
      services: asServiceSpecs(literal ? defaulted(props.services) : props.services),
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      logRetentionDays: props.logRetentionDays,
      telemetry: props.telemetry,
    });

    const lgtm = useBlock(
      this,
      "lgtm",
      lgtmComponentsModule,
      { cluster: clusterRef(this.cluster), vpcId: props.vpcId, subnetIds: props.subnetIds, logRetentionDays: props.logRetentionDays, settings: props.lgtm! },
      { source: "./modules/lgtm", count: countIf(Token.isUnresolved(props.lgtm) ? hcl`${props.lgtm} != null` : props.lgtm !== null) },
    );

    this.lgtmSecurityGroupIds = lgtm.securityGroupIds;
    this.lgtmEndpoints = lgtm.endpoints;
    this.lgtmGrafanaAdminSecretArn = lgtm.grafanaAdminSecretArn;
    this.clusterId = this.cluster.id;
    this.clusterArn = this.cluster.arn;
    this.clusterName = this.cluster.name;
    this.executionRoleArn = this.cluster.executionRoleArn;
    this.serviceNames = services.serviceNames;
    this.serviceArns = services.serviceArns;
    this.taskRoleArns = services.taskRoleArns;
    this.securityGroupIds = services.securityGroupIds;
    this.logGroupNames = services.logGroupNames;
  }
}
