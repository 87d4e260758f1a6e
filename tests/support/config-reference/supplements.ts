import { ANY, block, KeyNode, listOf, mapOf, scalar, withOrigin } from "./key-tree";

/**
 * Schemas the references point at but do not spell out, read from the pinned versions' source,
 * by the path they fill (`[]` = a list's element). Only the keys listed are accepted there.
 */
export interface Supplement {
  /** Where in the component's tree the schema belongs. */
  readonly path: string;
  /** The file the keys were read from, at the pinned tag. */
  readonly source: string;
  readonly node: KeyNode;
}

const string = scalar("string");
const int = scalar("int");
const boolean = scalar("boolean");
const duration = scalar("duration");

/** OTLP receiver protocol settings (OpenTelemetry Collector), as Tempo passes them through. */
const otlpServer = (extra: Record<string, KeyNode>) =>
  block({ endpoint: string, transport: string, dialer: ANY, tls: ANY, auth: ANY, include_metadata: boolean, ...extra });

export const SUPPLEMENTS: Readonly<Record<string, readonly Supplement[]>> = {
  loki: [
    {
      path: "limits_config.retention_stream[]",
      source: "grafana/loki@v3.7.6 pkg/validation/limits.go (StreamRetention)",
      node: block({ period: duration, priority: int, selector: string }),
    },
  ],
  tempo: [
    {
      // The manifest lists only non-zero root values; the guide's server block documents it.
      path: "multitenancy_enabled",
      source: "grafana/tempo@v2.10.8 cmd/tempo/app/config.go (MultitenancyEnabled, omitempty) and the configuration guide's server block",
      node: boolean,
    },
    {
      // Not in the manifest (false is its zero value); the API docs' "Tempo gRPC API" section sets it for Grafana.
      path: "stream_over_http_enabled",
      source: "grafana/tempo@v2.10.8 cmd/tempo/app/config.go (StreamOverHTTPEnabled, omitempty) and docs/sources/tempo/api_docs/_index.md",
      node: boolean,
    },
    {
      path: "distributor.receivers.otlp.protocols.grpc",
      source:
        "grafana/tempo@v2.10.8 vendor/go.opentelemetry.io/collector/config/configgrpc/configgrpc.go (ServerConfig) and config/confignet/confignet.go (AddrConfig, squashed)",
      node: otlpServer({ max_recv_msg_size_mib: int, max_concurrent_streams: int, read_buffer_size: int, write_buffer_size: int, keepalive: ANY }),
    },
    {
      path: "distributor.receivers.otlp.protocols.http",
      source:
        "grafana/tempo@v2.10.8 vendor/go.opentelemetry.io/collector/receiver/otlpreceiver/config.go (HTTPConfig) and config/confighttp/server.go (ServerConfig, squashed)",
      node: otlpServer({ cors: ANY, max_request_body_size: int, traces_url_path: string, metrics_url_path: string, logs_url_path: string }),
    },
    {
      path: "metrics_generator.storage.remote_write",
      source:
        "grafana/tempo@v2.10.8 modules/generator/storage/config.go (RemoteWrite) and vendor/github.com/prometheus/prometheus/config/config.go (RemoteWriteConfig, HTTPClientConfig inline)",
      node: listOf(
        block({
          url: string,
          remote_timeout: duration,
          headers: mapOf(string),
          write_relabel_configs: listOf(ANY),
          name: string,
          send_exemplars: boolean,
          send_native_histograms: boolean,
          round_robin_dns: boolean,
          protobuf_message: string,
          queue_config: ANY,
          metadata_config: ANY,
          sigv4: ANY,
          basic_auth: ANY,
          authorization: ANY,
          oauth2: ANY,
          tls_config: ANY,
          follow_redirects: boolean,
          enable_http2: boolean,
        }),
      ),
    },
    {
      path: "overrides.defaults.metrics_generator.processors",
      source: "grafana/tempo@v2.10.8 modules/overrides/config.go (Processors) and the configuration guide's overrides block",
      node: listOf(string),
    },
  ],
};

/** The supplement's node, marked with its source. */
export function supplementNode(supplement: Supplement): KeyNode {
  return withOrigin(supplement.node, supplement.source);
}
