import { join } from "node:path";
import { ModuleDefinition } from "../../lib/module-definition";
import { grafanaCdnModule } from "./cdn/module";
import { lgtmInputs, lgtmRules } from "./inputs";
import { Lgtm } from "./lgtm";
import { LgtmProps } from "./props";

/** The whole stack as one published module, calling the building blocks beside it. */
export const lgtmModule: ModuleDefinition<LgtmProps, Lgtm> = {
  name: "lgtm",
  summary: [
    "The whole Grafana LGTM stack on ECS Fargate in one call: a VPC (or `existing_network`), the telemetry bucket and Grafana's " +
      "file system, Cloud Map, an application load balancer with a host per component under `domain`, and the ECS cluster " +
      "running Mimir, Loki, Tempo, Pyroscope, Grafana and Alloy, sized and kept by `profile` (`dev` or `prod`). Optionally " +
      "CloudFront in front of Grafana (`cdn`).",
    "It calls the project's building blocks as sibling modules (`../network`, `../lgtm-storage`, `../service-discovery`, " +
      "`../alb`, `../ecs-fargate`; their resources are at `module.<name>.module.alb.aws_lb.this` and so on) and " +
      "`modules/grafana-cdn`: take it from git with the whole `terraform/modules` tree, or from a registry release, " +
      "which carries the siblings under `modules/`. Compose the blocks yourself for what this module does not expose.",
    "**After the first apply** point DNS at the stack: `grafana.<domain>` (or the CDN alias) at `cdn_domain_name` with `cdn`, " +
      "at `load_balancer_dns_name` otherwise, and the four push hosts at `load_balancer_dns_name`; then open `grafana_url` and " +
      "sign in as `admin` with the password in the `grafana_admin_secret_arn` secret. Push endpoints answer only from inside the " +
      "VPC; send with the tenant header `X-Scope-OrgID: lgtm`, or to Alloy (`internal_endpoints.otlp_http`) without one.",
    "**Profiles.** `dev`: one NAT gateway, no interface endpoints, 14 days of logs, 30/14/3/7 days of metrics/logs/traces/profiles, " +
      "one smallest task per role, queriers and query-frontends on Spot. `prod`: a NAT gateway per AZ, interface " +
      "endpoints for ECR, CloudWatch Logs, STS, Secrets Manager and SSM, 90 days of logs, 365/365/7/30 days of telemetry, the " +
      "design's sizing (Mimir ×3 at replication 3, Loki ingesters ×2, memcached for Loki), on-demand Fargate but for Loki's queriers and query-frontends (all but one task on Spot), and the load " +
      "balancer's deletion protection (turn it off, e.g. `aws elbv2 modify-load-balancer-attributes --attributes " +
      "Key=deletion_protection.enabled,Value=false`, before a destroy).",
    "**Not destroyed by accident.** The bucket refuses deletion while it holds objects (`force_destroy` is false); " +
      "`prevent_destroy` cannot come from a variable, so it is only on the CDKTF envs.",
  ].join("\n\n"),
  props: { file: join(__dirname, "props.ts"), declaration: "LgtmProps" },
  construct: { file: join(__dirname, "lgtm.ts"), declaration: "Lgtm" },
  inputs: lgtmInputs,
  rules: lgtmRules,
  create: (scope, id, props) => new Lgtm(scope, id, props),
  outputs: [
    "grafanaUrl",
    "grafanaAdminSecretArn",
    "pushEndpoints",
    "internalEndpoints",
    "bucketName",
    "clusterName",
    "clusterArn",
    "vpcId",
    "publicSubnetIds",
    "privateSubnetIds",
    "loadBalancerDnsName",
    "loadBalancerZoneId",
    "cdnDomainName",
    "cdnHostedZoneId",
  ],
  submodules: [grafanaCdnModule],
  example: "complete",
};
