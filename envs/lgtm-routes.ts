import { AlbRoute } from "../modules/alb/props";

/**
 * The design card's listener rules: Grafana for people; the Mimir, Loki, Tempo (OTLP over HTTP) and
 * Pyroscope push endpoints for collectors in the VPC. Keys are the route keys the LGTM components
 * attach their target groups by. OTLP over gRPC joins them once the envs have a certificate, since
 * gRPC needs HTTPS.
 */
export function lgtmRoutes(domain: string): Record<string, AlbRoute> {
  return {
    grafana: { host: `grafana.${domain}`, port: 3000, health_check_path: "/api/health" },
    mimir: { host: `mimir.${domain}`, paths: ["/api/v1/push"], port: 8080, ingestion: true },
    loki: { host: `loki.${domain}`, paths: ["/loki/api/v1/push"], port: 3100, ingestion: true },
    // The OTLP receiver serves no readiness path; Tempo's HTTP port does.
    tempo_otlp_http: { host: `tempo.${domain}`, paths: ["/v1/traces"], port: 4318, health_check_port: 3200, ingestion: true },
    // Pyroscope's SDKs push to /ingest; Alloy's pyroscope.write and the Connect API to the Push method.
    pyroscope: { host: `pyroscope.${domain}`, paths: ["/ingest", "/push.v1.PusherService/Push"], port: 4040, ingestion: true },
  };
}
