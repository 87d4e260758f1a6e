import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import { ServiceDiscoveryService } from "@cdktf/provider-aws/lib/service-discovery-service";
import { TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import { hcl, raw } from "../../lib/hcl";
import { checkInputs, withDefaults } from "../../lib/inputs";
import { serviceDiscoveryInputs, serviceDiscoveryRules } from "./inputs";
import { ServiceDiscoveryProps } from "./props";

/**
 * The stack's own DNS: a Cloud Map private DNS namespace and one service per name whose A records
 * ECS keeps equal to the IPs of the running tasks, so `dns+mimir.lgtm.local:7946` memberlist joins
 * and plain A-record lookups work (ECS Service Connect serves neither).
 */
export class ServiceDiscovery extends Construct {
  /** ID of the Cloud Map namespace. */
  public readonly namespaceId: string;
  /** ARN of the Cloud Map namespace. */
  public readonly namespaceArn: string;
  /** Name of the namespace, the DNS suffix of every service, e.g. `lgtm.local`. */
  public readonly namespaceName: string;
  /** ARN of each Cloud Map service by name, for `service_registries.registry_arn` of an ECS service. */
  public readonly serviceArns: Record<string, string>;
  /** ID of each Cloud Map service by name. */
  public readonly serviceIds: Record<string, string>;
  /** Fully qualified DNS name of each service by name (`<service>.<namespace>`), e.g. for `dns+mimir.lgtm.local:7946`. */
  public readonly fqdns: Record<string, string>;

  constructor(scope: Construct, id: string, input: ServiceDiscoveryProps) {
    super(scope, id);
    const props = withDefaults(input, serviceDiscoveryInputs);
    checkInputs(`ServiceDiscovery ${this.node.path}`, props, serviceDiscoveryInputs, serviceDiscoveryRules);

    const namespace = new ServiceDiscoveryPrivateDnsNamespace(this, "this", {
      name: props.namespace,
      vpc: props.vpcId,
      description: "Private DNS of the LGTM stack's services",
      tags: props.tags,
    });
    const names = TerraformIterator.fromList(props.services);
    const services = new ServiceDiscoveryService(this, "this:services", {
      forEach: names,
      name: names.value,
      description: `Tasks of ${names.value}, registered by ECS`,
      dnsConfig: {
        namespaceId: namespace.id,
        // Every healthy task's IP in one answer: memberlist joins need them all, not one at random.
        routingPolicy: "MULTIVALUE",
        dnsRecords: [{ type: "A", ttl: props.dnsTtl }],
      },
      // ECS reports each task's health, so a stopping or failing task leaves the answer.
      healthCheckCustomConfig: {},
      tags: props.tags,
    });

    const byName = (attribute: string) => Token.asStringMap(hcl`{ for name, service in ${services.fqn} : name => service.${raw(attribute)} }`);
    this.namespaceId = namespace.id;
    this.namespaceArn = namespace.arn;
    this.namespaceName = namespace.name;
    this.serviceArns = byName("arn");
    this.serviceIds = byName("id");
    this.fqdns = Token.asStringMap(hcl`{ for name in keys(${services.fqn}) : name => format("%s.%s", name, ${namespace.name}) }`);
  }
}
