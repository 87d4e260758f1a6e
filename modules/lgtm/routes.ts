import { IResolvable } from "cdktf";
import { mergeIf } from "../../lib/choose";
import { AlbRoute } from "../alb/props";

/** How the stack is reached, decided once at the top of the composition. */
export interface RouteChoices {
  readonly domain: string;
  /** Where users open Grafana: `grafana.<domain>`, or the CDN's alias. */
  readonly grafanaHost: string;
  /** Grafana is behind CloudFront: its route answers only requests carrying the origin header. */
  readonly behindCdn: boolean | IResolvable;
  /** The load balancer has a certificate: gRPC can be routed (HTTP/2 needs HTTPS). */
  readonly https: boolean | IResolvable;
}

/**
 * The design card's listener rules, keyed as the LGTM components attach their target groups:
 * Grafana for people; the Mimir, Loki, Tempo (OTLP over HTTP, and over gRPC with a certificate)
 * and Pyroscope push endpoints, ingestion routes reachable only from inside the VPC.
 */
export function lgtmRoutes(choices: RouteChoices): Record<string, AlbRoute> {
  const { domain } = choices;
  const routes: Record<string, AlbRoute> = {
    grafana: { host: choices.grafanaHost, port: 3000, health_check_path: "/api/health", cloudfront_only: choices.behindCdn as boolean },
    mimir: { host: `mimir.${domain}`, paths: ["/api/v1/push"], port: 8080, ingestion: true },
    loki: { host: `loki.${domain}`, paths: ["/loki/api/v1/push"], port: 3100, ingestion: true },
    // The OTLP receiver serves no readiness path; Tempo's HTTP port does.
    tempo_otlp_http: { host: `tempo.${domain}`, paths: ["/v1/traces"], port: 4318, health_check_port: 3200, ingestion: true },
    // Pyroscope's SDKs push to /ingest; Alloy's pyroscope.write and the Connect API to the Push method.
    pyroscope: { host: `pyroscope.${domain}`, paths: ["/ingest", "/push.v1.PusherService/Push"], port: 4040, ingestion: true },
  };
  return mergeIf(routes, choices.https, {
    // The health check calls a gRPC method the receiver lacks; a live receiver answers UNIMPLEMENTED, which passes.
    tempo_otlp_grpc: {
      host: `tempo.${domain}`,
      paths: ["/opentelemetry.proto.collector.trace.v1.TraceService/*"],
      port: 4317,
      protocol_version: "GRPC",
      health_check_path: "/AWS.ALB/healthcheck",
      ingestion: true,
    },
  });
}
