import { Construct } from "constructs";
import { ModuleDefinition } from "../../../lib/module-definition";
import { RoleSizeInput } from "../../../modules/ecs-fargate/lgtm/settings";
import { loadInput, loadInputRules, profileInput, profileInputRule } from "../../../modules/ecs-fargate/lgtm/sizing/inputs";
import { lgtmSizing } from "../../../modules/ecs-fargate/lgtm/sizing/lgtm-sizing";
import { LgtmLoadInput } from "../../../modules/ecs-fargate/lgtm/sizing/load";
import { ReplicationFactors } from "../../../modules/ecs-fargate/lgtm/sizing/sizing";

/** The inputs a composition gives lgtmSizing, as a published module takes them. */
export interface SizingProbeProps {
  /** The sizing profile, `dev` or `prod`, used when `load` is null. */
  readonly profile?: string;
  /** The load to size for; null sizes by the profile. */
  readonly load?: LgtmLoadInput | null;
}

/** lgtmSizing's values as outputs, so terraform shows what it computed. */
export class SizingProbe extends Construct {
  /** The `lgtm.sizing` map. */
  public readonly sizing: Record<string, RoleSizeInput>;
  /** The replication factors. */
  public readonly replication: ReplicationFactors;
  /** The roles that run. */
  public readonly roles: string[];

  constructor(scope: Construct, id: string, props: SizingProbeProps) {
    super(scope, id);
    const values = lgtmSizing(this, { profile: props.profile!, load: props.load });
    this.sizing = values.sizing;
    this.replication = values.replication;
    this.roles = values.roles;
  }
}

/** A module of nothing but the sizing: the `profile` and `load` variables, their rules, the values. */
export const sizingProbeModule: ModuleDefinition<SizingProbeProps, SizingProbe> = {
  name: "sizing-probe",
  summary: "lgtmSizing over variables, for tests.",
  props: { file: __filename, declaration: "SizingProbeProps" },
  construct: { file: __filename, declaration: "SizingProbe" },
  inputs: { profile: profileInput, load: loadInput },
  rules: [profileInputRule<SizingProbeProps>("profile"), ...loadInputRules<SizingProbeProps>("load")],
  create: (scope, id, props) => new SizingProbe(scope, id, props),
  outputs: ["sizing", "replication", "roles"],
};

/** The probe with the profile a literal (`dev`) and the load a variable: lgtmSizing's mixed case. */
export const devProbeModule: ModuleDefinition<SizingProbeProps, SizingProbe> = {
  ...sizingProbeModule,
  name: "sizing-probe-dev",
  create: (scope, id, props) => new SizingProbe(scope, id, { ...props, profile: "dev" }),
};
