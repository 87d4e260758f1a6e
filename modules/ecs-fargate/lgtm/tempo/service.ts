import { yamlDocument } from "../../../../lib/hcl";
import { FargateServiceSpec } from "../../fargate-service/spec";
import { httpUrl, LGTM_PORTS } from "../config-values";
import { Rollout, roleService } from "../role-service";
import { allOf, LgtmStack, Sources } from "../stack";
import { TEMPO_ROLES, TempoFqdns, tempoConfig } from "./config";

const CONFIG_FILE = "/etc/tempo/tempo.yaml";
/** The bucket prefix lgtm-storage gives Tempo (and scopes Tempo's policy document to). */
const BUCKET_PREFIX = "tempo";
/** The routes that end on the distributor, by container port. */
const OTLP_ROUTES = { tempo_otlp_grpc: LGTM_PORTS.otlpGrpc, tempo_otlp_http: LGTM_PORTS.otlpHttp } as const;

/** Who besides Tempo's own tasks reaches Tempo. */
export interface TempoClients {
  /** Grafana: queries, on the query-frontend. */
  readonly readers: Sources;
  /** Alloy: OTLP to the distributor, scrapes every role. */
  readonly collectors: Sources;
}

type Role = keyof typeof TEMPO_ROLES;

/**
 * Ingesters and the metrics-generator hold data (traces not yet in a block, series not yet sent):
 * one task at a time, each flushing on SIGTERM. With prod's single ingester at replication factor 1
 * that is a stop and a start: OTLP pushes fail for a minute and senders retry them.
 */
const ROLLOUT: Record<Role, Rollout> = {
  distributor: "surge",
  ingester: "one-at-a-time",
  querier: "surge",
  queryFrontend: "surge",
  compactor: "one-at-a-time",
  metricsGenerator: "one-at-a-time",
};

const keyOf = (role: Role) => TEMPO_ROLES[role].serviceName.replace(/^tempo-/, "");

/** Tempo in microservices mode, one service per role from one config file (`-target` picks the role). */
export function tempoServices(stack: LgtmStack, clients: TempoClients): Record<string, FargateServiceSpec> {
  const { settings } = stack;
  const roles = Object.keys(TEMPO_ROLES) as Role[];
  const fqdns = Object.fromEntries(roles.map((role) => [role, stack.fqdn(TEMPO_ROLES[role].serviceName)])) as unknown as TempoFqdns;
  const config = stack.shared("tempo_config", yamlDocument(
    tempoConfig({
      bucket: settings.bucket,
      region: stack.cluster.region,
      prefix: BUCKET_PREFIX,
      fqdns,
      tenant: settings.tenant,
      mimirPushUrl: `${httpUrl(stack.fqdn("mimir"), LGTM_PORTS.mimirHttp)}/api/v1/push`,
      retentionDays: settings.retention.tempo_days,
      replicationFactor: settings.replication.tempo,
    }),
  ));
  const own = { from_services: roles.map(keyOf) };
  const otlp = (route: keyof typeof OTLP_ROUTES) => ({
    port: OTLP_ROUTES[route],
    from_security_group_ids: allOf(clients.collectors, stack.albSources([route])),
    from_cidrs: settings.ingestion_cidrs,
  });
  const service = (role: Role): FargateServiceSpec => {
    const name = TEMPO_ROLES[role].serviceName;
    const distributor = role === "distributor";
    // The OTLP target groups check the distributor's readiness on its HTTP port.
    const httpSources = distributor ? allOf(clients.collectors, stack.albSources(Object.keys(OTLP_ROUTES))) : role === "queryFrontend" ? allOf(clients.readers, clients.collectors) : allOf(clients.collectors);
    return roleService(stack.size(name), ROLLOUT[role], {
      image: settings.images.tempo,
      command: [`-config.file=${CONFIG_FILE}`, ...TEMPO_ROLES[role].flags],
      files: { [CONFIG_FILE]: config },
      ports: [LGTM_PORTS.tempoHttp, LGTM_PORTS.grpc, LGTM_PORTS.memberlist, ...(distributor ? [LGTM_PORTS.otlpGrpc, LGTM_PORTS.otlpHttp] : [])],
      ingress: [
        { port: LGTM_PORTS.tempoHttp, ...own, from_security_group_ids: httpSources },
        { port: LGTM_PORTS.grpc, ...own },
        { port: LGTM_PORTS.memberlist, ...own },
        ...(distributor ? [otlp("tempo_otlp_grpc"), otlp("tempo_otlp_http")] : []),
      ],
      load_balancers: distributor ? stack.loadBalancers(OTLP_ROUTES) : [],
      service_registry: { arn: stack.registryArn(name) },
      // The distributor only hashes spans to ingesters and generators; every other role opens the trace store.
      task_policies: distributor ? {} : { storage: stack.policyDocument("tempo") },
      stop_timeout: ROLLOUT[role] === "one-at-a-time" ? 120 : null,
    });
  };
  return Object.fromEntries(roles.map((role) => [keyOf(role), service(role)]));
}
