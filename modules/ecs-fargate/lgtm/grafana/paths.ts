/** The image's provisioning directory (GF_PATHS_PROVISIONING in grafana/grafana's Dockerfile). */
export const PROVISIONING_DIR = "/etc/grafana/provisioning";
