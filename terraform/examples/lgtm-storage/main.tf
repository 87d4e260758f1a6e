# The telemetry bucket of an LGTM stack, named after the account and region so it is globally
# unique, and Grafana's state on EFS in the private subnets of the network module. Each
# component's task role gets the policy document scoped to its own prefixes.
provider "aws" {
  region = "eu-west-1"
}

data "aws_caller_identity" "current" {}

module "network" {
  source = "../../modules/network"

  name = "observability"
  cidr = "10.20.0.0/16"
  azs  = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

resource "aws_security_group" "grafana" {
  name        = "observability-grafana"
  description = "Grafana tasks"
  vpc_id      = module.network.vpc_id
}

module "storage" {
  source = "../../modules/lgtm-storage"

  bucket_name = "observability-${data.aws_caller_identity.current.account_id}-eu-west-1"

  # Each component's compactor must be set to the same retention; S3 expires a prefix 30 days
  # after it, as a safety net only.
  mimir_retention_days     = 395
  loki_retention_days      = 90
  tempo_retention_days     = 14
  pyroscope_retention_days = 30

  # Metrics and logs older than 60 days are rarely queried: Infrequent Access costs less to keep
  # and more to read. Tempo's and Pyroscope's prefixes expire first and stay in STANDARD.
  transition = {
    days          = 60
    storage_class = "STANDARD_IA"
  }

  grafana_efs = {
    subnet_ids                 = module.network.private_subnet_ids
    allowed_security_group_ids = [aws_security_group.grafana.id]
  }

  tags = {
    Team = "platform"
  }
}

data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# One task role per component (mimir, loki, tempo, pyroscope, grafana), each limited to its own data.
resource "aws_iam_role" "task" {
  for_each = module.storage.policy_documents

  name               = "observability-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_iam_role_policy" "storage" {
  for_each = module.storage.policy_documents

  name   = "lgtm-storage"
  role   = aws_iam_role.task[each.key].id
  policy = each.value
}

output "prefixes" {
  description = "Where each store keeps its objects."
  value       = module.storage.prefixes
}
