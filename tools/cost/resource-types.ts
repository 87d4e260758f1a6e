/**
 * How the estimator treats each resource type: priced, free of charge, or (anything else) listed
 * as not priced so that no resource is left out silently.
 */

/**
 * Resource types AWS does not charge for themselves. What they enable is priced where it is
 * billed: flow logs through their log group's ingest, task definitions through their services,
 * Cloud Map services through registered instances, listeners and target groups through the ALB.
 */
const NO_CHARGE = new Set([
  "aws_vpc",
  "aws_subnet",
  "aws_route_table",
  "aws_route",
  "aws_route_table_association",
  "aws_main_route_table_association",
  "aws_default_route_table",
  "aws_internet_gateway",
  "aws_egress_only_internet_gateway",
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
  "aws_default_security_group",
  "aws_default_network_acl",
  "aws_network_acl",
  "aws_network_acl_rule",
  "aws_vpc_dhcp_options",
  "aws_vpc_dhcp_options_association",
  "aws_vpc_endpoint_route_table_association",
  "aws_vpc_endpoint_subnet_association",
  "aws_eip_association",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_iam_policy",
  "aws_iam_role_policy_attachment",
  "aws_flow_log",
  "aws_ecs_cluster",
  "aws_ecs_cluster_capacity_providers",
  "aws_ecs_task_definition",
  "aws_lb_listener",
  "aws_lb_listener_rule",
  "aws_lb_target_group",
  "aws_lb_target_group_attachment",
  "aws_alb_listener",
  "aws_alb_listener_rule",
  "aws_alb_target_group",
  "aws_service_discovery_service",
  "aws_service_discovery_http_namespace",
  "aws_route53_record",
  "aws_efs_mount_target",
  "aws_efs_access_point",
  "aws_efs_file_system_policy",
  "aws_secretsmanager_secret_version",
  "aws_secretsmanager_secret_policy",
  "aws_s3_bucket_versioning",
  "aws_s3_bucket_lifecycle_configuration",
  "aws_s3_bucket_policy",
  "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_s3_bucket_ownership_controls",
  "aws_cloudwatch_log_resource_policy",
  "aws_appautoscaling_target",
  "aws_appautoscaling_policy",
]);

/** Types the estimator prices; with NO_CHARGE, everything else is listed as not priced. */
const PRICED = new Set([
  "aws_ecs_service",
  "aws_nat_gateway",
  "aws_eip",
  "aws_lb",
  "aws_alb",
  "aws_vpc_endpoint",
  "aws_efs_file_system",
  "aws_secretsmanager_secret",
  "aws_service_discovery_private_dns_namespace",
  "aws_service_discovery_public_dns_namespace",
  "aws_route53_zone",
  "aws_service_discovery_instance",
  "aws_cloudwatch_log_group",
  "aws_s3_bucket",
]);

/** How the estimator treats a resource type. */
export function pricingOf(type: string): "priced" | "no charge" | "not priced" {
  return PRICED.has(type) ? "priced" : NO_CHARGE.has(type) ? "no charge" : "not priced";
}
