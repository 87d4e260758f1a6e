import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Lazy } from "cdktf";
import { Construct } from "constructs";
import { entry } from "../lib/object-token";
import { ReadableStack } from "../lib/readable-stack";
import { Alb } from "../modules/alb/alb";
import { LgtmStorage } from "../modules/lgtm-storage/lgtm-storage";
import { EcsFargate } from "../modules/ecs-fargate/ecs-fargate";
import { Network } from "../modules/network/network";
import { ServiceDiscovery } from "../modules/service-discovery/service-discovery";
import { lgtmRoutes } from "./lgtm-routes";
import { LGTM_NAMESPACE, lgtmServiceNames, lgtmSettings } from "./lgtm-settings";
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
    // Globally unique without naming an account in the code.
    const account = new DataAwsCallerIdentity(this, "account");
    // Grafana's file system admits Grafana's tasks, whose security group the cluster creates later on.
    let ecs: EcsFargate | undefined;
    const grafanaSecurityGroup = Lazy.stringValue({ produce: () => entry(ecs!.lgtmSecurityGroupIds, "grafana") });
    const storage = new LgtmStorage(
      this,
      "storage",
      {
        bucketName: `lgtm-${profile.name}-${account.accountId}-${profile.region}`,
        ...profile.storage,
        grafanaEfs: { subnet_ids: network.privateSubnetIds, allowed_security_group_ids: [grafanaSecurityGroup] },
      },
      { preventDestroy: profile.protectData },
    );
    const discovery = new ServiceDiscovery(this, "service_discovery", { namespace: LGTM_NAMESPACE, vpcId: network.vpcId, services: lgtmServiceNames(profile) });
    const { domain, ...albProfile } = profile.alb;
    const routes = lgtmRoutes(domain);
    const alb = new Alb(this, "alb", { name: `lgtm-${profile.name}`, vpcId: network.vpcId, subnetIds: network.publicSubnetIds, routes, ...albProfile });
    ecs = new EcsFargate(this, "ecs", {
      name: `lgtm-${profile.name}`,
      vpcId: network.vpcId,
      subnetIds: network.privateSubnetIds,
      ...profile.ecs,
      lgtm: lgtmSettings(profile, { discovery, storage, alb, routes }),
    });
  }
}
