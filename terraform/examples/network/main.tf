# A three-AZ VPC for Fargate with a NAT gateway per AZ and the interface endpoints that let tasks
# pull images, ship logs and read secrets without crossing the NAT.
provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "../../modules/network"

  name             = "observability"
  cidr             = "10.20.0.0/16"
  azs              = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  nat_gateway_mode = "per_az"
  isolated_subnets = true

  interface_endpoints      = ["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager"]
  flow_logs_retention_days = 30

  tags = {
    Team = "platform"
  }
}

output "private_subnet_ids" {
  description = "Where the Fargate tasks go."
  value       = module.network.private_subnet_ids
}

output "nat_public_ips" {
  description = "Egress addresses to allow-list elsewhere."
  value       = module.network.nat_public_ips
}
