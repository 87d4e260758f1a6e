/**
 * The Alloy image. v1.18.1 is the newest stable tag in grafana/alloy's git history (commit 6012ec4,
 * 2026-08-06) and the release the component index in ../shared/reference was generated from, so
 * every component and stability level this config uses is checked against the version that runs.
 * 1.19.2 is newer but evidenced only by a helm-chart PR (grafana/alloy#6989) and its component
 * stability was not checked. Docker Hub tags keep the `v` (operations/helm/tests at v1.18.1 pull
 * `docker.io/grafana/alloy:v1.17.1`). The stack's collector and the ecs-fargate module's sidecar
 * both run this one pin.
 */
export const ALLOY_VERSION = "1.18.1";

/** `grafana/alloy:v<version>`, the tag form Grafana publishes. */
export const ALLOY_IMAGE = `grafana/alloy:v${ALLOY_VERSION}`;
