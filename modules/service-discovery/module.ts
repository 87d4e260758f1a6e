import { join } from "node:path";
import { ModuleDefinition } from "../../lib/module-definition";
import { serviceDiscoveryInputs, serviceDiscoveryRules } from "./inputs";
import { ServiceDiscoveryProps } from "./props";
import { ServiceDiscovery } from "./service-discovery";

/** The service-discovery construct as a published Terraform module. */
export const serviceDiscoveryModule: ModuleDefinition<ServiceDiscoveryProps, ServiceDiscovery> = {
  name: "service-discovery",
  summary:
    "Cloud Map for the stack's own DNS: a private DNS namespace (default `lgtm.local`) in the VPC and one service per name " +
    "with MULTIVALUE A records, in which ECS registers every running task's IP (`service_registries` on the ECS service). " +
    "Components find each other by plain DNS, e.g. memberlist's `dns+mimir.lgtm.local:7946`, which ECS Service Connect cannot serve. " +
    "Route 53 answers a MULTIVALUE query with at most eight healthy addresses: enough to join a ring, not to enumerate a larger fleet.",
  props: { file: join(__dirname, "props.ts"), declaration: "ServiceDiscoveryProps" },
  construct: { file: join(__dirname, "service-discovery.ts"), declaration: "ServiceDiscovery" },
  inputs: serviceDiscoveryInputs,
  rules: serviceDiscoveryRules,
  create: (scope, id, props) => new ServiceDiscovery(scope, id, props),
  outputs: ["namespaceId", "namespaceArn", "namespaceName", "serviceArns", "serviceIds", "fqdns"],
};
