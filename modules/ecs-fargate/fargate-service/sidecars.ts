import { IResolvable } from "cdktf";
import { hcl, hclLines, raw } from "../../../lib/hcl";

/** Container names the module adds next to a service's main container. */
export const CONTAINERS = { configFiles: "config-files", alloy: "alloy", logRouter: "log-router" } as const;

/** Where the Alloy sidecar reads its config, written by the config-files init container. */
export const ALLOY_CONFIG_PATH = "/etc/alloy-sidecar/sidecar.alloy";
/** Alloy's working directory (WAL, component state); a task-scoped scratch volume. */
export const ALLOY_DATA_PATH = "/var/lib/alloy/data";
/** Ports the Alloy sidecar binds in the task's network namespace; the main container must leave them free. */
export const ALLOY_PORTS = [4317, 4318, 12345];

/**
 * The Alloy sidecar's arguments, one per element. The HTTP server stays on the task's loopback;
 * `--stability.level=experimental` is needed by `otelcol.receiver.awsecscontainermetrics`.
 */
export const ALLOY_COMMAND = [
  "run",
  "--server.http.listen-addr=127.0.0.1:12345",
  `--storage.path=${ALLOY_DATA_PATH}`,
  "--stability.level=experimental",
  ALLOY_CONFIG_PATH,
];

/**
 * The sidecar's config as a `format` string: `%q` is the OTLP/HTTP endpoint, `%s` the headers line.
 * The app sends OTLP to localhost:4317 (gRPC) or :4318 (HTTP); nothing outside the task can.
 */
const ALLOY_CONFIG_FORMAT = `otelcol.receiver.otlp "app" {
  grpc {
    endpoint = "127.0.0.1:4317"
  }
  http {
    endpoint = "127.0.0.1:4318"
  }
  output {
    metrics = [otelcol.processor.batch.stack.input]
    logs    = [otelcol.processor.batch.stack.input]
    traces  = [otelcol.processor.batch.stack.input]
  }
}

otelcol.receiver.awsecscontainermetrics "task" {
  output {
    metrics = [otelcol.processor.batch.stack.input]
  }
}

otelcol.processor.batch "stack" {
  output {
    metrics = [otelcol.exporter.otlphttp.stack.input]
    logs    = [otelcol.exporter.otlphttp.stack.input]
    traces  = [otelcol.exporter.otlphttp.stack.input]
  }
}

otelcol.exporter.otlphttp "stack" {
  client {
    endpoint = %q
    %s
  }
}
`;

/** HCL: the Alloy sidecar config for a telemetry object (an expression). */
export function alloyConfig(telemetry: unknown): IResolvable {
  return hclLines`format(${ALLOY_CONFIG_FORMAT}, ${telemetry}.otlp_endpoint,
    ${telemetry}.tenant == null ? "" : format("headers = { \\"X-Scope-OrgID\\" = %q }", ${telemetry}.tenant))`;
}

/** What the app container is told about its Alloy sidecar; its own `environment` wins. */
export const OTEL_ENVIRONMENT = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf" };

/** A Loki push URL: scheme, host, optional port, optional path. */
export const LOKI_URL_PATTERN = "^(https?)://([^/:]+)(?::([0-9]+))?(/.*)?$";

/**
 * HCL: the FireLens `logConfiguration` options of Fluent Bit's `loki` output for a push URL
 * (`url`), labelled with the service and cluster, with the tenant when there is one.
 */
export function lokiOutputOptions(url: unknown, telemetry: unknown, serviceName: unknown, clusterName: unknown): IResolvable {
  const part = (index: number) => hcl`regex(${LOKI_URL_PATTERN}, ${url})[${raw(String(index))}]`;
  return hclLines`tomap(merge({
    Name = "loki",
    host = ${part(1)},
    port = coalesce(${part(2)}, ${part(0)} == "https" ? "443" : "80"),
    tls = ${part(0)} == "https" ? "on" : "off",
    uri = coalesce(${part(3)}, "/loki/api/v1/push"),
    labels = format("service_name=%s, ecs_cluster=%s", ${serviceName}, ${clusterName}),
    line_format = "json"
  }, ${telemetry}.tenant == null ? {} : { tenant_id = ${telemetry}.tenant }))`;
}
