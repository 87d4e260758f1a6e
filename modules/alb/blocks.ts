import { TerraformResource } from "cdktf";

/**
 * Adds a `dynamic` block at `path` (`""` for the resource body, `"default_action.0."` inside a
 * block) whose iterator is the block's own name. cdktf's dynamic blocks name their iterator
 * `each`, which would hide the instance's `each.key` and `each.value` inside the block.
 */
export function addDynamicBlock(resource: TerraformResource, path: string, block: string, forEach: unknown, content: Record<string, unknown>): void {
  resource.addOverride(`${path}dynamic.${block}`, { for_each: forEach, content });
}

/** {@link addDynamicBlock} for several `dynamic` blocks of one type in the resource body. */
export function addDynamicBlocks(resource: TerraformResource, block: string, blocks: readonly { forEach: unknown; content: Record<string, unknown> }[]): void {
  resource.addOverride(
    `dynamic.${block}`,
    blocks.map(({ forEach, content }) => ({ for_each: forEach, content })),
  );
}
