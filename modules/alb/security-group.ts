import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { IResolvable, TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import { tagged } from "../../lib/choose";
import { hcl } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { ResolvedInputs } from "./alb-inputs";
import { AlbProps } from "./props";

/**
 * The load balancer's own security group: HTTP (and HTTPS with a certificate) from the ingress
 * and ingestion CIDRs, nothing else in; out only to the target ports inside the VPC, since every
 * target is a Fargate task there.
 */
export function addSecurityGroup(scope: Construct, props: Required<AlbProps>, inputs: ResolvedInputs, vpcCidr: string): SecurityGroup {
  const securityGroup = new SecurityGroup(scope, "this:security-group", {
    namePrefix: `${props.name}-alb-`,
    description: "Load balancer: listeners open to ingress_cidrs and ingestion_cidrs, egress to its targets in the VPC",
    vpcId: props.vpcId,
    tags: tagged(props.tags, `${props.name}-alb`),
    // A new group must exist before the load balancer can let go of the old one.
    lifecycle: { createBeforeDestroy: true },
  });

  const listen = (id: string, port: number, sources: Record<string, string> | IResolvable) => {
    const source = TerraformIterator.fromMap(sources);
    new VpcSecurityGroupIngressRule(scope, id, {
      forEach: source,
      securityGroupId: securityGroup.id,
      description: `Port ${port} from ${source.key}`,
      ipProtocol: "tcp",
      fromPort: port,
      toPort: port,
      cidrIpv4: source.value,
      tags: tagged(props.tags, `${props.name}-alb-${port}`),
    });
  };
  listen("http", 80, inputs.listenerSources);
  listen("https", 443, containsToken(inputs.https) ? hcl`${inputs.https} ? ${inputs.listenerSources} : {}` : inputs.https ? inputs.listenerSources : {});

  const port = TerraformIterator.fromList(inputs.targetPorts as string[]);
  new VpcSecurityGroupEgressRule(scope, "targets", {
    forEach: port,
    securityGroupId: securityGroup.id,
    description: `Targets on port ${port.value} in the VPC`,
    ipProtocol: "tcp",
    fromPort: Token.asNumber(port.value),
    toPort: Token.asNumber(port.value),
    cidrIpv4: vpcCidr,
    tags: tagged(props.tags, `${props.name}-alb-targets`),
  });
  return securityGroup;
}
