# The LGTM stack in a VPC the team already has: no network is created, the load balancer goes in
# the given public subnets and the tasks in the private ones. The dev profile keeps it small (one
# task per role, queriers on Spot) for a first look.
provider "aws" {
  region = "eu-west-1"
}

module "lgtm" {
  source = "../../modules/lgtm"

  name    = "lgtm-trial"
  domain  = "lgtm.internal.example.com"
  profile = "dev"

  # From the team's network code (outputs, remote state or data sources); the VPC ID must be
  # known at plan. The private subnets need a way to ECR, CloudWatch Logs and S3 (NAT or endpoints).
  existing_network = {
    vpc_id             = "vpc-0a1b2c3d4e5f60718"
    public_subnet_ids  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    private_subnet_ids = ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"]
  }

  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
}

output "grafana_url" {
  description = "Where to sign in to Grafana, once grafana.<domain> points at the load balancer."
  value       = module.lgtm.grafana_url
}

output "load_balancer_dns_name" {
  description = "Point grafana., mimir., loki., tempo. and pyroscope.<domain> here."
  value       = module.lgtm.load_balancer_dns_name
}

output "internal_endpoints" {
  description = "Where applications in the VPC send telemetry without going through the load balancer."
  value       = module.lgtm.internal_endpoints
}
