/**
 * Metrics the LGTM components and Alloy expose on /metrics at the pinned versions, each with where
 * it was read. Histograms also expose `_bucket`, `_count` and `_sum`. CloudWatch metrics are not
 * listed here: their names follow from what Alloy is configured to collect (cloudwatch-metrics.ts).
 */
interface ProducedMetric {
  readonly type: "counter" | "gauge" | "histogram";
  /** Where the name and its registration were read (`repo@tag:path`, or repo/path@commit from the search index). */
  readonly source: string;
}

const DSKIT_SERVER = "dskit server/metrics.go (request_duration_seconds, Namespace = cfg.MetricsNamespace), vendored at grafana/loki@v3.7.6";
const DSKIT_RING = "dskit ring/ring.go ring_members{name,state} (states ACTIVE, LEAVING, PENDING, JOINING, Unhealthy), vendored at grafana/loki@v3.7.6";

export const PRODUCED_METRICS: Readonly<Record<string, ProducedMetric>> = {
  // Any scrape: Alloy sets up per target.
  up: { type: "gauge", source: "grafana/alloy@v1.18.1:docs/sources/reference/components/prometheus/prometheus.scrape.md (`up`)" },

  // Mimir 3.0 (no snapshot could be fetched; read from the search index).
  cortex_distributor_received_samples_total: { type: "counter", source: "grafana/mimir pkg/distributor/distributor.go (receivedSamples)" },
  cortex_discarded_samples_total: { type: "counter", source: "grafana/mimir pkg/util/validation DiscardedSamplesCounter" },
  cortex_request_duration_seconds: { type: "histogram", source: `grafana/mimir operations/mimir-mixin/dashboards/writes.libsonnet; ${DSKIT_SERVER} with namespace cortex` },
  cortex_ring_members: { type: "gauge", source: "grafana/mimir operations/mimir-mixin/alerts/alerts.libsonnet (IngesterUnhealthy)" },
  cortex_ingester_shipper_uploads_total: { type: "counter", source: "grafana/mimir operations/mimir-mixin/dashboards/writes.libsonnet (Ingester - Shipper)" },
  cortex_ingester_shipper_upload_failures_total: { type: "counter", source: "grafana/mimir operations/mimir-mixin/dashboards/writes.libsonnet (Ingester - Shipper)" },
  thanos_objstore_bucket_operation_failures_total: { type: "counter", source: "grafana/mimir operations/mimir-mixin/dashboards/object-store.libsonnet (by component)" },

  // Loki 3.7 (constants.Loki = "loki").
  loki_distributor_lines_received_total: { type: "counter", source: "grafana/loki@v3.7.6:pkg/loghttp/push/push.go" },
  loki_discarded_samples_total: { type: "counter", source: "grafana/loki@v3.7.6:pkg/validation/validate.go" },
  loki_request_duration_seconds: { type: "histogram", source: `grafana/loki@v3.7.6:pkg/loki/loki.go (Server.MetricsNamespace = loki); ${DSKIT_SERVER}` },
  loki_ring_members: { type: "gauge", source: `grafana/loki@v3.7.6:pkg/loki/modules.go (ring registerer prefixed loki_); ${DSKIT_RING}` },
  loki_ingester_chunks_flushed_total: { type: "counter", source: "grafana/loki@v3.7.6:pkg/ingester/metrics.go" },
  loki_ingester_chunks_flush_failures_total: { type: "counter", source: "grafana/loki@v3.7.6:pkg/ingester/metrics.go" },
  loki_s3_request_duration_seconds: {
    type: "histogram",
    source: "grafana/loki@v3.7.6:pkg/storage/chunk/client/aws/s3_storage_client.go (status_code from dskit instrument.ErrorCode: 200 or 500)",
  },

  // Tempo 2.10.
  tempo_distributor_spans_received_total: { type: "counter", source: "grafana/tempo@v2.10.8:modules/distributor/distributor.go" },
  tempo_discarded_spans_total: { type: "counter", source: "grafana/tempo@v2.10.8:modules/overrides/discarded_spans.go" },
  tempo_request_duration_seconds: { type: "histogram", source: `grafana/tempo@v2.10.8:cmd/tempo/app/modules.go (Server.MetricsNamespace = tempo); ${DSKIT_SERVER}` },
  tempo_ring_members: { type: "gauge", source: `grafana/tempo@v2.10.8:pkg/ring/ring.go (registerer prefixed tempo_); ${DSKIT_RING}` },
  tempo_ingester_blocks_flushed_total: { type: "counter", source: "grafana/tempo@v2.10.8:modules/ingester/flush.go" },
  tempo_ingester_failed_flushes_total: { type: "counter", source: "grafana/tempo@v2.10.8:modules/ingester/flush.go" },
  tempodb_backend_request_duration_seconds: { type: "histogram", source: "grafana/tempo@v2.10.8:tempodb/backend/instrumentation/backend_transports.go (S3 status code)" },

  // Pyroscope 1.21.
  pyroscope_distributor_received_compressed_bytes: { type: "histogram", source: "grafana/pyroscope@v1.21.1:pkg/distributor/metrics.go (one observation per profile)" },
  pyroscope_discarded_samples_total: { type: "counter", source: "grafana/pyroscope@v1.21.1:pkg/validation/validate.go" },
  pyroscope_request_duration_seconds: {
    type: "histogram",
    source: "grafana/pyroscope@v1.21.1:pkg/util/http.go with the pyroscope_ registerer of pkg/pyroscope/modules.go; operations/monitoring/dashboards/operational.json",
  },
  pyroscope_ring_members: { type: "gauge", source: "grafana/pyroscope@v1.21.1:pkg/test/integration/cluster/component.go" },
  pyroscope_head_flushed_blocks_total: { type: "counter", source: "grafana/pyroscope@v1.21.1:pkg/phlaredb/metrics.go (status success|failed, pkg/phlaredb/head.go)" },
  objstore_bucket_operation_failures_total: {
    type: "counter",
    source: "grafana/pyroscope@v1.21.1:pkg/objstore/client/factory.go (objstore.WrapWithMetrics, unprefixed registry); operations/monitoring/dashboards/operational.json",
  },

  // Alloy 1.18 (component debug metrics).
  prometheus_remote_storage_samples_total: { type: "counter", source: "grafana/alloy@v1.18.1:docs/sources/reference/components/prometheus/prometheus.remote_write.md" },
  prometheus_remote_storage_samples_failed_total: { type: "counter", source: "grafana/alloy@v1.18.1:docs/sources/reference/components/prometheus/prometheus.remote_write.md" },
  loki_write_sent_entries_total: { type: "counter", source: "grafana/alloy@v1.18.1:docs/sources/reference/components/loki/loki.write.md" },
  loki_write_dropped_entries_total: { type: "counter", source: "grafana/alloy@v1.18.1:docs/sources/reference/components/loki/loki.write.md" },
  otelcol_exporter_sent_spans_total: { type: "counter", source: "grafana/alloy@v1.18.1:docs/sources/reference/components/otelcol/otelcol.exporter.otlp.md" },
  otelcol_exporter_send_failed_spans_total: { type: "counter", source: "grafana/alloy@v1.18.1:docs/sources/reference/components/otelcol/otelcol.exporter.otlp.md" },

  // Tempo's metrics-generator, queried by the Tempo datasource's trace-to-metrics links.
  traces_spanmetrics_calls_total: { type: "counter", source: "grafana/tempo@v2.10.8:docs/sources/tempo/metrics-from-traces/span-metrics/span-metrics-metrics-generator.md" },
  traces_spanmetrics_latency: { type: "histogram", source: "grafana/tempo@v2.10.8:docs/sources/tempo/metrics-from-traces/span-metrics/span-metrics-metrics-generator.md" },
};

/** True when the series name is a listed metric, or a `_bucket`/`_count`/`_sum` series of a listed histogram. */
export function isProducedMetric(name: string): boolean {
  if (PRODUCED_METRICS[name]) return true;
  const histogram = name.match(/^(.*)_(bucket|count|sum)$/);
  return histogram !== null && PRODUCED_METRICS[histogram[1]]?.type === "histogram";
}
