import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { ReadableStack } from "../lib/readable-stack";
import { EcsFargate } from "../modules/ecs-fargate/ecs-fargate";
import { Network } from "../modules/network/network";
import { PartialS3Backend } from "./partial-s3-backend";
import { EnvProfile } from "./profile";

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
    new EcsFargate(this, "ecs", { name: `lgtm-${profile.name}`, vpcId: network.vpcId, subnetIds: network.privateSubnetIds, ...profile.ecs });
  }
}
