/** A pinned container image and the user it runs as, which owns whatever the task must let it write. */
export interface PinnedImage {
  /** Repository and exact tag, never `latest`. */
  readonly image: string;
  /** The numeric user the image runs as (its `USER`), so writable volumes can be handed to it. */
  readonly uid: number;
}

/**
 * The images of the LGTM data plane: Kafka-free lines only (Fargate has no Kafka). All are
 * multi-arch (linux/amd64 and linux/arm64), so they run on ARM64 tasks. To bump one, change its
 * tag here after seeing the tag on Docker Hub, run `npm run synth && npm test`, and read the
 * release's CHANGELOG for changed config keys (the config tests check every key against
 * `../shared/reference`, which must then be refreshed for the new version).
 */
export const LGTM_IMAGES = {
  /**
   * Mimir 3.0.x, the line whose classic (ingester) architecture the 3.0.2 config descriptor
   * describes. 3.0.6 is the newest patch seen published as an image (pinned by several public
   * projects); release PRs for 3.0.7 (grafana/mimir#15658, 2026-06-12) and 3.0.8
   * (grafana/mimir#16083) were merged, but no image of either was found. The image has no `USER`:
   * it runs as root (cmd/mimir/Dockerfile @97072740). Multi-arch: `push-multiarch-mimir` in the
   * Makefile builds linux/amd64 and linux/arm64.
   */
  mimir: { image: "grafana/mimir:3.0.6", uid: 0 },
  /**
   * Loki 3.7.8: release notes grafana/loki#24587 (2026-09-17); public pins of
   * `grafana/loki:3.7.8@sha256:1107dd52…`, an index with linux/amd64 and linux/arm64. Keys are
   * checked against the 3.7.6 configuration reference. `USER 10001` (cmd/loki/Dockerfile @v3.7.6).
   */
  loki: { image: "grafana/loki:3.7.8", uid: 10001 },
  /**
   * Tempo 2.10.8, the last classic (ingester) line: Tempo 3 needs Kafka in distributed mode.
   * Tag v2.10.8 (2026-08-13); public pins of `grafana/tempo:2.10.8@sha256:f0561deb…`.
   * `USER 10001:10001` (cmd/tempo/Dockerfile @v2.10.8).
   */
  tempo: { image: "grafana/tempo:2.10.8", uid: 10001 },
  /**
   * Pyroscope 1.21.1 (tag v1.21.1, 2026-05-07; release notes grafana/pyroscope#5126), the 1.x
   * line whose reference configuration is checked; 2.x is a different architecture.
   * `USER pyroscope` = 10001 (cmd/pyroscope/Dockerfile @v1.21.1); arm64 in .goreleaser.yaml.
   */
  pyroscope: { image: "grafana/pyroscope:1.21.1", uid: 10001 },
  /**
   * memcached for Loki's chunk and results caches: the Docker official image 1.6.45 (Debian
   * trixie), built 2026-08-25 for linux/arm64/v8 among others (docker-library/repo-info
   * repos/memcached/tag-details.md @23d0bf94). `USER memcache` = 11211.
   */
  memcached: { image: "memcached:1.6.45", uid: 11211 },
} as const satisfies Record<string, PinnedImage>;
