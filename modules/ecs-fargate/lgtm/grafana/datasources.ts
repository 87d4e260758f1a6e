import { SCRAPE_INTERVAL } from "../alloy/config";
import { grafanaEscaped } from "./escape";
import { jsonDocument } from "../../../../lib/hcl";
import { GrafanaSettings } from "./settings";

/** The fixed uids dashboards and alert rules reference the datasources by. */
export const DATASOURCE_UIDS = { mimir: "mimir", loki: "loki", tempo: "tempo", pyroscope: "pyroscope" } as const;

/** The Grafana plugin id of the Mimir datasource, which dashboards name with its uid. */
export const MIMIR_DATASOURCE_TYPE = "prometheus";

/**
 * The datasources provisioning file (JSON, which Grafana's YAML reader accepts). Every datasource
 * sends the tenant as `X-Scope-OrgID` through Grafana's custom-header fields, which the Prometheus,
 * Loki and Pyroscope backends apply through the plugin SDK's HTTP client options and Tempo also to
 * its streaming gRPC calls (grafana/grafana pkg/tsdb/tempo/grpc.go, CustomHeadersStreamInterceptor).
 */
export function datasourcesFile(settings: GrafanaSettings): string {
  const tenantHeader = { httpHeaderName1: "X-Scope-OrgID" };
  const tenantValue = { httpHeaderValue1: settings.tenant };
  const common = { access: "proxy", editable: false, secureJsonData: tenantValue };
  return jsonDocument(
    grafanaEscaped({
      apiVersion: 1,
      datasources: [
        {
          ...common,
          name: "Mimir",
          type: MIMIR_DATASOURCE_TYPE,
          uid: DATASOURCE_UIDS.mimir,
          url: settings.mimirUrl,
          isDefault: true,
          jsonData: {
            ...tenantHeader,
            prometheusType: "Mimir",
            httpMethod: "POST",
            // The step Grafana's $__rate_interval is built on: Alloy's scrape interval.
            timeInterval: SCRAPE_INTERVAL,
            exemplarTraceIdDestinations: [{ name: "trace_id", datasourceUid: DATASOURCE_UIDS.tempo }],
          },
        },
        {
          ...common,
          name: "Loki",
          type: "loki",
          uid: DATASOURCE_UIDS.loki,
          url: settings.lokiUrl,
          jsonData: {
            ...tenantHeader,
            // Trace ids as logfmt (traceID=…), JSON ("traceid":"…", what otelcol.exporter.loki writes) or trace_id: ….
            // Grafana runs this in the browser: no inline flags like (?i), which JavaScript rejects.
            derivedFields: [
              { name: "TraceID", matcherRegex: "[Tt]race_?[Ii][Dd]\\W+(\\w+)", datasourceUid: DATASOURCE_UIDS.tempo, url: "${__value.raw}", urlDisplayLabel: "View trace" },
            ],
          },
        },
        {
          ...common,
          name: "Tempo",
          type: "tempo",
          uid: DATASOURCE_UIDS.tempo,
          url: settings.tempoUrl,
          jsonData: {
            ...tenantHeader,
            // Alloy makes service.name the Loki label service_name; Tempo's span metrics call it service.
            tracesToLogsV2: {
              datasourceUid: DATASOURCE_UIDS.loki,
              spanStartTimeShift: "-1h",
              spanEndTimeShift: "1h",
              filterByTraceID: true,
              tags: [{ key: "service.name", value: "service_name" }],
            },
            tracesToMetrics: {
              datasourceUid: DATASOURCE_UIDS.mimir,
              spanStartTimeShift: "-1h",
              spanEndTimeShift: "1h",
              tags: [{ key: "service.name", value: "service" }],
              queries: [
                { name: "Request rate", query: "sum(rate(traces_spanmetrics_calls_total{$__tags}[5m]))" },
                { name: "p90 latency", query: "histogram_quantile(0.9, sum by (le) (rate(traces_spanmetrics_latency_bucket{$__tags}[5m])))" },
              ],
            },
            tracesToProfiles: {
              datasourceUid: DATASOURCE_UIDS.pyroscope,
              profileTypeId: "process_cpu:cpu:nanoseconds:cpu:nanoseconds",
              tags: [{ key: "service.name", value: "service_name" }],
            },
            serviceMap: { datasourceUid: DATASOURCE_UIDS.mimir },
            nodeGraph: { enabled: true },
            search: { hide: false },
            traceQuery: { timeShiftEnabled: true, spanStartTimeShift: "-1h", spanEndTimeShift: "1h" },
            streamingEnabled: { search: true, metrics: true },
          },
        },
        {
          ...common,
          name: "Pyroscope",
          type: "grafana-pyroscope-datasource",
          uid: DATASOURCE_UIDS.pyroscope,
          url: settings.pyroscopeUrl,
          jsonData: tenantHeader,
        },
      ],
    }),
  );
}
