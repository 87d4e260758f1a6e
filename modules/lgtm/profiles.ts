import { TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { entry } from "../../lib/object-token";
import { ObjectSpec } from "../../lib/object-type";
import { CapacityProviderShare } from "../ecs-fargate/fargate-service/spec";
import { NatGatewayMode } from "../network/props";

/** The stack's two shapes. */
export const PROFILE_NAMES = ["dev", "prod"] as const;
export type LgtmProfileName = (typeof PROFILE_NAMES)[number];

/**
 * What a profile decides, in Terraform's spelling: the same table is a TypeScript object for an env
 * (a literal profile) and a Terraform local indexed by `var.profile` in the published module.
 */
export interface LgtmProfile {
  readonly nat_gateway_mode: NatGatewayMode;
  /** Interface endpoints of the private subnets. */
  readonly interface_endpoints: string[];
  readonly flow_logs_retention_days: number;
  /** Days CloudWatch keeps the services' logs. */
  readonly log_retention_days: number;
  /** Default capacity provider strategy of the cluster, for services that set none (the LGTM roles set their own, from the sizing's `spot`). */
  readonly capacity_provider_strategy: CapacityProviderShare[];
  /** The load balancer's deletion protection. */
  readonly deletion_protection: boolean;
  readonly mimir_retention_days: number;
  readonly loki_retention_days: number;
  /** Days `{level="info"}` log streams are kept, at most `loki_retention_days`. */
  readonly loki_info_retention_days: number;
  readonly tempo_retention_days: number;
  readonly pyroscope_retention_days: number;
}

/**
 * dev: the cheapest shape that still behaves like prod, with two AZs behind one NAT gateway, short
 * retention, the smallest task sizes that run, and the query roles on Spot (its sizing puts their
 * one task each there; a reclaim stops one for a minute or two, like any dev replacement). prod: a NAT gateway per AZ, so losing an AZ never
 * cuts another's egress; interface endpoints that keep image pulls, logs and secrets off the NAT
 * path; a year of metrics and logs; a load balancer no API call deletes. The task sizes of the
 * profile of the same name (or of a `load`) come from the sizing rules (ecs-fargate/lgtm/sizing).
 */
export const STACK_PROFILES: Readonly<Record<LgtmProfileName, LgtmProfile>> = {
  dev: {
    nat_gateway_mode: "single",
    interface_endpoints: [],
    flow_logs_retention_days: 14,
    log_retention_days: 14,
    capacity_provider_strategy: [
      { capacity_provider: "FARGATE", weight: 1, base: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ],
    deletion_protection: false,
    mimir_retention_days: 30,
    loki_retention_days: 14,
    loki_info_retention_days: 3,
    tempo_retention_days: 3,
    pyroscope_retention_days: 7,
  },
  prod: {
    nat_gateway_mode: "per_az",
    interface_endpoints: ["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager", "ssm"],
    flow_logs_retention_days: 365,
    log_retention_days: 90,
    capacity_provider_strategy: [{ capacity_provider: "FARGATE", weight: 1 }],
    deletion_protection: true,
    mimir_retention_days: 365,
    loki_retention_days: 365,
    loki_info_retention_days: 30,
    tempo_retention_days: 7,
    pyroscope_retention_days: 30,
  },
};

/** The Terraform type of each attribute of {@link LgtmProfile}, so a token profile reads as an object of tokens. */
const PROFILE_SPEC: ObjectSpec = {
  nat_gateway_mode: { type: "string" },
  interface_endpoints: { type: "list(string)" },
  flow_logs_retention_days: { type: "number" },
  log_retention_days: { type: "number" },
  capacity_provider_strategy: { type: "list(object)" },
  deletion_protection: { type: "bool" },
  mimir_retention_days: { type: "number" },
  loki_retention_days: { type: "number" },
  loki_info_retention_days: { type: "number" },
  tempo_retention_days: { type: "number" },
  pyroscope_retention_days: { type: "number" },
};

/**
 * The profile's values: read here when the profile is a literal (an env's JSON then holds the
 * values themselves), `local.profiles[var.profile]` when it is a variable.
 */
export function profileValues(scope: Construct, profile: LgtmProfileName): LgtmProfile {
  const table = Token.isUnresolved(profile) ? (new TerraformLocal(scope, "profiles", STACK_PROFILES).expression as typeof STACK_PROFILES) : STACK_PROFILES;
  return entry(table, profile, PROFILE_SPEC);
}
