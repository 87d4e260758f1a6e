import { IResolvable, Token } from "cdktf";
import { Construct } from "constructs";
import { hcl } from "../../../lib/hcl";
import { entry } from "../../../lib/object-token";
import { FargateServices } from "../fargate-service/fargate-services";
import { FargateServiceSpec } from "../fargate-service/spec";
import { LGTM_PORTS } from "./config-values";
import { lokiServices } from "./loki/service";
import { mimirServices } from "./mimir/service";
import { LgtmComponentsProps } from "./props";
import { pyroscopeServices } from "./pyroscope/service";
import { LgtmStack } from "./stack";
import { tempoServices } from "./tempo/service";

/**
 * The LGTM data plane on a cluster: one group of Fargate services per component, each role its own
 * ECS service registered in Cloud Map (`aws_ecs_service.loki["ingester"]`). Groups are built in the
 * order their security groups are needed: Tempo's metrics-generator writes to Mimir.
 */
export class LgtmComponents extends Construct {
  /** ID of every role's security group by its Cloud Map name (`mimir`, `loki-ingester`, ...), to let more clients in. */
  public readonly securityGroupIds: Record<string, string>;
  /**
   * Where to send and read telemetry inside the VPC: `prometheus_remote_write`, `prometheus_query`,
   * `loki_push`, `loki_query`, `tempo_otlp_grpc` (host:port), `tempo_otlp_http`, `tempo_query` and
   * `pyroscope`, all under the stack's tenant (`X-Scope-OrgID`).
   */
  public readonly endpoints: Record<string, string>;

  constructor(scope: Construct, id: string, props: LgtmComponentsProps) {
    super(scope, id);
    const stack = new LgtmStack(this, props.cluster, props.settings);
    const group = (groupId: string, services: Record<string, FargateServiceSpec> | IResolvable, prefix?: string) =>
      new FargateServices(this, groupId, { cluster: props.cluster, services, group: prefix, vpcId: props.vpcId, subnetIds: props.subnetIds, logRetentionDays: props.logRetentionDays });
    const clients = { readers: [], collectors: [] };

    const tempo = group("tempo", tempoServices(stack, clients), "tempo");
    const mimir = group("mimir", mimirServices(stack, { ...clients, metricsGenerator: [entry(tempo.securityGroupIds, "metrics-generator")] }));
    const loki = group("loki", lokiServices(stack, clients), "loki");
    const pyroscope = group("pyroscope", pyroscopeServices(stack, clients));

    const prefixed = (services: FargateServices, prefix: string) => hcl`{ for key, id in ${services.securityGroupIds} : format(${`${prefix}-%s`}, key) => id }`;
    this.securityGroupIds = Token.asStringMap(hcl`merge(${mimir.securityGroupIds}, ${prefixed(loki, "loki")}, ${prefixed(tempo, "tempo")}, ${pyroscope.securityGroupIds})`);
    const url = (role: string, port: number, path = "") => `http://${stack.fqdn(role)}:${port}${path}`;
    this.endpoints = {
      prometheus_remote_write: url("mimir", LGTM_PORTS.mimirHttp, "/api/v1/push"),
      prometheus_query: url("mimir", LGTM_PORTS.mimirHttp, "/prometheus"),
      loki_push: url("loki-distributor", LGTM_PORTS.lokiHttp, "/loki/api/v1/push"),
      loki_query: url("loki-query-frontend", LGTM_PORTS.lokiHttp),
      tempo_otlp_grpc: `${stack.fqdn("tempo-distributor")}:${LGTM_PORTS.otlpGrpc}`,
      tempo_otlp_http: url("tempo-distributor", LGTM_PORTS.otlpHttp),
      tempo_query: url("tempo-query-frontend", LGTM_PORTS.tempoHttp),
      pyroscope: url("pyroscope", LGTM_PORTS.pyroscopeHttp),
    };
  }
}
