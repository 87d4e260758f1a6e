import { LgtmStorageProps } from "./props";

/** The components that keep data in the bucket, each with its own task role policy. */
export const COMPONENTS = ["mimir", "loki", "tempo", "pyroscope"] as const;
export type Component = (typeof COMPONENTS)[number];

/** One prefix of the bucket: who owns it and, for telemetry, which input holds its retention. */
export interface BucketPrefix {
  /** Key prefix, ending with `/`. */
  readonly prefix: string;
  readonly owner: Component;
  /**
   * The retention input of telemetry that the owner's compactor deletes; absent for configuration
   * (rule groups, Alertmanager state) that lives until a user deletes it and so never expires.
   */
  readonly retention?: keyof LgtmStorageProps;
}

/** The bucket's prefixes by name (the keys of the `prefixes` output). */
export const PREFIXES: Readonly<Record<string, BucketPrefix>> = {
  mimir_blocks: { prefix: "blocks/", owner: "mimir", retention: "mimirRetentionDays" },
  mimir_ruler: { prefix: "rules/", owner: "mimir" },
  mimir_alertmanager: { prefix: "alerts/", owner: "mimir" },
  loki: { prefix: "loki/", owner: "loki", retention: "lokiRetentionDays" },
  tempo: { prefix: "tempo/", owner: "tempo", retention: "tempoRetentionDays" },
  pyroscope: { prefix: "pyroscope/", owner: "pyroscope", retention: "pyroscopeRetentionDays" },
};

/**
 * Days between a component's own retention and S3's expiration of the same prefix. The compactors
 * delete expired blocks within a day of their retention (deletion delays of 1-12 h plus a cleanup
 * cycle); everything they keep rewriting (bucket and tenant indexes, Loki's delete requests) is at
 * most minutes old; and a block is written after the data it holds, so it is never older than
 * that data. The rest of the margin is time to notice and repair a stopped compactor before S3
 * removes blocks its bucket index still lists.
 */
export const EXPIRATION_MARGIN_DAYS = 30;

/** The prefixes a component may read and write. */
export function prefixesOf(component: Component): string[] {
  return Object.values(PREFIXES)
    .filter((prefix) => prefix.owner === component)
    .map((prefix) => prefix.prefix);
}
