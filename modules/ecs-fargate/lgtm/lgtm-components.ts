import { IResolvable, Token } from "cdktf";
import { Construct } from "constructs";
import { hcl } from "../../../lib/hcl";
import { entry } from "../../../lib/object-token";
import { FargateServices } from "../fargate-service/fargate-services";
import { FargateServiceSpec } from "../fargate-service/spec";
import { alloyServices } from "./alloy/service";
import { ScrapeTarget } from "./alloy/settings";
import { LGTM_PORTS } from "./config-values";
import { GrafanaAdminSecret } from "./grafana/admin-secret";
import { GRAFANA_PORT } from "./grafana/container";
import { grafanaServices } from "./grafana/service";
import { LOKI_ROLES } from "./loki/config";
import { lokiServices } from "./loki/service";
import { mimirServices } from "./mimir/service";
import { LgtmComponentsProps } from "./props";
import { pyroscopeServices } from "./pyroscope/service";
import { LgtmStack } from "./stack";
import { TEMPO_ROLES } from "./tempo/config";
import { tempoServices } from "./tempo/service";
import { ALLOY_PORTS } from "./alloy/container";

/**
 * The LGTM stack on a cluster: one group of Fargate services per component, each role its own ECS
 * service registered in Cloud Map (`aws_ecs_service.loki["ingester"]`), and Grafana's admin
 * password in Secrets Manager. Groups are built in the order their security groups are needed:
 * Alloy and Grafana reach every component, Tempo's metrics-generator writes to Mimir.
 */
export class LgtmComponents extends Construct {
  /** ID of every role's security group by its Cloud Map name (`mimir`, `loki-ingester`, `grafana`, `alloy`, ...), to let more clients in. */
  public readonly securityGroupIds: Record<string, string>;
  /**
   * Where to send and read telemetry inside the VPC: `otlp_grpc` (host:port) and `otlp_http` (Alloy:
   * traces, metrics and logs), `prometheus_remote_write`, `prometheus_query`, `loki_push`,
   * `loki_query`, `tempo_otlp_grpc` (host:port), `tempo_otlp_http`, `tempo_query`, `pyroscope` and
   * `grafana`, all under the stack's tenant (`X-Scope-OrgID`).
   */
  public readonly endpoints: Record<string, string>;
  /** ARN of the Secrets Manager secret holding Grafana's first admin password (user `admin`). */
  public readonly grafanaAdminSecretArn: string;

  constructor(scope: Construct, id: string, props: LgtmComponentsProps) {
    super(scope, id);
    const { cluster } = props;
    const stack = new LgtmStack(this, cluster, props.settings);
    const group = (groupId: string, services: Record<string, FargateServiceSpec> | IResolvable, prefix?: string) =>
      new FargateServices(this, groupId, { cluster, services, group: prefix, vpcId: props.vpcId, subnetIds: props.subnetIds, logRetentionDays: props.logRetentionDays });

    const scrapeTargets = this.scrapeTargets(stack);
    const alloy = group("alloy", alloyServices(stack, scrapeTargets), "alloy");
    const collectors = [entry(alloy.securityGroupIds, "collector")];
    const secret = new GrafanaAdminSecret(this, "grafana:secret", { name: `${cluster.clusterName}/grafana/admin-password`, tags: cluster.tags });
    const grafana = group("grafana", grafanaServices(stack, secret.secretArn, Object.keys(scrapeTargets), collectors));
    const clients = { readers: [entry(grafana.securityGroupIds, "grafana")], collectors };

    const tempo = group("tempo", tempoServices(stack, clients), "tempo");
    const mimir = group("mimir", mimirServices(stack, { ...clients, metricsGenerator: [entry(tempo.securityGroupIds, "metrics-generator")] }));
    const loki = group("loki", lokiServices(stack, clients), "loki");
    const pyroscope = group("pyroscope", pyroscopeServices(stack, clients));

    const prefixed = (services: FargateServices, prefix: string) => hcl`{ for key, id in ${services.securityGroupIds} : format(${`${prefix}-%s`}, key) => id }`;
    this.securityGroupIds = Token.asStringMap(
      hcl`merge(${mimir.securityGroupIds}, ${prefixed(loki, "loki")}, ${prefixed(tempo, "tempo")}, ${pyroscope.securityGroupIds}, ${grafana.securityGroupIds}, { alloy = ${collectors[0]} })`,
    );
    const url = (role: string, port: number, path = "") => `http://${stack.fqdn(role)}:${port}${path}`;
    this.endpoints = {
      otlp_grpc: `${stack.fqdn("alloy")}:${ALLOY_PORTS.otlpGrpc}`,
      otlp_http: url("alloy", ALLOY_PORTS.otlpHttp),
      prometheus_remote_write: url("mimir", LGTM_PORTS.mimirHttp, "/api/v1/push"),
      prometheus_query: url("mimir", LGTM_PORTS.mimirHttp, "/prometheus"),
      loki_push: url("loki-distributor", LGTM_PORTS.lokiHttp, "/loki/api/v1/push"),
      loki_query: url("loki-query-frontend", LGTM_PORTS.lokiHttp),
      tempo_otlp_grpc: `${stack.fqdn("tempo-distributor")}:${LGTM_PORTS.otlpGrpc}`,
      tempo_otlp_http: url("tempo-distributor", LGTM_PORTS.otlpHttp),
      tempo_query: url("tempo-query-frontend", LGTM_PORTS.tempoHttp),
      pyroscope: url("pyroscope", LGTM_PORTS.pyroscopeHttp),
      grafana: url("grafana", GRAFANA_PORT),
    };
    this.grafanaAdminSecretArn = secret.secretArn;
  }

  /** Every role with a `/metrics` endpoint (all but the caches), by role: the jobs Alloy scrapes and the alerts expect. */
  private scrapeTargets(stack: LgtmStack): Record<string, ScrapeTarget> {
    const target = (role: string, port: number): [string, ScrapeTarget] => [role, { fqdn: stack.fqdn(role), port }];
    return Object.fromEntries([
      target("mimir", LGTM_PORTS.mimirHttp),
      ...Object.values(LOKI_ROLES).map((role) => target(role.serviceName, LGTM_PORTS.lokiHttp)),
      ...Object.values(TEMPO_ROLES).map((role) => target(role.serviceName, LGTM_PORTS.tempoHttp)),
      target("pyroscope", LGTM_PORTS.pyroscopeHttp),
      target("grafana", GRAFANA_PORT),
      target("alloy", ALLOY_PORTS.http),
    ]);
  }
}
