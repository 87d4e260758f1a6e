import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Lazy } from "cdktf";
import { Construct } from "constructs";
import { useBlock } from "../../lib/blocks";
import { choose, countIf, isGiven } from "../../lib/choose";
import { hclString } from "../../lib/hcl";
import { checkInputs, containsToken, withDefaults } from "../../lib/inputs";
import { entry } from "../../lib/object-token";
import { Alb } from "../alb/alb";
import { albModule } from "../alb/module";
import { lgtmSizing } from "../ecs-fargate/lgtm/sizing/lgtm-sizing";
import { ecsFargateModule } from "../ecs-fargate/module";
import { LgtmStorage } from "../lgtm-storage/lgtm-storage";
import { lgtmStorageModule } from "../lgtm-storage/module";
import { LgtmStorageProps } from "../lgtm-storage/props";
import { serviceDiscoveryModule } from "../service-discovery/module";
import { grafanaCdnModule } from "./cdn/module";
import { lgtmInputs, lgtmRules } from "./inputs";
import { LGTM_NAMESPACE, lgtmSettings } from "./lgtm-settings";
import { stackNetwork } from "./network-choice";
import { profileValues } from "./profiles";
import { LgtmProps } from "./props";
import { lgtmRoutes } from "./routes";

const NFS_PORT = 2049;

/** Construct options that are not module inputs. */
export interface LgtmOptions {
  /** `prevent_destroy` on the telemetry bucket and Grafana's file system; Terraform cannot take it from a variable, so only a CDKTF root (an env) can set it. */
  readonly preventDestroy?: boolean;
  /** Tags every resource carries besides `tags` (an env's provider `default_tags`), by which Alloy finds the stack's load balancer and ECS services in CloudWatch; default `tags`. */
  readonly cloudwatchTags?: Record<string, string>;
}

/**
 * The whole LGTM stack: a network (or the team's), the telemetry storage, Cloud Map, the load
 * balancer and the cluster running the components, and optionally CloudFront in front of Grafana.
 * In an env the building blocks are constructs with their resources in the root; published, they
 * are calls of the sibling modules (`../network`, ...) and the nested `modules/grafana-cdn`.
 */
export class Lgtm extends Construct {
  /** The URL users open Grafana at (`https://grafana.<domain>/`, `http://` without a certificate); sign in as `admin`. */
  public readonly grafanaUrl: string;
  /** ARN of the Secrets Manager secret holding Grafana's first admin password (user `admin`), generated at the first apply. */
  public readonly grafanaAdminSecretArn: string;
  /**
   * The push endpoints through the load balancer, reachable from inside the VPC: `prometheus_remote_write`,
   * `loki_push`, `otlp_http` (OTLP/HTTP traces URL, `.../v1/traces`), `otlp_grpc` (host:443; null without a
   * certificate) and `pyroscope`. Every request carries the tenant as `X-Scope-OrgID: lgtm`.
   */
  public readonly pushEndpoints: Record<string, string>;
  /**
   * The endpoints inside the VPC through Cloud Map (the ecs-fargate module's `lgtm_endpoints`): `otlp_grpc`
   * and `otlp_http` (Alloy, every signal, no tenant header needed), `prometheus_remote_write`, `prometheus_query`,
   * `loki_push`, `loki_query`, `tempo_otlp_grpc`, `tempo_otlp_http`, `tempo_query`, `pyroscope`, `grafana`.
   */
  public readonly internalEndpoints: Record<string, string>;
  /** Name of the telemetry bucket. */
  public readonly bucketName: string;
  /** Name of the ECS cluster, for services of your own beside the stack. */
  public readonly clusterName: string;
  /** ARN of the ECS cluster. */
  public readonly clusterArn: string;
  /** ID of the VPC the stack runs in (created, or `existing_network`'s). */
  public readonly vpcId: string;
  /** IDs of the public subnets (the load balancer's). */
  public readonly publicSubnetIds: string[];
  /** IDs of the private subnets (the tasks'). */
  public readonly privateSubnetIds: string[];
  /** DNS name of the load balancer: point the push hosts (and Grafana's, without `cdn`) at it with a CNAME or a Route 53 alias. */
  public readonly loadBalancerDnsName: string;
  /** Route 53 hosted zone ID of the load balancer, for alias records. */
  public readonly loadBalancerZoneId: string;
  /** Domain name of the CloudFront distribution (`d111111abcdef8.cloudfront.net`): point Grafana's host at it; null without `cdn`. */
  public readonly cdnDomainName: string;
  /** Route 53 hosted zone ID of the distribution, for Grafana's alias record; null without `cdn`. */
  public readonly cdnHostedZoneId: string;

