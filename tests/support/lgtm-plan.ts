import { parse } from "yaml";
import { Component } from "./config-reference/check-config";
import { deliveredFiles } from "./task-files";
import { TerraformPlan } from "./terraform-runner";

/** An ECS container definition as the plan holds it (the parts the tests read). */
export interface PlannedContainer {
  readonly name: string;
  readonly image: string;
  readonly command?: string[] | null;
  readonly environment?: { name: string; value: string }[];
  readonly secrets?: { name: string; valueFrom: string }[];
  readonly portMappings?: { containerPort: number }[];
  readonly healthCheck?: { command: string[] } | null;
  readonly stopTimeout?: number | null;
  readonly mountPoints?: { sourceVolume: string; containerPath: string; readOnly: boolean }[];
}

/** One security group ingress rule of a group, by its key `<service>/<port>/<source>`. */
export interface PlannedIngress {
  readonly group: string;
  readonly service: string;
  readonly port: number;
  /** `sg-<i>`, `cidr-<i>` or a service of the same group. */
  readonly source: string;
  readonly after: Record<string, unknown>;
}

/** Where each component's config file is, and the group of services that reads it. */
export const CONFIG_FILES: Record<Component, { group: string; path: string }> = {
  mimir: { group: "mimir", path: "/etc/mimir/mimir.yaml" },
  loki: { group: "loki", path: "/etc/loki/loki.yaml" },
  tempo: { group: "tempo", path: "/etc/tempo/tempo.yaml" },
  pyroscope: { group: "pyroscope", path: "/etc/pyroscope/pyroscope.yaml" },
};

/**
 * The LGTM components' resources in a plan, wherever they sit: inside the ecs-fargate module's
 * nested `module.lgtm[0]` (`at` = `module.<call>.module.lgtm[0].`, no name prefix) or in an env
 * root (`at` empty, names prefixed `ecs_lgtm_`).
 */
export class LgtmPlan {
  constructor(
    private readonly plan: TerraformPlan,
    private readonly at: string,
    private readonly namePrefix = "",
  ) {}

  /** The planned `after` of one instance of a group's resource. */
  public after(type: string, group: string, key: string): Record<string, unknown> {
    const address = `${this.at}${type}.${this.namePrefix}${group}["${key}"]`;
    const change = (this.plan.resource_changes ?? []).find((c) => c.address === address);
    if (!change) throw new Error(`${address} is not planned`);
    return change.change.after as Record<string, unknown>;
  }

  /** Keys of a group's instances of a resource type, sorted. */
  public keys(type: string, group: string): string[] {
    const prefix = `${this.at}${type}.${this.namePrefix}${group}[`;
    return (this.plan.resource_changes ?? [])
      .filter((c) => c.address.startsWith(prefix))
      .map((c) => JSON.parse(c.address.slice(prefix.length, -1)) as string)
      .sort();
  }

  /** Every planned address of the components, without the location prefix. */
  public addresses(): string[] {
    return (this.plan.resource_changes ?? []).filter((c) => c.address.startsWith(this.at) && c.address.includes(`.${this.namePrefix}`)).map((c) => c.address.slice(this.at.length));
  }

  public service(group: string, key: string): Record<string, unknown> {
    return this.after("aws_ecs_service", group, key);
  }

  public taskDefinition(group: string, key: string): Record<string, unknown> {
    return this.after("aws_ecs_task_definition", group, key);
  }

  public containers(group: string, key: string): PlannedContainer[] {
    return JSON.parse(this.taskDefinition(group, key).container_definitions as string) as PlannedContainer[];
  }

  /** The main container: the one named after the service key. */
  public container(group: string, key: string): PlannedContainer {
    return this.containers(group, key).find((container) => container.name === key)!;
  }

  /** The files a service's init container delivers, by path. */
  public files(group: string, key: string): Record<string, string> {
    return deliveredFiles(this.taskDefinition(group, key).container_definitions as string);
  }

  /** A component's config as the given service receives it, parsed. */
  public config(component: Component, key: string): Record<string, any> {
    const { group, path } = CONFIG_FILES[component];
    return parse(this.files(group, key)[path]) as Record<string, any>;
  }

  /** The task role's inline policy documents of a service, by policy name. */
  public taskPolicies(group: string, key: string): Record<string, string> {
    return Object.fromEntries(
      this.keys("aws_iam_role_policy", `${group}_task`)
        .filter((policy) => policy.startsWith(`${key}/`))
        .map((policy) => [policy.slice(key.length + 1), this.after("aws_iam_role_policy", `${group}_task`, policy).policy as string]),
    );
  }

  /** Every ingress rule of the groups' security groups. */
  public ingressEverywhere(groups: readonly string[]): PlannedIngress[] {
    return groups.flatMap((group) => this.ingress(group));
  }

  /** Every ingress rule of a group's security groups. */
  public ingress(group: string): PlannedIngress[] {
    return this.keys("aws_vpc_security_group_ingress_rule", group).map((key) => {
      const [service, port, source] = key.split("/");
      return { group, service, port: Number(port), source, after: this.after("aws_vpc_security_group_ingress_rule", group, key) };
    });
  }
}
