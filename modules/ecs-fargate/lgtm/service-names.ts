import { LGTM_ROLES } from "./sizing/sizing";

/**
 * The ECS service names the LGTM components take in the cluster: each role's name, except Alloy,
 * whose service is `alloy-collector` (a main container named `alloy` would clash with the sidecar's).
 */
export const LGTM_SERVICE_NAMES: readonly string[] = LGTM_ROLES.map((role) => (role === "alloy" ? "alloy-collector" : role));
