import { TerraformStack } from "cdktf";

/**
 * A resource address that changed: state kept under `from` is moved to `to` instead of the
 * resource being destroyed and created again. Addresses are a public contract (consumers' state is
 * keyed by them), so every rename ships with one of these and a reason.
 */
export interface MovedAddress {
  /** The old address, e.g. `aws_route_table.private_old`. */
  readonly from: string;
  /** The new address. */
  readonly to: string;
  /** Why the address changed, for reviewers and the changelog. */
  readonly reason: string;
}

/** Writes Terraform `moved` blocks into a stack. */
export function addMovedBlocks(stack: TerraformStack, moves: readonly MovedAddress[]): void {
  if (moves.length > 0) stack.addOverride("moved", moves.map(({ from, to }) => ({ from, to })));
}
