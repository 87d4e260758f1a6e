import { yamlDocument } from "../../../../lib/hcl";
import { FargateServiceSpec } from "../../fargate-service/spec";
import { LGTM_PORTS } from "../config-values";
import { roleService } from "../role-service";
import { allOf, LgtmStack, Sources } from "../stack";
import { MIMIR_ROLES, mimirConfig } from "./config";

const CONFIG_FILE = "/etc/mimir/mimir.yaml";

/** Who besides Mimir's own tasks reaches Mimir's HTTP port. */
export interface MimirClients {
  /** Grafana: queries. */
  readonly readers: Sources;
  /** Alloy: remote write and scrapes. */
  readonly collectors: Sources;
  /** Tempo's metrics-generator: remote write of span metrics and service graphs. */
  readonly metricsGenerator: Sources;
}

/**
 * Mimir, monolithic: every task runs every classic-architecture module and Alertmanager, joined by
 * memberlist through Cloud Map. Tasks roll one at a time (replication factor 3 keeps writes and
 * reads whole with one task away), flush their TSDB head to S3 on SIGTERM (up to 120 s), and never
 * run on Spot. The readiness path waits for WAL replay, hence the long grace period behind an ALB.
 */
export function mimirServices(stack: LgtmStack, clients: MimirClients): Record<string, FargateServiceSpec> {
  const { settings } = stack;
  const config = mimirConfig({
    bucket: settings.bucket,
    region: stack.cluster.region,
    fqdn: stack.fqdn(MIMIR_ROLES.mimir.serviceName),
    retentionDays: settings.retention.mimir_days,
    replicationFactor: settings.replication.mimir,
  });
  const own = { from_services: ["mimir"] };
  return {
    mimir: roleService(stack.size("mimir"), "one-at-a-time", {
      image: settings.images.mimir,
      command: [`-config.file=${CONFIG_FILE}`, ...MIMIR_ROLES.mimir.flags],
      files: { [CONFIG_FILE]: yamlDocument(config) },
      ports: [LGTM_PORTS.mimirHttp, LGTM_PORTS.grpc, LGTM_PORTS.memberlist],
      ingress: [
        {
          port: LGTM_PORTS.mimirHttp,
          ...own,
          from_security_group_ids: allOf(clients.readers, clients.collectors, clients.metricsGenerator, stack.albSources(["mimir"])),
          from_cidrs: settings.ingestion_cidrs,
        },
        { port: LGTM_PORTS.grpc, ...own },
        { port: LGTM_PORTS.memberlist, ...own },
      ],
      load_balancers: stack.loadBalancers({ mimir: LGTM_PORTS.mimirHttp }),
      service_registry: { arn: stack.registryArn("mimir") },
      task_policies: { storage: stack.policyDocument("mimir") },
      stop_timeout: 120,
      health_check_grace_period_seconds: 300,
    }),
  };
}