  constructor(scope: Construct, id: string, input: LgtmProps, options: LgtmOptions = {}) {
    super(scope, id);
    const props = withDefaults(input, lgtmInputs);
    checkInputs(`Lgtm ${this.node.path}`, props, lgtmInputs, lgtmRules);
    const { name, tags } = props;
    const profile = profileValues(this, props.profile);
    const sizing = lgtmSizing(this, { profile: props.profile, load: props.load });
    const network = stackNetwork(this, props, profile);
    const withCdn = isGiven(props.cdn);
    const grafanaHost = containsToken(props.cdn)
      ? hclString`try(${props.cdn}.aliases[0], ${`grafana.${props.domain}`})`
      : (props.cdn?.aliases?.[0] ?? `grafana.${props.domain}`);
    const https = isGiven(props.certificateArn);
    const routes = lgtmRoutes({ domain: props.domain, grafanaHost, behindCdn: withCdn, https });

    // The distribution's origin is the load balancer, and the load balancer's Grafana rule needs the
    // distribution's header: the origin is read once the load balancer exists.
    let alb: Alb | undefined;
    const cdn = useBlock(
      this,
      "cdn",
      grafanaCdnModule,
      {
        name,
        originDomainName: Lazy.stringValue({ produce: () => alb!.dnsName }),
        aliases: [grafanaHost],
        certificateArn: props.cdn?.certificate_arn as string,
        priceClass: props.cdn?.price_class,
        webAclArn: props.cdn?.web_acl_arn,
        accessLogs: props.cdn?.access_logs,
        tags,
      },
      { source: `./modules/${grafanaCdnModule.name}`, count: countIf(withCdn) },
    );

    // Globally unique without naming an account in the code.
    const account = new DataAwsCallerIdentity(this, "account");
    const region = new DataAwsRegion(this, "current");
    const storageProps: LgtmStorageProps = {
      bucketName: `${name}-${account.accountId}-${region.region}`,
      mimirRetentionDays: profile.mimir_retention_days,
      lokiRetentionDays: profile.loki_retention_days,
      tempoRetentionDays: profile.tempo_retention_days,
      pyroscopeRetentionDays: profile.pyroscope_retention_days,
      // Admitted below: the storage's own rule would wait for the cluster, which waits for the storage.
      grafanaEfs: { subnet_ids: network.privateSubnetIds, allowed_security_group_ids: [] },
      tags,
    };
    // The option reaches the construct (an env); a module call has no lifecycle to give.
    const storageBlock = { ...lgtmStorageModule, create: (s: Construct, i: string, p: LgtmStorageProps) => new LgtmStorage(s, i, p, { preventDestroy: options.preventDestroy }) };
    const storage = useBlock(this, "storage", storageBlock, storageProps, { source: "../lgtm-storage" });
    const discovery = useBlock(
      this,
      "service_discovery",
      serviceDiscoveryModule,
      { namespace: LGTM_NAMESPACE, vpcId: network.vpcId, services: sizing.roles, tags },
      { source: "../service-discovery" },
    );
    alb = useBlock(
      this,
      "alb",
      albModule,
      {
        name,
        vpcId: network.vpcId,
        subnetIds: network.publicSubnetIds,
        routes,
        certificateArn: props.certificateArn,
        deletionProtection: profile.deletion_protection,
        cloudfrontOriginHeader: choose(withCdn, { name: cdn.originHeaderName, value: cdn.originHeaderValue }, null),
        tags,
      },
      { source: "../alb" },
    );
    const urls = alb.urls;
    const grafanaUrl = `${entry(urls, "grafana")}/`;
    const ecs = useBlock(
      this,
      "ecs",
      ecsFargateModule,
      {
        name,
        vpcId: network.vpcId,
        subnetIds: network.privateSubnetIds,
        capacityProviderStrategy: profile.capacity_provider_strategy,
        logRetentionDays: profile.log_retention_days,
        imageSource: props.imageSource,
        lgtm: lgtmSettings({
          profile,
          sizing,
          discovery,
          storage,
          alb,
          routes,
          grafanaUrl,
          ingestionCidrs: [network.vpcCidr],
          alertSnsTopicArn: props.alertSnsTopicArn,
          cloudwatchTags: options.cloudwatchTags ?? tags,
        }),
        tags,
      },
      { source: "../ecs-fargate" },
    );

    new VpcSecurityGroupIngressRule(this, "grafana_efs_nfs", {
      securityGroupId: storage.efsSecurityGroupId,
      description: "NFS from Grafana's tasks",
      ipProtocol: "tcp",
      fromPort: NFS_PORT,
      toPort: NFS_PORT,
      referencedSecurityGroupId: entry(ecs.lgtmSecurityGroupIds, "grafana"),
    });

    this.grafanaUrl = grafanaUrl;
    this.grafanaAdminSecretArn = ecs.lgtmGrafanaAdminSecretArn;
    this.pushEndpoints = {
      prometheus_remote_write: `${entry(urls, "mimir")}/api/v1/push`,
      loki_push: `${entry(urls, "loki")}/loki/api/v1/push`,
      otlp_http: `${entry(urls, "tempo_otlp_http")}/v1/traces`,
      otlp_grpc: choose(https, `tempo.${props.domain}:443`, null) as string,
      pyroscope: entry(urls, "pyroscope"),
    };
    this.internalEndpoints = ecs.lgtmEndpoints;
    this.bucketName = storage.bucketName;
    this.clusterName = ecs.clusterName;
    this.clusterArn = ecs.clusterArn;
    this.vpcId = network.vpcId;
    this.publicSubnetIds = network.publicSubnetIds;
    this.privateSubnetIds = network.privateSubnetIds;
    this.loadBalancerDnsName = alb.dnsName;
    this.loadBalancerZoneId = alb.zoneId;
    this.cdnDomainName = cdn.domainName;
    this.cdnHostedZoneId = cdn.hostedZoneId;
  }
}
