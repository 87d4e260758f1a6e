import { Testing } from "cdktf";
import { ReadableStack } from "../../lib/readable-stack";
import { Alb } from "../../modules/alb/alb";
import { AlbProps, AlbRoute } from "../../modules/alb/props";
import { TerraformJson } from "./synth";

/** Synthesizes a stack holding one Alb with the given literal props, as an env would. */
export function synthAlb(props: AlbProps): TerraformJson {
  const stack = new ReadableStack(Testing.app(), "test");
  new Alb(stack, "alb", props);
  return JSON.parse(Testing.synth(stack));
}

export const CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
export const WEB_ACL_ARN = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/lgtm/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

/** Grafana for people, Mimir's push endpoint for collectors. */
export const BASE_ROUTES: Record<string, AlbRoute> = {
  grafana: { host: "grafana.lgtm.example.com", port: 3000, health_check_path: "/api/health" },
  mimir: { host: "mimir.lgtm.example.com", paths: ["/api/v1/push"], port: 8080, ingestion: true },
};

/** Tempo's OTLP receivers: HTTP checked on Tempo's HTTP port, gRPC (HTTPS only) on its own. */
export const TEMPO_ROUTES: Record<string, AlbRoute> = {
  tempo: { host: "tempo.lgtm.example.com", paths: ["/v1/traces"], port: 4318, health_check_port: 3200, ingestion: true },
  tempo_grpc: {
    host: "tempo.lgtm.example.com",
    paths: ["/opentelemetry.proto.collector.trace.v1.TraceService/*"],
    port: 4317,
    protocol_version: "GRPC",
    health_check_path: "/AWS.ALB/healthcheck",
    ingestion: true,
  },
};

/** The minimal valid alb props. */
export const BASE_ALB: AlbProps = {
  name: "lgtm-test",
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
  routes: BASE_ROUTES,
};

/** An origin header as the CDN construct hands it over (a literal here; a data source's value there). */
export const ORIGIN_HEADER = { name: "X-Origin-Verify", value: "Q3ZpbGVudE9yaWdpblNlY3JldDEyMzQ1" };

/** Grafana reachable only through CloudFront, over HTTPS; Mimir's push endpoint as before. */
export const CLOUDFRONT_ALB: AlbProps = {
  ...BASE_ALB,
  certificateArn: CERTIFICATE_ARN,
  routes: { ...BASE_ROUTES, grafana: { ...BASE_ROUTES.grafana, cloudfront_only: true } },
  cloudfrontOriginHeader: ORIGIN_HEADER,
};

/** Two route keys whose derived priorities collide (found by search; a test proves it). */
export const COLLIDING_KEYS = ["route-37", "route-109"];
