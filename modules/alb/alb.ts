import { DataAwsVpc } from "@cdktf/provider-aws/lib/data-aws-vpc";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { countIf, tagged } from "../../lib/choose";
import { hcl } from "../../lib/hcl";
import { checkInputs, containsToken, withDefaults } from "../../lib/inputs";
import { resolveInputs } from "./alb-inputs";
import { addDynamicBlock } from "./blocks";
import { addCloudFrontAccess } from "./cloudfront-access";
import { albInputs, albRules, completeAccessLogs } from "./inputs";
import { addListeners } from "./listeners";
import { AlbProps } from "./props";
import { CompleteRoute } from "./route-spec";
import { addRoutes } from "./routes";
import { addSecurityGroup } from "./security-group";

/**
 * The stack's front door: an application load balancer with its own security group, HTTPS (or
 * HTTP for trials), and one target group and host/path rule per route, ingestion routes limited
 * to the ingestion CIDRs and `cloudfront_only` routes to CloudFront.
 */
export class Alb extends Construct {
  /** ARN of the load balancer. */
  public readonly arn: string;
  /** DNS name of the load balancer, for the CNAME or alias records of the route hosts. */
  public readonly dnsName: string;
  /** Route 53 hosted zone ID of the load balancer, for alias records. */
  public readonly zoneId: string;
  /** ID of the load balancer's security group; let it in on the target ports of the tasks' security groups. */
  public readonly securityGroupId: string;
  /** ARN of each route's target group, by route key, for the ECS services behind them. */
  public readonly targetGroupArns: Record<string, string>;
  /** ARN of each listener by protocol: `http`, and `https` with a certificate. */
  public readonly listenerArns: Record<string, string>;
  /** Base URL of each route by route key: `https://<host>`, or `http://<host>` without a certificate. */
  public readonly urls: Record<string, string>;

  constructor(scope: Construct, id: string, input: AlbProps) {
    super(scope, id);
    const props = withDefaults(input, albInputs);
    checkInputs(`Alb ${this.node.path}`, props, albInputs, albRules);

    const vpc = new DataAwsVpc(this, "this:vpc", { id: props.vpcId });
    const inputs = resolveInputs(props, vpc.cidrBlock);
    const securityGroup = addSecurityGroup(this, props, inputs, vpc.cidrBlock);
    const cloudFrontGroups = addCloudFrontAccess(this, props, inputs);

    const lb = new Lb(this, "this", {
      name: props.name,
      loadBalancerType: "application",
      internal: props.internal,
      subnets: props.subnetIds,
      securityGroups: Token.isUnresolved(cloudFrontGroups) ? Token.asList(Fn.concat([[securityGroup.id], cloudFrontGroups])) : [securityGroup.id, ...cloudFrontGroups],
      // Requests with malformed headers never reach a target.
      dropInvalidHeaderFields: true,
      idleTimeout: props.idleTimeout,
      enableDeletionProtection: props.deletionProtection,
      tags: tagged(props.tags, props.name),
    });
    const accessLogs = containsToken(props.accessLogs) ? props.accessLogs : completeAccessLogs(props.accessLogs);
    if (containsToken(accessLogs)) {
      addDynamicBlock(lb, "", "access_logs", hcl`${accessLogs} == null ? [] : [${accessLogs}]`, {
        bucket: "${access_logs.value.bucket}",
        prefix: "${access_logs.value.prefix}",
        enabled: true,
      });
    } else if (accessLogs !== null) {
      lb.putAccessLogs({ ...accessLogs, enabled: true });
    }

    const listeners = addListeners(this, props, inputs, lb);
    const targetGroups = addRoutes(this, props, inputs, listeners.routesListenerArn);
    new Wafv2WebAclAssociation(this, "this:waf", {
      count: countIf(containsToken(props.wafAclArn) ? hcl`${props.wafAclArn} != null` : props.wafAclArn !== null),
      resourceArn: lb.arn,
      webAclArn: props.wafAclArn ?? "",
    });

    this.arn = lb.arn;
    this.dnsName = lb.dnsName;
    this.zoneId = lb.zoneId;
    this.securityGroupId = securityGroup.id;
    this.targetGroupArns = Token.asStringMap(hcl`{ for key, group in ${targetGroups.fqn} : key => group.arn }`);
    this.listenerArns = Token.asStringMap(hcl`merge({ http = ${listeners.http.arn} }, { for listener in ${listeners.https.fqn} : "https" => listener.arn })`);
    this.urls = containsToken([inputs.routes, inputs.scheme])
      ? Token.asStringMap(hcl`{ for key, route in ${inputs.routes} : key => format("%s://%s", ${inputs.scheme}, route.host) }`)
      : Object.fromEntries(Object.entries(inputs.routes as Record<string, CompleteRoute>).map(([key, route]) => [key, `${inputs.scheme}://${route.host}`]));
  }
}
