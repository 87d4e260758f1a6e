import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { ReadableStack } from "../lib/readable-stack";
import { Alb } from "../modules/alb/alb";
import { LgtmStorage } from "../modules/lgtm-storage/lgtm-storage";
import { EcsFargate } from "../modules/ecs-fargate/ecs-fargate";
import { Network } from "../modules/network/network";
import { ServiceDiscovery } from "../modules/service-discovery/service-discovery";
import { lgtmRoutes } from "./lgtm-routes";
import { PartialS3Backend } from "./partial-s3-backend";
import { EnvProfile } from "./profile";

/** The stack's Cloud Map services; the data-plane issue splits them per component role. */
const LGTM_SERVICES = ["mimir", "loki", "tempo", "pyroscope", "grafana"];

/** Tags on every resource of an env, through the provider's default_tags. */
function envTags(profile: EnvProfile): Record<string, string> {
  return { Project: "lgtm-fargate", Environment: profile.name, ManagedBy: "terraform" };
}

/**
 * A deployable root: the AWS provider, a partial S3 backend (bucket and region are given at
 * `terraform init` with `-backend-config`, so no account's bucket name is baked into the code),
 * and the constructs composed with the profile's values.
 */
export class EnvStack extends ReadableStack {
  constructor(scope: Construct, profile: EnvProfile) {
    super(scope, profile.name);
    new AwsProvider(this, "aws", { region: profile.region, defaultTags: [{ tags: envTags(profile) }] });
    new PartialS3Backend(this, { key: `lgtm-fargate/${profile.name}/terraform.tfstate` });
    const network = new Network(this, "network", { name: `lgtm-${profile.name}`, ...profile.network });
    const { domain, ...alb } = profile.alb;
    new Alb(this, "alb", { name: `lgtm-${profile.name}`, vpcId: network.vpcId, subnetIds: network.publicSubnetIds, routes: lgtmRoutes(domain), ...alb });
    new ServiceDiscovery(this, "service_discovery", { namespace: "lgtm.local", vpcId: network.vpcId, services: LGTM_SERVICES });
    // Globally unique without naming an account in the code. grafanaEfs stays unset until Grafana
    // and its security group exist (issue 9).
    const account = new DataAwsCallerIdentity(this, "account");
    new LgtmStorage(
      this,
      "storage",
      { bucketName: `lgtm-${profile.name}-${account.accountId}-${profile.region}`, ...profile.storage },
      { preventDestroy: profile.protectData },
    );
    new EcsFargate(this, "ecs", { name: `lgtm-${profile.name}`, vpcId: network.vpcId, subnetIds: network.privateSubnetIds, ...profile.ecs });
  }
}
