import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { TerraformIterator, TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import { tagged } from "../../../lib/choose";
import { hclLines, hclNumber, hclString } from "../../../lib/hcl";
import { ClusterRef } from "../cluster-ref";

/**
 * One security group per service: ingress only on the ports its spec lists, each from the security
 * groups, CIDRs and sibling services named there (a service naming itself lets its tasks gossip);
 * egress to anywhere. Rules are keyed `<service>/<port>/<source>`.
 */
export function addSecurityGroups(scope: Construct, cluster: ClusterRef, specs: TerraformLocal, names: TerraformLocal, vpcId: string): SecurityGroup {
  const services = TerraformIterator.fromMap(specs.asAnyMap);
  const groups = new SecurityGroup(scope, "this:sg", {
    forEach: services,
    name: hclString`${names.fqn}[each.key].qualified`,
    description: hclString`"Tasks of ECS service \${${names.fqn}[each.key].service}"`,
    vpcId,
    tags: tagged(cluster.tags, hclString`${names.fqn}[each.key].qualified`),
  });

  const rules = TerraformIterator.fromMap(
    hclLines`{ for rule in flatten([for k, s in ${specs.fqn} : [for r in s.ingress : concat(
      [for i, id in r.from_security_group_ids : { key = "\${k}/\${r.port}/sg-\${i}", service = k, port = r.port, group = id, cidr = null, from = null }],
      [for i, cidr in r.from_cidrs : { key = "\${k}/\${r.port}/cidr-\${i}", service = k, port = r.port, group = null, cidr = cidr, from = null }],
      [for from in r.from_services : { key = "\${k}/\${r.port}/\${from}", service = k, port = r.port, group = null, cidr = null, from = from }])]]) : rule.key => rule }`,
  );
  new VpcSecurityGroupIngressRule(scope, "this:ingress", {
    forEach: rules,
    securityGroupId: hclString`${groups.fqn}[each.value.service].id`,
    description: hclString`each.value.from != null ? "From service \${each.value.from}" : each.value.cidr != null ? "From a CIDR" : "From a security group"`,
    ipProtocol: "tcp",
    fromPort: hclNumber`each.value.port`,
    toPort: hclNumber`each.value.port`,
    cidrIpv4: hclString`each.value.cidr`,
    referencedSecurityGroupId: hclString`each.value.from != null ? ${groups.fqn}[each.value.from].id : each.value.group`,
  });
  new VpcSecurityGroupEgressRule(scope, "this:egress", {
    forEach: services,
    securityGroupId: hclString`${groups.fqn}[each.key].id`,
    description: "To anywhere",
    ipProtocol: "-1",
    cidrIpv4: "0.0.0.0/0",
  });
  return groups;
}
