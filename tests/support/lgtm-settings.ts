import { Fn, TerraformStack, TerraformVariable } from "cdktf";
import { objectToken } from "../../lib/object-token";
import { LokiSettings } from "../../modules/ecs-fargate/lgtm/loki/config";
import { MimirSettings } from "../../modules/ecs-fargate/lgtm/mimir/config";
import { PyroscopeSettings } from "../../modules/ecs-fargate/lgtm/pyroscope/config";
import { TempoSettings } from "../../modules/ecs-fargate/lgtm/tempo/config";

/** Settings of all four components. */
export interface LgtmSettings {
  readonly mimir: MimirSettings;
  readonly loki: LokiSettings;
  readonly tempo: TempoSettings;
  readonly pyroscope: PyroscopeSettings;
}

const fqdn = (role: string) => `${role}.lgtm.local`;

/** Seed 004's production shape, as literals (an env's face). */
export const PROD_SETTINGS: LgtmSettings = {
  mimir: { bucket: "sys-lgtm-s3", region: "ap-northeast-2", fqdn: fqdn("mimir"), retentionDays: 365, replicationFactor: 3 },
  loki: {
    bucket: "sys-lgtm-s3",
    region: "ap-northeast-2",
    prefix: "loki",
    fqdns: {
      distributor: fqdn("loki-distributor"),
      ingester: fqdn("loki-ingester"),
      querier: fqdn("loki-querier"),
      queryFrontend: fqdn("loki-query-frontend"),
      compactor: fqdn("loki-compactor"),
    },
    retentionDays: 365,
    infoRetentionDays: 30,
    replicationFactor: 2,
    caches: { memcached: true, chunksFqdn: fqdn("loki-chunks-cache"), resultsFqdn: fqdn("loki-results-cache") },
  },
  tempo: {
    bucket: "sys-lgtm-s3",
    region: "ap-northeast-2",
    prefix: "tempo",
    fqdns: {
      distributor: fqdn("tempo-distributor"),
      ingester: fqdn("tempo-ingester"),
      querier: fqdn("tempo-querier"),
      queryFrontend: fqdn("tempo-query-frontend"),
      compactor: fqdn("tempo-compactor"),
      metricsGenerator: fqdn("tempo-metrics-generator"),
    },
    tenant: "lgtm",
    mimirPushUrl: "http://mimir.lgtm.local:8080/api/v1/push",
    retentionDays: 7,
    replicationFactor: 1,
  },
  pyroscope: { bucket: "sys-lgtm-s3", region: "ap-northeast-2", prefix: "pyroscope", fqdn: fqdn("pyroscope"), tenant: "lgtm", retentionDays: 30, replicationFactor: 1 },
};

/** Values for the root variables {@link variableSettings} declares: a small dev profile. */
export const DEV_VARS = {
  bucket: "lgtm-dev-data",
  region: "eu-west-1",
  tenant: "dev-team",
  retention_days: 14,
  info_retention_days: 3,
  replication_factor: 1,
  memcached: false,
  mimir_push_url: "http://mimir.dev.internal:8080/api/v1/push",
  loki_fqdns: {
    distributor: "loki-distributor.dev.internal",
    ingester: "loki-ingester.dev.internal",
    querier: "loki-querier.dev.internal",
    query_frontend: "loki-query-frontend.dev.internal",
    compactor: "loki-compactor.dev.internal",
  },
  namespace: "dev.internal",
};

/**
 * The same settings read from root variables, as a published module's `var.*` tokens: plain
 * variables, and an object variable whose attributes are read through `objectToken`.
 */
export function variableSettings(stack: TerraformStack): LgtmSettings {
  const variable = (name: string, type: string) => new TerraformVariable(stack, name, { type });
  const bucket = variable("bucket", "string").stringValue;
  const region = variable("region", "string").stringValue;
  const tenant = variable("tenant", "string").stringValue;
  const retentionDays = variable("retention_days", "number").numberValue;
  const replicationFactor = variable("replication_factor", "number").numberValue;
  const namespace = variable("namespace", "string").stringValue;
  const lokiFqdns = objectToken(variable("loki_fqdns", "object({ distributor = string, ingester = string, querier = string, query_frontend = string, compactor = string })").value, {
    distributor: "string",
    ingester: "string",
    querier: "string",
    query_frontend: "string",
    compactor: "string",
  }) as unknown as Record<string, string>;
  const inNamespace = (role: string) => Fn.format("%s.%s", [role, namespace]);
  return {
    mimir: { bucket, region, fqdn: inNamespace("mimir"), retentionDays, replicationFactor },
    loki: {
      bucket,
      region,
      prefix: "loki",
      fqdns: { distributor: lokiFqdns.distributor, ingester: lokiFqdns.ingester, querier: lokiFqdns.querier, queryFrontend: lokiFqdns.query_frontend, compactor: lokiFqdns.compactor },
      retentionDays,
      infoRetentionDays: variable("info_retention_days", "number").numberValue,
      replicationFactor,
      caches: { memcached: variable("memcached", "bool").booleanValue, chunksFqdn: inNamespace("loki-chunks-cache"), resultsFqdn: inNamespace("loki-results-cache") },
    },
    tempo: {
      bucket,
      region,
      prefix: "tempo",
      fqdns: {
        distributor: inNamespace("tempo-distributor"),
        ingester: inNamespace("tempo-ingester"),
        querier: inNamespace("tempo-querier"),
        queryFrontend: inNamespace("tempo-query-frontend"),
        compactor: inNamespace("tempo-compactor"),
        metricsGenerator: inNamespace("tempo-metrics-generator"),
      },
      tenant,
      mimirPushUrl: variable("mimir_push_url", "string").stringValue,
      retentionDays,
      replicationFactor,
    },
    pyroscope: { bucket, region, prefix: "pyroscope", fqdn: inNamespace("pyroscope"), tenant, retentionDays, replicationFactor },
  };
}
