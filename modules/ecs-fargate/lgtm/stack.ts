import { IResolvable, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { hcl, hclList, raw } from "../../../lib/hcl";
import { entry, objectTokens } from "../../../lib/object-token";
import { withObjectDefaults } from "../../../lib/object-type";
import { ClusterRef } from "../cluster-ref";
import { FARGATE_SERVICE_SPEC, FargateServiceSpec, LoadBalancerSpec } from "../fargate-service/spec";
import { LGTM_SETTINGS, LgtmSettings, ROLE_SIZE, RoleSizeInput } from "./settings";

/** {@link LgtmSettings} with every default filled in. */
export type CompleteSettings = Required<{ [K in keyof LgtmSettings]: Required<NonNullable<LgtmSettings[K]>> }> & { readonly alb_security_group_id: string | null };

/** Security groups, from other components, that a role admits on one of its ports. */
export type Sources = readonly string[];

/**
 * What every component's services are built from, read the same way whatever the face: settings
 * and maps are literals in an env and tokens in the published module, and each reader below
 * decides once, here, whether TypeScript or Terraform looks the value up.
 */
export class LgtmStack {
  public readonly settings: CompleteSettings;
  /** Whether the settings are a literal (an env), so graph-shaping choices are made here. */
  private readonly literal: boolean;

  constructor(
    private readonly scope: Construct,
    public readonly cluster: ClusterRef,
    settings: LgtmSettings,
  ) {
    this.literal = !Token.isUnresolved(settings);
    this.settings = (this.literal ? withObjectDefaults(settings, LGTM_SETTINGS) : objectTokens(settings, LGTM_SETTINGS)) as unknown as CompleteSettings;
  }

  /** A document several roles share (a component's config file), written once as a `local`. */
  public shared(name: string, document: string): string {
    return new TerraformLocal(this.scope, name, document).asString;
  }

  /** The Cloud Map address of a role, e.g. `loki-ingester.lgtm.local`. */
  public fqdn(role: string): string {
    return `${role}.${this.settings.namespace}`;
  }

  /** A role's size. */
  public size(role: string): Required<RoleSizeInput> {
    return entry(this.settings.sizing, role, ROLE_SIZE) as Required<RoleSizeInput>;
  }

  /** The Cloud Map service ARN a role registers in. */
  public registryArn(role: string): string {
    return entry(this.settings.service_registry_arns, role);
  }

  /** The lgtm-storage policy document of a component. */
  public policyDocument(component: string): string {
    return entry(this.settings.policy_documents, component);
  }

  /** Whether an optional role runs: known here for literal sizing, an expression otherwise. */
  public runs(role: string): boolean | IResolvable {
    return this.literal && !Token.isUnresolved(this.settings.sizing) ? role in this.settings.sizing : hcl`contains(keys(${this.settings.sizing}), ${role})`;
  }

  /**
   * The target groups of the routes given, each on its container port: `routes` maps a route key
   * (`mimir`, `tempo_otlp_grpc`) to the port. A route without a target group attaches nothing.
   */
  public loadBalancers(routes: Readonly<Record<string, number>>): LoadBalancerSpec[] {
    const groups = this.settings.target_group_arns;
    if (!Token.isUnresolved(groups)) {
      return Object.entries(routes)
        .filter(([route]) => route in groups)
        .map(([route, port]) => ({ target_group_arn: groups[route], port }));
    }
    return hclList`[for route, port in ${routes} : { target_group_arn = ${groups}[route], port = port } if contains(keys(${groups}), route)]` as unknown as LoadBalancerSpec[];
  }

  /** The load balancer's security group when any of the routes has a target group; nothing otherwise. */
  public albSources(routes: readonly string[]): Sources {
    const groups = this.settings.target_group_arns;
    const alb = this.settings.alb_security_group_id;
    if (!Token.isUnresolved(groups)) return routes.some((route) => route in groups) ? [alb as string] : [];
    return hclList`anytrue([for route in ${routes} : contains(keys(${groups}), route)]) ? [${alb}] : []`;
  }

  /**
   * Services for optional roles (Loki's caches): each role of `roles` the sizing has, keyed by the
   * role without `prefix`. A literal sizing is filtered here; a token one by a `for` expression,
   * since which services exist must be known at plan and a conditional cannot unify `{}` with an
   * object.
   */
  public optionalServices(
    roles: readonly string[],
    prefix: string,
    build: (size: Required<RoleSizeInput>, registryArn: string) => FargateServiceSpec,
  ): Record<string, FargateServiceSpec> | IResolvable {
    const sizing = this.settings.sizing;
    if (this.literal && !Token.isUnresolved(sizing)) {
      return Object.fromEntries(roles.filter((role) => role in sizing).map((role) => [role.slice(prefix.length), build(this.size(role), this.registryArn(role))]));
    }
    const size = objectTokens(raw("size"), ROLE_SIZE) as unknown as Required<RoleSizeInput>;
    const spec = withObjectDefaults(build(size, Token.asString(hcl`${this.settings.service_registry_arns}[role]`)), FARGATE_SERVICE_SPEC);
    return hcl`{ for role, size in ${sizing} : trimprefix(role, ${prefix}) => ${spec} if contains(${roles}, role) }`;
  }
}

/** A map of specs and optional ones as one services value: a literal merge, or Terraform's `merge`. */
export function withOptional(specs: Record<string, FargateServiceSpec>, optional: Record<string, FargateServiceSpec> | IResolvable): Record<string, FargateServiceSpec> | IResolvable {
  if (!Token.isUnresolved(optional)) return { ...specs, ...(optional as Record<string, FargateServiceSpec>) };
  const complete = Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, withObjectDefaults(spec, FARGATE_SERVICE_SPEC)]));
  return hcl`merge(${complete}, ${optional})`;
}

/** Lists of sources as one list: joined here when all are literal lists, with `concat` when one is a token. */
export function allOf(...lists: Sources[]): string[] {
  if (!lists.some((list) => Token.isUnresolved(list))) return lists.flat();
  return lists.reduce((joined, list) => hclList`concat(${joined}, ${list})`) as string[];
}
