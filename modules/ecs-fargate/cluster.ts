import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { EcrPullThroughCacheRule } from "@cdktf/provider-aws/lib/ecr-pull-through-cache-rule";
import { EcsCluster as EcsClusterResource } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IResolvable, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { countIf, tagged } from "../../lib/choose";
import { hcl, hclLines, hclString, raw } from "../../lib/hcl";
import { checkInputs, withDefaults } from "../../lib/inputs";
import { withObjectDefaults } from "../../lib/object-type";
import { ClusterRef, arnIn } from "./cluster-ref";
import { CAPACITY_PROVIDER_SHARE } from "./fargate-service/spec";
import { HELPER_IMAGES, IMAGE_SOURCE, imageReference, repositoryCredentials, sourcedImage } from "./image-source";
import { clusterInputs, clusterRules } from "./inputs";
import { EcsClusterProps } from "./props";

/**
 * An ECS cluster for Fargate: Container Insights (enhanced), FARGATE and FARGATE_SPOT with a
 * default strategy, ECS Exec logging to CloudWatch, optional ECR pull-through cache rules, and the
 * task execution role every service shares. The role may pull this account's ECR images, write to
 * the cluster's log groups (`/ecs/<name>/*`) and, per service, read the secrets it references.
 */
export class EcsCluster extends Construct implements ClusterRef {
  /** Name of the cluster (its resource attribute). */
  public readonly name: string;
  /** Name of the cluster as given (a literal in an env, `var.name` in a module), for names derived from it. */
  public readonly clusterName: string;
  /** ARN of the cluster. */
  public readonly arn: string;
  /** ID of the cluster (its ARN). */
  public readonly id: string;
  /** ARN of the shared task execution role. */
  public readonly executionRoleArn: string;
  /** Name of the shared task execution role, to attach each service's secret-read policy. */
  public readonly executionRoleName: string;
  /** ARN of the log group that receives ECS Exec session logs. */
  public readonly execLogGroupArn: string;
  /** KMS key ARN of ECS Exec sessions, or null. */
  public readonly executeCommandKmsKeyArn: string | null;
  /** The default capacity provider strategy, with defaults filled in. */
  public readonly capacityProviderStrategy: IResolvable;
  /** The image source with defaults filled in (a `local`). */
  public readonly imageSource: string;
  /** This account's ECR registry host. */
  public readonly registry: string;
  /** The init container, Alloy and Fluent Bit images as pulled under the image source: name → `{ image, repository_credentials }`. */
  public readonly helperImages: string;
  /** AWS partition of the cluster, for ARNs. */
  public readonly partition: string;
  /** Region of the cluster, for ARNs and log configuration. */
  public readonly region: string;
  /** Account ID of the cluster, for ARNs. */
  public readonly account: string;
  /** Tags on every resource. */
  public readonly tags: Record<string, string>;

