# The stack's own DNS in the VPC of the network module: one A-record service per component.
# An ECS service registers its tasks with `service_registries { registry_arn = ... }`, and the
# components join each other's memberlist ring by plain DNS, e.g. `dns+mimir.lgtm.local:7946`.
provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "../../modules/network"

  name = "observability"
  cidr = "10.20.0.0/16"
  azs  = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

module "service_discovery" {
  source = "../../modules/service-discovery"

  vpc_id   = module.network.vpc_id
  services = ["mimir", "loki", "tempo", "pyroscope", "grafana"]

  tags = {
    Team = "platform"
  }
}

output "mimir_memberlist_join" {
  description = "What Mimir's memberlist.join_members holds."
  value       = "dns+${module.service_discovery.fqdns["mimir"]}:7946"
}

output "registry_arns" {
  description = "One per ECS service: its service_registries.registry_arn."
  value       = module.service_discovery.service_arns
}
