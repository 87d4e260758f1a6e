# The whole LGTM stack in one call: its own three-AZ VPC, HTTPS on every host under the domain,
# CloudFront in front of Grafana, the production profile, images through an ECR pull-through
# cache, and the DNS records that make the hosts answer.
terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.19, < 7.0"
    }
  }

  # State in S3, locked with S3's own lock file. Give the bucket and its region at init:
  #   terraform init -backend-config="bucket=<state bucket>" -backend-config="region=<its region>"
  backend "s3" {
    key          = "observability/lgtm.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      Team = "observability"
    }
  }
}

locals {
  domain = "lgtm.example.com"
}

module "lgtm" {
  source = "../../modules/lgtm"

  name    = "observability"
  cidr    = "10.20.0.0/16"
  azs     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  domain  = local.domain
  profile = "prod"

  # Covers *.lgtm.example.com, in the stack's region.
  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"

  # Grafana behind CloudFront, whose certificates live in us-east-1; push endpoints stay on the load balancer.
  cdn = {
    certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
  }

  alert_sns_topic_arn = "arn:aws:sns:eu-west-1:123456789012:observability-alerts"

  # Every task pulls through ECR, never from Docker Hub's rate-limited anonymous endpoint.
  image_source = {
    mode                   = "pull_through_cache"
    credentials_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf"
  }

  tags = {
    Stack = "lgtm"
  }
}

data "aws_route53_zone" "lgtm" {
  name = local.domain
}

# The push hosts resolve to the load balancer (they answer only from inside the VPC), Grafana's
# host to CloudFront.
resource "aws_route53_record" "push" {
  for_each = toset(["mimir", "loki", "tempo", "pyroscope"])

  zone_id = data.aws_route53_zone.lgtm.zone_id
  name    = "${each.key}.${local.domain}"
  type    = "A"

  alias {
    name                   = module.lgtm.load_balancer_dns_name
    zone_id                = module.lgtm.load_balancer_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "grafana" {
  zone_id = data.aws_route53_zone.lgtm.zone_id
  name    = "grafana.${local.domain}"
  type    = "A"

  alias {
    name                   = module.lgtm.cdn_domain_name
    zone_id                = module.lgtm.cdn_hosted_zone_id
    evaluate_target_health = false
  }
}

output "grafana_url" {
  description = "Sign in as admin with the password in grafana_admin_secret_arn."
  value       = module.lgtm.grafana_url
}

output "grafana_admin_secret_arn" {
  description = "aws secretsmanager get-secret-value --secret-id <this> --query SecretString --output text"
  value       = module.lgtm.grafana_admin_secret_arn
}

output "push_endpoints" {
  description = "Remote write, Loki push, OTLP and Pyroscope URLs for collectors in the VPC."
  value       = module.lgtm.push_endpoints
}
