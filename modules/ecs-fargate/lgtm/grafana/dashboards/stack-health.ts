import { DashboardSpec, Query } from "./panels";

const RATE = "[$__rate_interval]";

/** A rate summed per job, one query per metric. */
function perJob(metrics: readonly [string, string][], selector = ""): Query[] {
  return metrics.map(([metric, legend]) => ({ expr: `sum by (job) (rate(${metric}${selector}${RATE}))`, legend: `{{job}} ${legend}` }));
}

/**
 * The stack watching itself, from what Alloy scrapes off every component's /metrics: which jobs
 * are up, what flows in, what is rejected or fails, ring membership, object storage and flushes.
 */
export const STACK_HEALTH: DashboardSpec = {
  uid: "lgtm-stack-health",
  title: "LGTM stack health",
  panels: [
    {
      title: "Healthy scrape targets per job",
      description: "Targets answering /metrics, per component (Cloud Map A records scraped by Alloy). 0 means the component is down.",
      unit: "short",
      kind: "stat",
      width: 24,
      queries: [{ expr: "sum by (job) (up)", legend: "{{job}}" }],
    },
    {
      title: "Ingest rate",
      description: "Samples (Mimir), log lines (Loki), spans (Tempo) and profiles (Pyroscope) accepted by the distributors, per second.",
      unit: "short",
      queries: perJob([
        ["cortex_distributor_received_samples_total", "samples"],
        ["loki_distributor_lines_received_total", "lines"],
        ["tempo_distributor_spans_received_total", "spans"],
        ["pyroscope_distributor_received_compressed_bytes_count", "profiles"],
      ]),
    },
    {
      title: "Discarded data",
      description: "Data rejected at ingest (limits, validation), per second and reason.",
      unit: "short",
      queries: [
        ["cortex_discarded_samples_total", "samples"],
        ["loki_discarded_samples_total", "lines"],
        ["tempo_discarded_spans_total", "spans"],
        ["pyroscope_discarded_samples_total", "profiles"],
      ].map(([metric, legend]) => ({ expr: `sum by (job, reason) (rate(${metric}${RATE}))`, legend: `{{job}} ${legend} {{reason}}` })),
    },
    {
      title: "Server errors (HTTP 5xx)",
      description: "Requests answered with a 5xx status, per second and component: failed pushes and failed queries.",
      unit: "reqps",
      queries: perJob(
        [
          ["cortex_request_duration_seconds_count", "5xx"],
          ["loki_request_duration_seconds_count", "5xx"],
          ["tempo_request_duration_seconds_count", "5xx"],
          ["pyroscope_request_duration_seconds_count", "5xx"],
        ],
        '{status_code=~"5.."}',
      ),
    },
    {
      title: "Ring members by state",
      description: "Members of each hash ring as each component sees it; any member not ACTIVE (Unhealthy: missed heartbeats) is a ring missing a member.",
      unit: "short",
      queries: ["cortex_ring_members", "loki_ring_members", "tempo_ring_members", "pyroscope_ring_members"].map((metric) => ({
        expr: `max by (job, name, state) (${metric}) > 0`,
        legend: "{{job}} {{name}} {{state}}",
      })),
    },
    {
      title: "Object storage (S3) errors",
      description: "Failed bucket operations per second: Mimir and Pyroscope count them per operation; Loki's S3 client reports a failed call as 500, Tempo the S3 status code.",
      unit: "ops",
      queries: [
        { expr: `sum by (job, operation) (rate(thanos_objstore_bucket_operation_failures_total${RATE}))`, legend: "{{job}} {{operation}}" },
        { expr: `sum by (job, operation) (rate(loki_s3_request_duration_seconds_count{status_code="500"}${RATE}))`, legend: "{{job}} {{operation}}" },
        { expr: `sum by (job, operation) (rate(tempodb_backend_request_duration_seconds_count{status_code=~"5.."}${RATE}))`, legend: "{{job}} {{operation}}" },
        { expr: `sum by (job, operation) (rate(objstore_bucket_operation_failures_total${RATE}))`, legend: "{{job}} {{operation}}" },
      ],
    },
    {
      title: "Ingester flushes",
      description: "Blocks and chunks the ingesters write to object storage, per second.",
      unit: "ops",
      queries: [
        ...perJob([
          ["cortex_ingester_shipper_uploads_total", "blocks uploaded"],
          ["loki_ingester_chunks_flushed_total", "chunks flushed"],
          ["tempo_ingester_blocks_flushed_total", "blocks flushed"],
        ]),
        ...perJob([["pyroscope_head_flushed_blocks_total", "blocks flushed"]], '{status="success"}'),
      ],
    },
    {
      title: "Ingester flush failures",
      description: "Failed block uploads and chunk or block flushes, per second; anything above zero risks data held only in memory or on local disk.",
      unit: "ops",
      queries: [
        ...perJob([
          ["cortex_ingester_shipper_upload_failures_total", "upload failures"],
          ["loki_ingester_chunks_flush_failures_total", "flush failures"],
          ["tempo_ingester_failed_flushes_total", "flush failures"],
        ]),
        ...perJob([["pyroscope_head_flushed_blocks_total", "flush failures"]], '{status="failed"}'),
      ],
    },
    {
      title: "Alloy deliveries",
      description: "What the collector sends on (samples to Mimir, log entries to Loki, spans to Tempo) and what it fails to deliver, per second.",
      unit: "short",
      width: 24,
      queries: perJob([
        ["prometheus_remote_storage_samples_total", "samples sent"],
        ["prometheus_remote_storage_samples_failed_total", "samples failed"],
        ["loki_write_sent_entries_total", "log entries sent"],
        ["loki_write_dropped_entries_total", "log entries dropped"],
        ["otelcol_exporter_sent_spans_total", "spans sent"],
        ["otelcol_exporter_send_failed_spans_total", "spans failed"],
      ]),
    },
  ],
};
