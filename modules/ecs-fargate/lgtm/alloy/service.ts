import { FargateServiceSpec } from "../../fargate-service/spec";
import { LGTM_PORTS } from "../config-values";
import { roleService } from "../role-service";
import { LgtmStack } from "../stack";
import { ALLOY_PORTS, alloyContainer } from "./container";
import { ScrapeTarget } from "./settings";

/**
 * The image has bash but neither curl nor wget: bash's /dev/tcp asks the readiness endpoint, which
 * answers 200 once every component is healthy.
 */
const HEALTH_CHECK = `bash -c 'exec 3<>/dev/tcp/127.0.0.1/${ALLOY_PORTS.http} && printf "GET /-/ready HTTP/1.0\\r\\n\\r\\n" >&3 && grep -q " 200 " <&3'`;

/**
 * Alloy, the stack's collector: OTLP in, the stack's own metrics scraped through Cloud Map,
 * CloudWatch metrics and logs. One task, replaced new-before-old so OTLP senders always find one;
 * the old task drains its queues within the 120 s stop timeout. Its service key is `collector`:
 * `alloy` names the sidecar container the module adds to other services.
 */
export function alloyServices(stack: LgtmStack, scrapeTargets: Readonly<Record<string, ScrapeTarget>>): Record<string, FargateServiceSpec> {
  const { settings, cluster } = stack;
  const url = (role: string, port: number, path: string) => `http://${stack.fqdn(role)}:${port}${path}`;
  const container = alloyContainer({
    tenant: settings.tenant,
    region: cluster.region,
    accountId: cluster.account,
    partition: cluster.partition,
    mimirPushUrl: url("mimir", LGTM_PORTS.mimirHttp, "/api/v1/push"),
    lokiPushUrl: url("loki-distributor", LGTM_PORTS.lokiHttp, "/loki/api/v1/push"),
    tempoOtlpEndpoint: `${stack.fqdn("tempo-distributor")}:${LGTM_PORTS.otlpGrpc}`,
    scrapeTargets,
    cloudWatchNamespaces: settings.alloy.cloudwatch_namespaces,
    logGroupPrefixes: settings.alloy.log_group_prefixes,
  });
  const push = (port: number) => ({ port, from_cidrs: settings.ingestion_cidrs });
  return {
    collector: roleService(stack.size("alloy"), "surge", {
      image: settings.images.alloy,
      command: [...container.command],
      files: container.files,
      ports: [ALLOY_PORTS.http, ALLOY_PORTS.otlpGrpc, ALLOY_PORTS.otlpHttp],
      ingress: [push(ALLOY_PORTS.otlpGrpc), push(ALLOY_PORTS.otlpHttp)],
      service_registry: { arn: stack.registryArn("alloy") },
      task_policies: { cloudwatch: container.taskRolePolicy },
      health_check: HEALTH_CHECK,
      stop_timeout: 120,
    }),
  };
}
