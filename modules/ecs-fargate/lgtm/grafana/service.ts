import { Token } from "cdktf";
import { hcl } from "../../../../lib/hcl";
import { FargateServiceSpec } from "../../fargate-service/spec";
import { LGTM_PORTS } from "../config-values";
import { roleService } from "../role-service";
import { allOf, LgtmStack, Sources } from "../stack";
import { grafanaContainer } from "./container";

/**
 * Seconds the load balancer's failing checks are ignored after a start. Grafana answers only once
 * its database migrations ran, and on a fresh SQLite file over NFS they can take minutes; for the
 * same reason there is no container health check, whose 60 s start period they would outlast.
 */
const STARTUP_GRACE_SECONDS = 600;

/**
 * Grafana: one task on its EFS file system, stopped before its successor starts so two Grafanas
 * never write the same SQLite file. Its datasources read each component's query endpoint.
 */
export function grafanaServices(stack: LgtmStack, adminPasswordSecretArn: string, monitoredJobs: readonly string[], collectors: Sources): Record<string, FargateServiceSpec> {
  const { settings } = stack;
  const { grafana } = settings;
  const url = (role: string, port: number, path = "") => `http://${stack.fqdn(role)}:${port}${path}`;
  const rootUrl = grafana.root_url;
  const container = grafanaContainer(
    {
      tenant: settings.tenant,
      mimirUrl: url("mimir", LGTM_PORTS.mimirHttp, "/prometheus"),
      lokiUrl: url("loki-query-frontend", LGTM_PORTS.lokiHttp),
      tempoUrl: url("tempo-query-frontend", LGTM_PORTS.tempoHttp),
      pyroscopeUrl: url("pyroscope", LGTM_PORTS.pyroscopeHttp),
      rootUrl,
      https: Token.isUnresolved(rootUrl) ? (hcl`startswith(${rootUrl}, "https://")` as unknown as boolean) : rootUrl.startsWith("https://"),
      alertTopicArn: grafana.alert_sns_topic_arn,
      region: stack.cluster.region,
      monitoredJobs,
    },
    adminPasswordSecretArn,
  );
  const topic = grafana.alert_sns_topic_arn;
  return {
    grafana: roleService(stack.size("grafana"), "stop-first", {
      image: settings.images.grafana,
      environment: container.environment,
      secrets: Object.fromEntries(container.secrets.map((secret) => [secret.name, secret.valueFrom])),
      files: container.files,
      ports: [container.port],
      ingress: [{ port: container.port, from_security_group_ids: allOf(collectors, stack.albSources(["grafana"])) }],
      load_balancers: stack.loadBalancers({ grafana: container.port }),
      service_registry: { arn: stack.registryArn("grafana") },
      efs_volumes: [{ path: container.dataVolume.containerPath, file_system_id: grafana.efs.file_system_id, access_point_id: grafana.efs.access_point_id }],
      // Without a topic (a literal null in an env) there is no policy at all; the module's is null then.
      task_policies: topic === null ? {} : { alerts: container.taskRolePolicy },
      health_check_grace_period_seconds: STARTUP_GRACE_SECONDS,
    }),
  };
}
