# One network per team from a single map, with `for_each` on the module call: each team gets its
# own VPC, sized and priced to its needs. Addresses stay stable as teams are added or removed.
provider "aws" {
  region = "eu-west-1"
}

locals {
  networks = {
    metrics = {
      cidr     = "10.30.0.0/20"
      azs      = ["eu-west-1a", "eu-west-1b"]
      nat_mode = "single"
      # Explicit CIDRs instead of the computed layout.
      subnet_cidrs = {
        public  = ["10.30.0.0/24", "10.30.1.0/24"]
        private = ["10.30.8.0/22", "10.30.12.0/22"]
      }
    }
    logs = {
      cidr         = "10.31.0.0/16"
      azs          = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
      nat_mode     = "none"
      subnet_cidrs = null
    }
  }
}

module "network" {
  source   = "../../modules/network"
  for_each = local.networks

  name             = "lgtm-${each.key}"
  cidr             = each.value.cidr
  azs              = each.value.azs
  nat_gateway_mode = each.value.nat_mode
  subnet_cidrs     = each.value.subnet_cidrs
  # Without NAT, tasks reach ECR and CloudWatch Logs through these.
  interface_endpoints = each.value.nat_mode == "none" ? ["ecr.api", "ecr.dkr", "logs"] : []
}

output "vpc_ids" {
  description = "VPC ID per team."
  value       = { for team, network in module.network : team => network.vpc_id }
}
