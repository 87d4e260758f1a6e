# The five building blocks wired by hand, as the `lgtm` module wires them: for teams that want to
# change what that module fixes (here: Grafana reachable only from the office, a push route for
# Mimir only, a month of logs). Each block's README lists every input.
provider "aws" {
  region = "eu-west-1"
}

data "aws_caller_identity" "current" {}

locals {
  name   = "observability"
  domain = "lgtm.example.com"
  # One Cloud Map service per role the ecs-fargate module runs with its default (prod) sizing.
  roles = [
    "mimir", "loki-distributor", "loki-ingester", "loki-querier", "loki-query-frontend", "loki-compactor",
    "loki-chunks-cache", "loki-results-cache", "tempo-distributor", "tempo-ingester", "tempo-querier",
    "tempo-query-frontend", "tempo-compactor", "tempo-metrics-generator", "pyroscope", "grafana", "alloy",
  ]
}

module "network" {
  source = "../../modules/network"

  name                = local.name
  cidr                = "10.20.0.0/16"
  azs                 = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  nat_gateway_mode    = "per_az"
  interface_endpoints = ["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager"]
}

module "storage" {
  source = "../../modules/lgtm-storage"

  bucket_name = "${local.name}-${data.aws_caller_identity.current.account_id}-eu-west-1"

  # The same retention goes to the components below.
  loki_retention_days = 30

  # Grafana's tasks are admitted below: the cluster reads this module's outputs, so this module
  # cannot read the cluster's security group (terraform would report a cycle).
  grafana_efs = {
    subnet_ids                 = module.network.private_subnet_ids
    allowed_security_group_ids = []
  }
}

resource "aws_vpc_security_group_ingress_rule" "grafana_efs" {
  security_group_id            = module.storage.efs_security_group_id
  description                  = "NFS from Grafana's tasks"
  ip_protocol                  = "tcp"
  from_port                    = 2049
  to_port                      = 2049
  referenced_security_group_id = module.ecs.lgtm_security_group_ids["grafana"]
}

module "service_discovery" {
  source = "../../modules/service-discovery"

  vpc_id   = module.network.vpc_id
  services = local.roles
}

module "alb" {
  source = "../../modules/alb"

  name            = local.name
  vpc_id          = module.network.vpc_id
  subnet_ids      = module.network.public_subnet_ids
  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
  # Grafana from the office only; the push route from the VPC only (an ingestion route).
  ingress_cidrs = ["203.0.113.0/24"]

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
  }
}

module "ecs" {
  source = "../../modules/ecs-fargate"

  name       = local.name
  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.private_subnet_ids

  lgtm = {
    namespace             = module.service_discovery.namespace_name
    service_registry_arns = module.service_discovery.service_arns
    bucket                = module.storage.bucket_name
    policy_documents      = module.storage.policy_documents
    target_group_arns     = module.alb.target_group_arns
    alb_security_group_id = module.alb.security_group_id
    ingestion_cidrs       = [module.network.vpc_cidr]
    retention             = { loki_days = 30, loki_info_days = 7 }
    grafana = {
      root_url = "${module.alb.urls["grafana"]}/"
      efs = {
        file_system_id  = module.storage.efs_file_system_id
        access_point_id = module.storage.efs_access_point_id
      }
    }
  }
}

output "grafana_url" {
  description = "Sign in as admin; the password is in the grafana_admin_secret_arn secret."
  value       = "${module.alb.urls["grafana"]}/"
}

output "grafana_admin_secret_arn" {
  description = "Grafana's first admin password, in Secrets Manager."
  value       = module.ecs.lgtm_grafana_admin_secret_arn
}

output "endpoints" {
  description = "Where applications in the VPC send telemetry."
  value       = module.ecs.lgtm_endpoints
}
