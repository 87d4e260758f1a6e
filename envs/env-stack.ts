import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { addMovedBlocks } from "../lib/moved";
import { ReadableStack } from "../lib/readable-stack";
import { Lgtm } from "../modules/lgtm/lgtm";
import { accountConfig } from "./account-config";
import { ENV_MOVES } from "./moved";
import { PartialS3Backend } from "./partial-s3-backend";
import { EnvProfile } from "./profile";

/** Tags on every resource of an env, through the provider's default_tags. */
function envTags(profile: EnvProfile): Record<string, string> {
  return { Project: "lgtm-fargate", Environment: profile.name, ManagedBy: "terraform" };
}

/**
 * A deployable root: the AWS provider, a partial S3 backend (bucket and region are given at
 * `terraform init` with `-backend-config`, so no account's bucket name is baked into the code),
 * and the whole stack with the profile's values. The composition's id is `Default`, which
 * addresses leave out: the building blocks' resources sit at `aws_vpc.network`, `aws_lb.alb`...
 */
export class EnvStack extends ReadableStack {
  constructor(scope: Construct, profile: EnvProfile) {
    super(scope, profile.name);
    new AwsProvider(this, "aws", { region: profile.region, defaultTags: [{ tags: envTags(profile) }] });
    new PartialS3Backend(this, { key: `lgtm-fargate/${profile.name}/terraform.tfstate` });
    const account = accountConfig(profile.name);
    new Lgtm(
      this,
      "Default",
      { name: `lgtm-${profile.name}`, cidr: profile.cidr, azs: profile.azs, domain: account.domain, certificateArn: account.certificateArn, profile: profile.profile },
      // Alloy finds the env's load balancer and services by the tag default_tags gives them.
      { preventDestroy: profile.protectData, cloudwatchTags: { Environment: profile.name } },
    );
    addMovedBlocks(this, ENV_MOVES);
  }

  /**
   * cdktf resolves every element once here, before synthesizing, only to find references to other
   * stacks; an env refers to none, and that pass was a third of `npm run synth`. Its backend is
   * always set above, so the backend check this also does has nothing to add.
   */
  public prepareStack(): void {}
}
