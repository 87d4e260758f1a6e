import { Testing } from "cdktf";
import { ReadableStack } from "../../lib/readable-stack";
import { ServiceDiscoveryProps } from "../../modules/service-discovery/props";
import { ServiceDiscovery } from "../../modules/service-discovery/service-discovery";
import { BadInput } from "./module-calls";
import { TerraformJson } from "./synth";

/** Synthesizes a stack holding one ServiceDiscovery with the given literal props, as an env would. */
export function synthServiceDiscovery(props: ServiceDiscoveryProps): TerraformJson {
  const stack = new ReadableStack(Testing.app(), "test");
  new ServiceDiscovery(stack, "discovery", props);
  return JSON.parse(Testing.synth(stack));
}

/** The minimal valid service-discovery props. */
export const BASE_SERVICE_DISCOVERY: ServiceDiscoveryProps = { vpcId: "vpc-0123456789abcdef0", services: ["mimir", "loki"] };

/** Bad inputs and the words of the error each must produce, in TypeScript and in HCL. */
export const BAD_SERVICE_DISCOVERY_INPUTS: BadInput<ServiceDiscoveryProps>[] = [
  {
    case: "an upper-case namespace",
    props: { namespace: "LGTM.local" },
    variable: "namespace",
    message: 'namespace must be a DNS name of lowercase labels (1-63 letters, digits and hyphens, no hyphen at either end) joined by dots, at most 253 characters, such as "lgtm.local"; got "LGTM.local".',
  },
  { case: "a namespace with a trailing dot", props: { namespace: "lgtm.local." }, variable: "namespace", message: 'got "lgtm.local."' },
  { case: "a namespace label ending with a hyphen", props: { namespace: "lgtm-.local" }, variable: "namespace", message: "namespace must be a DNS name" },
  { case: "a namespace label over 63 characters", props: { namespace: `${"a".repeat(64)}.local` }, variable: "namespace", message: "namespace must be a DNS name" },
  { case: "a namespace over 253 characters", props: { namespace: Array(5).fill("a".repeat(60)).join(".") }, variable: "namespace", message: "at most 253 characters" },
  { case: "a subnet ID as the VPC", props: { vpcId: "subnet-0123456789abcdef0" }, variable: "vpc_id", message: 'vpc_id must be a VPC ID such as "vpc-0123456789abcdef0"; got "subnet-0123456789abcdef0".' },
  { case: "a service twice", props: { services: ["mimir", "mimir"] }, variable: "services", message: 'services must hold distinct DNS labels (1-63 lowercase letters, digits and hyphens, no hyphen at either end), such as "mimir"; got ["mimir","mimir"].' },
  { case: "a dotted service name", props: { services: ["mimir.ingester"] }, variable: "services", message: "services must hold distinct DNS labels" },
  { case: "an SRV-style service name", props: { services: ["_mimir"] }, variable: "services", message: "services must hold distinct DNS labels" },
  { case: "a negative TTL", props: { dnsTtl: -1 }, variable: "dns_ttl", message: "dns_ttl must be a whole number of seconds from 0 to 3600; got -1." },
  { case: "a TTL over an hour", props: { dnsTtl: 86400 }, variable: "dns_ttl", message: "dns_ttl must be a whole number of seconds from 0 to 3600" },
  { case: "a fractional TTL", props: { dnsTtl: 1.5 }, variable: "dns_ttl", message: "got 1.5." },
];
