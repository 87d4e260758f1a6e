/**
 * The Grafana image: `grafana/grafana` (the `grafana-oss` repository stopped at 12.4.0, per
 * grafana.com/docs/grafana/next/setup-grafana/installation/docker). 12.4 is the last 12.x minor.
 * The patch is the newest one an independent build of the upstream release shows: Alpine's
 * grafana 12.4.14 package (pkgs.alpinelinux.org, built 2026-11-04), past the 12.4.11 a Grafana
 * maintainer named as the minimum on 2026-09-15 (grafana/grafana#118510). Chainguard lists 12.4.15
 * (osv.dev CGA-9xcx-c962-m4f3, 2026-11-14). No source here lists Docker Hub's tags: confirm the tag
 * with `docker manifest inspect` before deploying, and move to 12.4.15 once it is there.
 */
export const GRAFANA_IMAGE = "grafana/grafana:12.4.14";
