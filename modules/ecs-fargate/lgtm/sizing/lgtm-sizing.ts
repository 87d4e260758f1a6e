import { TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import { hcl, hclList, raw } from "../../../../lib/hcl";
import { containsToken } from "../../../../lib/inputs";
import { objectToken } from "../../../../lib/object-token";
import { RoleSizeInput, sizingInput } from "../settings";
import { sizeForLoad } from "./for-load";
import { profileHcl, sizeForLoadHcl } from "./for-load-hcl";
import { LGTM_PROFILE_NAMES } from "./inputs";
import { completeLoad, LgtmLoadInput } from "./load";
import { LGTM_PROFILES, LgtmSizing, ReplicationFactors } from "./sizing";

/** How a stack is sized: by a named profile, or from a load. Either may be a literal or a token. */
export interface SizingSelection {
  /** `dev` or `prod`; used when `load` is null. */
  readonly profile: string;
  /** The load to size for by Grafana's guidance (sizeForLoad); null or absent sizes by the profile. */
  readonly load?: LgtmLoadInput | null;
}

/** What the ecs-fargate module's `lgtm` settings take from a sizing, literal or token alike. */
export interface LgtmSizingValues {
  /** `lgtm.sizing`: role → tasks, cpu, memory, ephemeral_storage_gib, spot, memcached_mib. */
  readonly sizing: Record<string, RoleSizeInput>;
  /** `lgtm.replication`: the replication factors the task counts imply. */
  readonly replication: ReplicationFactors;
  /**
   * The roles that run, one service each. Loki's caches are the only ones that may be missing:
   * `dev` runs without them, `prod` and every load-sized layout with them. With a token
   * selection this is known at plan only, so whatever is made per role must be keyed by it in
   * Terraform (`for_each`), not in TypeScript.
   */
  readonly roles: string[];
  /** The layout itself, with its notes and bases, when it is chosen at synth; absent when Terraform chooses. */
  readonly layout?: LgtmSizing;
}

/** Every profile by name, as HCL, for Terraform to index with a `profile` variable. */
const PROFILE_TABLE = `{ ${LGTM_PROFILE_NAMES.map((name) => `${name} = ${profileHcl(LGTM_PROFILES[name])}`).join(", ")} }`;

function profileNamed(name: string): LgtmSizing {
  if (!(LGTM_PROFILE_NAMES as string[]).includes(name)) throw new Error(`Unknown sizing profile "${name}"; expected ${LGTM_PROFILE_NAMES.join(" or ")}.`);
  return LGTM_PROFILES[name as keyof typeof LGTM_PROFILES];
}

/**
 * The sizing a selection asks for. A literal selection is sized here, so an env's JSON holds the
 * numbers; one holding a token (a published module's `var.profile`, `var.load`) becomes one
 * `local` that Terraform evaluates: `load == null ? <profiles>[profile] : <the rules over load>`,
 * rendered from the same rules (for-load-hcl.ts). A load, when given, wins over the profile.
 */
export function lgtmSizing(scope: Construct, selection: SizingSelection): LgtmSizingValues {
  const { profile } = selection;
  const load = selection.load ?? null;
  if (!containsToken(load) && (load !== null || !containsToken(profile))) {
    const layout = load === null ? profileNamed(profile) : sizeForLoad(completeLoad(load));
    return { sizing: sizingInput(layout), replication: layout.replication, roles: Object.keys(layout.roles), layout };
  }
  const byProfile = containsToken(profile) ? hcl`${raw(PROFILE_TABLE)}[${profile}]` : raw(profileHcl(profileNamed(profile)));
  const loadValue = load === null ? null : completeLoad(load);
  const chosen = loadValue === null ? byProfile : hcl`${loadValue} == null ? ${byProfile} : [for given in [${loadValue}] : ${raw(sizeForLoadHcl("given"))}][0]`;
  const local = new TerraformLocal(scope, "sizing", chosen).fqn;
  return {
    sizing: hcl`${local}.sizing` as unknown as Record<string, RoleSizeInput>,
    replication: objectToken(hcl`${local}.replication`, { mimir: "number", loki: "number", tempo: "number", pyroscope: "number" }) as unknown as ReplicationFactors,
    roles: hclList`keys(${local}.sizing)`,
  };
}
