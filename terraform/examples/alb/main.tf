# The LGTM stack's front door in the public subnets of its network: Grafana for people, and the
# Mimir, Loki and Tempo push endpoints for collectors inside the VPC only.
#
# Without a certificate the load balancer serves plain HTTP on port 80: fine for a trial, never
# for real use (Grafana passwords and telemetry would cross the network unencrypted). Pass an ACM
# certificate for the domain (`-var certificate_arn=arn:aws:acm:...`) to get HTTPS on 443, the
# 80 -> 443 redirect, and Tempo's OTLP gRPC receiver, which needs HTTPS.
provider "aws" {
  region = "eu-west-1"
}

variable "certificate_arn" {
  description = "ACM certificate covering *.lgtm.example.com; null serves HTTP only, for trials."
  type        = string
  default     = null
}

locals {
  domain = "lgtm.example.com"

  routes = {
    grafana = {
      host              = "grafana.${local.domain}"
      port              = 3000
      health_check_path = "/api/health"
    }
    mimir = {
      host      = "mimir.${local.domain}"
      paths     = ["/api/v1/push"]
      port      = 8080
      ingestion = true
    }
    loki = {
      host      = "loki.${local.domain}"
      paths     = ["/loki/api/v1/push"]
      port      = 3100
      ingestion = true
    }
    # OTLP over HTTP; the receiver has no readiness path, so Tempo's own HTTP port is checked.
    tempo = {
      host              = "tempo.${local.domain}"
      paths             = ["/v1/traces"]
      port              = 4318
      health_check_port = 3200
      ingestion         = true
    }
  }

  # OTLP over gRPC needs HTTP/2, which a load balancer speaks only over HTTPS. Its health check
  # calls a gRPC method the receiver lacks; a live receiver answers UNIMPLEMENTED, which passes.
  grpc_routes = {
    tempo_grpc = {
      host              = "tempo.${local.domain}"
      paths             = ["/opentelemetry.proto.collector.trace.v1.TraceService/*"]
      port              = 4317
      protocol_version  = "GRPC"
      health_check_path = "/AWS.ALB/healthcheck"
      ingestion         = true
    }
  }
}

module "network" {
  source = "../../modules/network"

  name = "lgtm"
  cidr = "10.20.0.0/16"
  azs  = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

module "alb" {
  source = "../../modules/alb"

  name            = "lgtm"
  vpc_id          = module.network.vpc_id
  subnet_ids      = module.network.public_subnet_ids
  certificate_arn = var.certificate_arn
  routes          = merge(local.routes, { for key, route in local.grpc_routes : key => route if var.certificate_arn != null })

  tags = {
    Team = "observability"
  }
}

output "urls" {
  description = "Where Grafana and the push endpoints answer; point DNS for each host at dns_name."
  value       = module.alb.urls
}

output "dns_name" {
  description = "The load balancer's DNS name, for CNAME or alias records."
  value       = module.alb.dns_name
}

output "target_group_arns" {
  description = "Where the ECS services register their tasks, by route."
  value       = module.alb.target_group_arns
}
