import { MovedAddress } from "../lib/moved";

/**
 * Addresses the envs' resources had in an earlier version, each with where it is now: an env's
 * state is keyed by them, so a renamed construct id lands here (and in the env's address ledger,
 * tests/envs/addresses/) and terraform moves the state instead of destroying the resource.
 */
export const ENV_MOVES: readonly MovedAddress[] = [
  {
    from: "aws_vpc_security_group_ingress_rule.storage_grafana_efs_nfs[0]",
    to: "aws_vpc_security_group_ingress_rule.grafana_efs_nfs",
    reason:
      "The composition admits Grafana's tasks to its file system itself: in the published lgtm module, the storage " +
      "module's rule would wait for the cluster, which waits for the storage (a cycle).",
  },
];
