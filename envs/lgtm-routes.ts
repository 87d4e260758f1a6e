import { AlbRoute } from "../modules/alb/props";

/**
 * The design card's listener rules: Grafana for people, the Mimir, Loki and Tempo (OTLP over HTTP)
 * push endpoints for collectors in the VPC. OTLP over gRPC joins them once the envs have a
 * certificate, since gRPC needs HTTPS.
 */
export function lgtmRoutes(domain: string): Record<string, AlbRoute> {
  return {
    grafana: { host: `grafana.${domain}`, port: 3000, health_check_path: "/api/health" },
    mimir: { host: `mimir.${domain}`, paths: ["/api/v1/push"], port: 8080, ingestion: true },
    loki: { host: `loki.${domain}`, paths: ["/loki/api/v1/push"], port: 3100, ingestion: true },
    // The OTLP receiver serves no readiness path; Tempo's HTTP port does.
    tempo: { host: `tempo.${domain}`, paths: ["/v1/traces"], port: 4318, health_check_port: 3200, ingestion: true },
  };
}
