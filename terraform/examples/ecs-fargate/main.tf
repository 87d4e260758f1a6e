# A team's own services on Fargate, next to the observability stack: an API that sends OTLP to
# its Alloy sidecar and ships its logs to Loki through FireLens, and a stateless worker on
# FARGATE_SPOT that scales on CPU. Images come through an ECR pull-through cache, so tasks never
# hit Docker Hub's anonymous rate limit.
provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "../../modules/network"

  name             = "shop"
  cidr             = "10.60.0.0/16"
  azs              = ["eu-west-1a", "eu-west-1b"]
  nat_gateway_mode = "single"
}

data "aws_iam_policy_document" "orders_queue" {
  statement {
    sid       = "ConsumeOrders"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
    resources = ["arn:aws:sqs:eu-west-1:123456789012:orders"]
  }
}

module "ecs" {
  source = "../../modules/ecs-fargate"

  name       = "shop"
  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.private_subnet_ids

  # Stateless services without a strategy of their own run mostly on Spot, one task on FARGATE.
  capacity_provider_strategy = [
    { capacity_provider = "FARGATE", weight = 1, base = 1 },
    { capacity_provider = "FARGATE_SPOT", weight = 3 },
  ]

  image_source = {
    mode                   = "pull_through_cache"
    credentials_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf"
  }

  telemetry = {
    otlp_endpoint = "http://alloy.lgtm.internal:4318"
    tenant        = "shop"
  }

  services = {
    api = {
      image   = "nginx:1.27"
      cpu     = 512
      memory  = 1024
      port    = 8080
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
      secrets = {
        DATABASE_URL = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/database-url-AbCdEf"
      }
      ingress_cidrs    = ["10.60.0.0/16"]
      alloy_sidecar    = true
      firelens_to_loki = "http://loki-distributor.lgtm.internal:3100/loki/api/v1/push"
    }
    worker = {
      image       = "public.ecr.aws/docker/library/python:3.13-slim"
      command     = ["python", "-m", "http.server", "8000"]
      stateless   = true
      policy_json = data.aws_iam_policy_document.orders_queue.json
      autoscaling = {
        min_capacity = 1
        max_capacity = 4
        cpu_target   = 60
      }
    }
  }

  tags = {
    Team = "shop"
  }
}

output "service_arns" {
  description = "ECS service ARN per service."
  value       = module.ecs.service_arns
}

output "security_group_ids" {
  description = "Reference these to let a service in elsewhere."
  value       = module.ecs.security_group_ids
}
