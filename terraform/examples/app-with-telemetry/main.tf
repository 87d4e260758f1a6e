# A team's own service next to the LGTM stack, on a cluster of its own in the stack's VPC: its
# Alloy sidecar takes the app's OTLP on localhost and forwards traces, metrics and logs to the
# stack's Alloy, and FireLens ships the container's stdout to Loki. Both stay inside the VPC.
provider "aws" {
  region = "eu-west-1"
}

module "lgtm" {
  source = "../../modules/lgtm"

  name            = "observability"
  cidr            = "10.20.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  domain          = "lgtm.example.com"
  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
  profile         = "dev"
}

module "shop" {
  source = "../../modules/ecs-fargate"

  name       = "shop"
  vpc_id     = module.lgtm.vpc_id
  subnet_ids = module.lgtm.private_subnet_ids

  # Where every sidecar of this cluster sends, and the tenant it sends as (X-Scope-OrgID).
  telemetry = {
    otlp_endpoint = module.lgtm.internal_endpoints["otlp_http"]
    tenant        = "lgtm"
  }

  services = {
    api = {
      image  = "nginx:1.27"
      port   = 8080
      cpu    = 512
      memory = 1024
      command = ["nginx", "-c", "/etc/shop/nginx.conf", "-g", "daemon off;"]
      files = {
        "/etc/shop/nginx.conf" = <<-NGINX
          events {}
          http {
            server {
              listen 8080;
              location / { return 200 "ok"; }
            }
          }
        NGINX
      }
      ingress_cidrs    = ["10.20.0.0/16"]
      # The app's OpenTelemetry SDK is told where the sidecar is: OTEL_EXPORTER_OTLP_ENDPOINT is
      # http://localhost:4318 and OTEL_SERVICE_NAME the service's key, unless `environment` says otherwise.
      alloy_sidecar    = true
      firelens_to_loki = module.lgtm.internal_endpoints["loki_push"]
    }
  }
}

output "grafana_url" {
  description = "Explore the api's traces, metrics and logs here (service.name = api)."
  value       = module.lgtm.grafana_url
}