  constructor(scope: Construct, id: string, input: EcsClusterProps) {
    super(scope, id);
    const props = withDefaults(input, clusterInputs);
    checkInputs(`EcsCluster ${this.node.path}`, props, clusterInputs, clusterRules);
    this.tags = props.tags;
    this.clusterName = props.name;

    const region = new DataAwsRegion(this, "current:region");
    const account = new DataAwsCallerIdentity(this, "current:account");
    const partition = new DataAwsPartition(this, "current:partition");
    this.partition = partition.partition;
    this.region = region.region;
    this.account = account.accountId;
    this.registry = `${account.accountId}.dkr.ecr.${region.region}.${partition.dnsSuffix}`;

    const imageSource = new TerraformLocal(this, "image_source", hcl`${withObjectDefaults(props.imageSource, IMAGE_SOURCE)}`);
    this.imageSource = imageSource.fqn;
    const strategy = props.capacityProviderStrategy;
    this.capacityProviderStrategy = hcl`${Token.isUnresolved(strategy) ? strategy : strategy.map((share) => withObjectDefaults(share, CAPACITY_PROVIDER_SHARE))}`;

    const execLogGroup = new CloudwatchLogGroup(this, "exec", {
      name: `/aws/ecs/execute-command/${props.name}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.executeCommandKmsKeyArn ?? undefined,
      tags: tagged(props.tags, `${props.name}-execute-command`),
    });
    this.execLogGroupArn = execLogGroup.arn;
    this.executeCommandKmsKeyArn = props.executeCommandKmsKeyArn;

    const cluster = new EcsClusterResource(this, "this", {
      name: props.name,
      setting: [{ name: "containerInsights", value: "enhanced" }],
      configuration: {
        executeCommandConfiguration: {
          kmsKeyId: props.executeCommandKmsKeyArn ?? undefined,
          logging: "OVERRIDE",
          logConfiguration: {
            cloudWatchLogGroupName: execLogGroup.name,
            cloudWatchEncryptionEnabled: hcl`${props.executeCommandKmsKeyArn} != null`,
          },
        },
      },
      tags: tagged(props.tags, props.name),
    });
    const capacity = new EcsClusterCapacityProviders(this, "this:capacity", {
      clusterName: cluster.name,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    });
    capacity.addOverride("dynamic.default_capacity_provider_strategy", {
      for_each: Token.asString(this.capacityProviderStrategy),
      content: {
        capacity_provider: "${default_capacity_provider_strategy.value.capacity_provider}",
        weight: "${default_capacity_provider_strategy.value.weight}",
        base: "${default_capacity_provider_strategy.value.base}",
      },
    });
    this.name = cluster.name;
    this.arn = cluster.arn;
    this.id = cluster.id;

    const cacheRule = (ruleId: string, prefix: string, upstream: string, credentials?: string) =>
      new EcrPullThroughCacheRule(this, ruleId, {
        count: countIf(hcl`${imageSource.fqn}.mode == "pull_through_cache" && ${imageSource.fqn}.create_cache_rules`),
        ecrRepositoryPrefix: hclString`${imageSource.fqn}.${raw(prefix)}`,
        upstreamRegistryUrl: upstream,
        credentialArn: credentials,
      });
    cacheRule("docker_hub", "docker_hub_cache_prefix", "registry-1.docker.io", hclString`${imageSource.fqn}.credentials_secret_arn`);
    cacheRule("ecr_public", "ecr_public_cache_prefix", "public.ecr.aws");

    const helperRefs = new TerraformLocal(this, "helper_image_refs", hcl`{ for name, image in ${HELPER_IMAGES} : name => ${imageReference(raw("image"))} }`);
    this.helperImages = new TerraformLocal(
      this,
      "helper_images",
      hcl`{ for name, ref in ${helperRefs.fqn} : name => { image = ${sourcedImage(raw("ref"), imageSource.fqn, this.registry)}, repository_credentials = ${repositoryCredentials(raw("ref"), imageSource.fqn)} } }`,
    ).fqn;

    const role = new IamRole(this, "execution", {
      name: `${props.name}-task-execution`,
      description: `Starts the tasks of ECS cluster ${props.name}: pulls images, writes their logs, reads their secrets`,
      assumeRolePolicy: ecsTasksTrustPolicy(this),
      tags: tagged(props.tags, `${props.name}-task-execution`),
    });
    this.executionRoleArn = role.arn;
    this.executionRoleName = role.name;
    new IamRolePolicy(this, "execution:policy", { name: "start-tasks", role: role.id, policy: this.executionPolicy(props.name, imageSource) });
  }


  /**
   * ECR pull of this account's images (the authorization token has no resource-level permission),
   * logs in the cluster's log groups, the pull-through cache's repositories when it is used, and
   * the Docker Hub credentials when direct pulls use them.
   */
  private executionPolicy(name: string, imageSource: TerraformLocal): string {
    const source = imageSource.fqn;
    const cacheRepositories = (prefix: string) => arnIn(this, "ecr", `repository/${hclString`${source}.${raw(prefix)}`}/*`);
    const always = [
      { Sid: "EcrTokenHasNoResourceLevelPermission", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "PullThisAccountsImages",
        Effect: "Allow",
        Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        Resource: arnIn(this, "ecr", "repository/*"),
      },
      { Sid: "WriteTheClustersLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: arnIn(this, "logs", `log-group:/ecs/${name}/*`) },
    ];
    const pullThroughCache = {
      Sid: "FillThePullThroughCache",
      Effect: "Allow",
      Action: ["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"],
      Resource: [cacheRepositories("docker_hub_cache_prefix"), cacheRepositories("ecr_public_cache_prefix")],
    };
    const dockerHubCredentials = { Sid: "ReadDockerHubCredentials", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: hclString`${source}.credentials_secret_arn` };
    return Token.asString(hclLines`jsonencode({ Version = "2012-10-17", Statement = concat(${always},
      ${source}.mode == "pull_through_cache" ? ${[pullThroughCache]} : [],
      ${source}.mode == "docker_hub" && ${source}.credentials_secret_arn != null ? ${[dockerHubCredentials]} : []) })`);
  }
}

/** A trust policy that lets ECS tasks of this account, and only those, assume a role. */
export function ecsTasksTrustPolicy(cluster: ClusterRef): string {
  const statement = {
    Sid: "EcsTasksOfThisAccount",
    Effect: "Allow",
    Action: "sts:AssumeRole",
    Principal: { Service: "ecs-tasks.amazonaws.com" },
    Condition: { StringEquals: { "aws:SourceAccount": cluster.account }, ArnLike: { "aws:SourceArn": arnIn(cluster, "ecs", "*") } },
  };
  return hclString`jsonencode({ Version = "2012-10-17", Statement = ${[statement]} })`;
}
