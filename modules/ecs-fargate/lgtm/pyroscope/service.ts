import { yamlDocument } from "../../../../lib/hcl";
import { FargateServiceSpec } from "../../fargate-service/spec";
import { LGTM_PORTS } from "../config-values";
import { roleService } from "../role-service";
import { allOf, LgtmStack, Sources } from "../stack";
import { PYROSCOPE_ROLES, pyroscopeConfig } from "./config";

const CONFIG_FILE = "/etc/pyroscope/pyroscope.yaml";
/** The bucket prefix lgtm-storage gives Pyroscope (and scopes its policy document to). */
const BUCKET_PREFIX = "pyroscope";

/** Who besides Pyroscope's own tasks reaches its HTTP port. */
export interface PyroscopeClients {
  /** Grafana: queries. */
  readonly readers: Sources;
  /** Alloy: scrapes. */
  readonly collectors: Sources;
}

/**
 * Pyroscope all-in-one. Its ingester holds profiles until they are cut into a block, so it flushes
 * on SIGTERM and rolls one task at a time (with one task: stop, then start; pushes fail meanwhile).
 */
export function pyroscopeServices(stack: LgtmStack, clients: PyroscopeClients): Record<string, FargateServiceSpec> {
  const { settings } = stack;
  const config = pyroscopeConfig({
    bucket: settings.bucket,
    region: stack.cluster.region,
    prefix: BUCKET_PREFIX,
    fqdn: stack.fqdn(PYROSCOPE_ROLES.pyroscope.serviceName),
    tenant: settings.tenant,
    retentionDays: settings.retention.pyroscope_days,
    replicationFactor: settings.replication.pyroscope,
  });
  const own = { from_services: ["pyroscope"] };
  return {
    pyroscope: roleService(stack.size("pyroscope"), "one-at-a-time", {
      image: settings.images.pyroscope,
      command: [`-config.file=${CONFIG_FILE}`, ...PYROSCOPE_ROLES.pyroscope.flags],
      files: { [CONFIG_FILE]: yamlDocument(config) },
      ports: [LGTM_PORTS.pyroscopeHttp, LGTM_PORTS.grpc, LGTM_PORTS.memberlist],
      ingress: [
        {
          port: LGTM_PORTS.pyroscopeHttp,
          ...own,
          from_security_group_ids: allOf(clients.readers, clients.collectors, stack.albSources(["pyroscope"])),
          from_cidrs: settings.ingestion_cidrs,
        },
        { port: LGTM_PORTS.grpc, ...own },
        { port: LGTM_PORTS.memberlist, ...own },
      ],
      load_balancers: stack.loadBalancers({ pyroscope: LGTM_PORTS.pyroscopeHttp }),
      service_registry: { arn: stack.registryArn("pyroscope") },
      task_policies: { storage: stack.policyDocument("pyroscope") },
      stop_timeout: 120,
      health_check_grace_period_seconds: 120,
    }),
  };
}
