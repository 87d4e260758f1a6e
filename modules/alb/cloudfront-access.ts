import { DataAwsEc2ManagedPrefixList } from "@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { countIf, tagged } from "../../lib/choose";
import { hclList, hclString } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { ResolvedInputs } from "./alb-inputs";
import { AlbProps } from "./props";

/** AWS's list of the addresses CloudFront sends origin requests from (IPv4; the load balancer has no IPv6). */
export const CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

/**
 * With a `cloudfront_only` route: a second security group on the load balancer admitting HTTPS
 * from CloudFront's origin-facing servers. The prefix list counts as 55 rules against a group's
 * quota (60 inbound rules by default), so it gets a group of its own: in the main group beside two
 * rules per ingress and ingestion CIDR it would break that quota as soon as a few CIDRs are added.
 * Returns the IDs of the groups to attach besides the main one (none without such a route).
 */
export function addCloudFrontAccess(scope: Construct, props: Required<AlbProps>, inputs: ResolvedInputs): string[] {
  const count = countIf(inputs.cloudfront);
  const prefixList = new DataAwsEc2ManagedPrefixList(scope, "cloudfront:prefix-list", { count, name: CLOUDFRONT_PREFIX_LIST });
  const group = new SecurityGroup(scope, "cloudfront:security-group", {
    count,
    namePrefix: `${props.name}-alb-cloudfront-`,
    description: "Load balancer: HTTPS from CloudFront's origin-facing servers, for the cloudfront_only routes",
    vpcId: props.vpcId,
    tags: tagged(props.tags, `${props.name}-alb-cloudfront`),
    lifecycle: { createBeforeDestroy: true },
  });
  new VpcSecurityGroupIngressRule(scope, "cloudfront", {
    count,
    securityGroupId: hclString`${group.fqn}[0].id`,
    description: "Port 443 from CloudFront's origin-facing servers",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    prefixListId: hclString`${prefixList.fqn}[0].id`,
    tags: tagged(props.tags, `${props.name}-alb-cloudfront`),
  });
  if (containsToken(inputs.cloudfront)) return hclList`${group.fqn}[*].id`;
  return inputs.cloudfront ? [hclString`${group.fqn}[0].id`] : [];
}
