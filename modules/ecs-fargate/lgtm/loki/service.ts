import { IResolvable, Token } from "cdktf";
import { hclString, yamlDocument } from "../../../../lib/hcl";
import { FargateServiceSpec } from "../../fargate-service/spec";
import { LGTM_PORTS } from "../config-values";
import { Rollout, roleService } from "../role-service";
import { RoleSizeInput } from "../settings";
import { allOf, LgtmStack, Sources, withOptional } from "../stack";
import { LOKI_ROLES, LokiFqdns, lokiConfig } from "./config";

const CONFIG_FILE = "/etc/loki/loki.yaml";
/** The bucket prefix lgtm-storage gives Loki (and scopes Loki's policy document to). */
const BUCKET_PREFIX = "loki";
const CACHES = { chunks: "loki-chunks-cache", results: "loki-results-cache" } as const;

/** Who besides Loki's own tasks reaches Loki. */
export interface LokiClients {
  /** Grafana: queries, on the query-frontend. */
  readonly readers: Sources;
  /** Alloy: pushes to the distributor, scrapes every role. */
  readonly collectors: Sources;
}

type Role = keyof typeof LOKI_ROLES;

/**
 * How each role rolls out. Ingesters one at a time: each flushes its chunks to S3 on SIGTERM and
 * leaves the ring first. At replication factor 2 with two ingesters a push needs both, so Loki
 * refuses pushes while one is replaced and senders retry them; nothing acknowledged is lost. The
 * compactor is a singleton (two would both apply retention), so it stops before its successor.
 */
const ROLLOUT: Record<Role, Rollout> = {
  distributor: "surge",
  ingester: "one-at-a-time",
  querier: "surge",
  queryFrontend: "surge",
  compactor: "stop-first",
};

/** Service keys: the Cloud Map name without the group's `loki-`. */
const keyOf = (role: Role) => LOKI_ROLES[role].serviceName.replace(/^loki-/, "");

/**
 * Loki in microservices mode, one service per role from one config file (`-target` picks the role),
 * and, when the sizing has them, memcached for chunks and query results.
 */
export function lokiServices(stack: LgtmStack, clients: LokiClients): Record<string, FargateServiceSpec> | IResolvable {
  const { settings } = stack;
  const roles = Object.keys(LOKI_ROLES) as Role[];
  const fqdns = Object.fromEntries(roles.map((role) => [role, stack.fqdn(LOKI_ROLES[role].serviceName)])) as unknown as LokiFqdns;
  const config = stack.shared("loki_config", yamlDocument(
    lokiConfig({
      bucket: settings.bucket,
      region: stack.cluster.region,
      prefix: BUCKET_PREFIX,
      fqdns,
      retentionDays: settings.retention.loki_days,
      infoRetentionDays: settings.retention.loki_info_days,
      replicationFactor: settings.replication.loki,
      caches: { memcached: stack.runs(CACHES.chunks), chunksFqdn: stack.fqdn(CACHES.chunks), resultsFqdn: stack.fqdn(CACHES.results) },
    }),
  ));
  const group = roles.map(keyOf);
  const own = { from_services: group };
  const http = (role: Role): string[] => {
    if (role === "distributor") return allOf(clients.collectors, stack.albSources(["loki"]));
    if (role === "queryFrontend") return allOf(clients.readers, clients.collectors);
    return allOf(clients.collectors);
  };
  const service = (role: Role): FargateServiceSpec => {
    const name = LOKI_ROLES[role].serviceName;
    return roleService(stack.size(name), ROLLOUT[role], {
      image: settings.images.loki,
      command: [`-config.file=${CONFIG_FILE}`, ...LOKI_ROLES[role].flags],
      files: { [CONFIG_FILE]: config },
      ports: [LGTM_PORTS.lokiHttp, LGTM_PORTS.grpc, LGTM_PORTS.memberlist],
      ingress: [
        { port: LGTM_PORTS.lokiHttp, ...own, from_security_group_ids: http(role), from_cidrs: role === "distributor" ? settings.ingestion_cidrs : [] },
        { port: LGTM_PORTS.grpc, ...own },
        { port: LGTM_PORTS.memberlist, ...own },
      ],
      load_balancers: role === "distributor" ? stack.loadBalancers({ loki: LGTM_PORTS.lokiHttp }) : [],
      service_registry: { arn: stack.registryArn(name) },
      // The distributor only hashes pushes to ingesters; every other role reads or writes the bucket.
      task_policies: role === "distributor" ? {} : { storage: stack.policyDocument("loki") },
      stop_timeout: role === "ingester" ? 120 : null,
    });
  };
  const memcached = (size: Required<RoleSizeInput>, registryArn: string): FargateServiceSpec =>
    roleService(size, "surge", {
      image: settings.images.memcached,
      // -I 5m: chunks can pass memcached's default 1 MB item limit.
      command: ["-m", numberText(size.memcached_mib!), "-I", "5m"],
      ports: [LGTM_PORTS.memcached],
      ingress: [{ port: LGTM_PORTS.memcached, from_services: group }],
      service_registry: { arn: registryArn },
    });
  return withOptional(Object.fromEntries(roles.map((role) => [keyOf(role), service(role)])), stack.optionalServices(Object.values(CACHES), "loki-", memcached));
}

/** A number as a command argument. */
function numberText(value: number): string {
  return Token.isUnresolved(value) ? hclString`tostring(${value})` : String(value);
}
