import { NetworkProps } from "../../modules/network/props";
import { BadInput } from "./module-calls";

/** Bad inputs and the words of the error each must produce, in TypeScript and (see tests/terraform) in HCL. */
export const BAD_NETWORK_INPUTS: BadInput<NetworkProps>[] = [
  { case: "an upper-case name", props: { name: "Prod" }, variable: "name", message: 'name must be 2-32 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen; got "Prod".' },
  { case: "a name over 32 characters", props: { name: "a".repeat(33) }, variable: "name", message: "name must be 2-32 lowercase letters" },
  { case: "a /8 VPC", props: { cidr: "10.0.0.0/8" }, variable: "cidr", message: 'cidr must be an IPv4 network address in CIDR notation with a prefix from /16 to /24, such as "10.0.0.0/16"; got "10.0.0.0/8".' },
  { case: "a host address as the VPC", props: { cidr: "10.0.0.1/16" }, variable: "cidr", message: 'got "10.0.0.1/16"' },
  { case: "no CIDR at all", props: { cidr: "vpc" }, variable: "cidr", message: 'cidr must be an IPv4 network address' },
  { case: "one AZ", props: { azs: ["eu-west-1a"] }, variable: "azs", message: 'azs must list 2 to 6 distinct availability zone names such as "eu-west-1a"; got ["eu-west-1a"].' },
  { case: "a repeated AZ", props: { azs: ["eu-west-1a", "eu-west-1a"] }, variable: "azs", message: "azs must list 2 to 6 distinct" },
  { case: "a region instead of an AZ", props: { azs: ["eu-west-1", "eu-west-1b"] }, variable: "azs", message: "azs must list 2 to 6 distinct" },
  { case: "seven AZs", props: { azs: ["a", "b", "c", "d", "e", "f", "g"].map((z) => `us-east-1${z}`) }, variable: "azs", message: "azs must list 2 to 6 distinct" },
  { case: "an unknown NAT mode", props: { natGatewayMode: "dual" as never }, variable: "nat_gateway_mode", message: 'nat_gateway_mode must be one of "none", "single", "per_az"; got "dual".' },
  { case: "a retention CloudWatch refuses", props: { flowLogsRetentionDays: 10 }, variable: "flow_logs_retention_days", message: "flow_logs_retention_days must be a retention period CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30" },
  { case: "an endpoint twice", props: { interfaceEndpoints: ["logs", "logs"] }, variable: "interface_endpoints", message: "interface_endpoints must hold distinct AWS service name suffixes" },
  { case: "an S3 interface endpoint", props: { interfaceEndpoints: ["s3"] }, variable: "interface_endpoints", message: 'not "s3": an S3 gateway endpoint is always created' },
  {
    case: "no NAT and no ECR endpoints",
    props: { natGatewayMode: "none", interfaceEndpoints: ["logs"] },
    variable: "interface_endpoints",
    message: 'interface_endpoints must include "ecr.api", "ecr.dkr", "logs" when nat_gateway_mode is "none", or Fargate tasks in private subnets cannot pull images or ship logs; got ["logs"].',
  },
  { case: "subnets smaller than /28", props: { subnetNewbits: { private: 13 } }, variable: "subnet_newbits", message: "subnet_newbits must give each tier whole new bits that keep its subnets /28 or larger" },
  { case: "too few slots for the AZs", props: { subnetNewbits: { public: 2 } }, variable: "subnet_newbits", message: "leave room for every AZ" },
  // subnet_newbits is spelled out so terraform points its error at this call, not at the module's default.
  { case: "six AZs in a /24", props: { cidr: "10.0.0.0/24", azs: ["a", "b", "c", "d", "e", "f"].map((z) => `us-east-1${z}`), subnetNewbits: {} }, variable: "subnet_newbits", message: "subnet_newbits must give each tier" },
  { case: "fractional new bits", props: { subnetNewbits: { private: 3.5 } }, variable: "subnet_newbits", message: "subnet_newbits must give each tier whole new bits" },
  {
    case: "both newbits and explicit CIDRs",
    props: { azs: ["eu-west-1a", "eu-west-1b"], subnetNewbits: { private: 4 }, subnetCidrs: { public: ["10.0.0.0/24", "10.0.1.0/24"], private: ["10.0.16.0/20", "10.0.32.0/20"] } },
    variable: "subnet_newbits",
    message: "subnet_newbits must be left empty when subnet_cidrs is set (give one or the other)",
  },
  {
    case: "a CIDR list shorter than azs",
    props: { azs: ["eu-west-1a", "eu-west-1b"], subnetCidrs: { public: ["10.0.0.0/24"], private: ["10.0.16.0/20", "10.0.32.0/20"] } },
    variable: "subnet_cidrs",
    message: "subnet_cidrs must list one CIDR per AZ in azs",
  },
  {
    case: "isolated CIDRs without the isolated tier",
    props: { azs: ["eu-west-1a", "eu-west-1b"], subnetCidrs: { public: ["10.0.0.0/24", "10.0.1.0/24"], private: ["10.0.16.0/20", "10.0.32.0/20"], isolated: ["10.0.2.0/24", "10.0.3.0/24"] } },
    variable: "subnet_cidrs",
    message: "for isolated one per AZ when isolated_subnets is on and none otherwise",
  },
  {
    case: "a subnet outside the VPC",
    props: { azs: ["eu-west-1a", "eu-west-1b"], subnetCidrs: { public: ["10.0.0.0/24", "10.1.0.0/24"], private: ["10.0.16.0/20", "10.0.32.0/20"] } },
    variable: "subnet_cidrs",
    message: "subnet_cidrs must hold IPv4 network addresses inside the VPC cidr, each /28 or larger",
  },
  {
    case: "a /29 subnet",
    props: { azs: ["eu-west-1a", "eu-west-1b"], subnetCidrs: { public: ["10.0.0.0/29", "10.0.1.0/24"], private: ["10.0.16.0/20", "10.0.32.0/20"] } },
    variable: "subnet_cidrs",
    message: "each /28 or larger",
  },
  {
    case: "overlapping subnets",
    props: { azs: ["eu-west-1a", "eu-west-1b"], subnetCidrs: { public: ["10.0.0.0/24", "10.0.1.0/24"], private: ["10.0.0.0/20", "10.0.32.0/20"] } },
    variable: "subnet_cidrs",
    message: "subnet_cidrs must not overlap one another",
  },
];
