import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Move, UPDATING_LEDGERS, ledgerProblems, updateLedger } from "../support/address-ledger";
import { freshModules } from "../support/published";

const modules = freshModules();

/**
 * Every resource, data source and module call address a module declares, and its `moved` blocks,
 * with its nested modules' under `module.<name>.`.
 */
function addressesOf(files: Record<string, string>, prefix = ""): { addresses: string[]; moves: Move[] } {
  const main = JSON.parse(files[`${prefix}main.tf.json`]);
  const of = (blocks: Record<string, Record<string, unknown>> | undefined, kind: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, named]) => Object.keys(named).map((name) => `${kind}${type}.${name}`));
  const calls = Object.entries<{ source: string }>(main.module ?? {});
  const nested = calls
    .filter(([, call]) => call.source.startsWith("./modules/"))
    .map(([name, call]) => {
      const inner = addressesOf(files, `${prefix}${call.source.slice(2)}/`);
      const qualify = (address: string) => `module.${name}.${address}`;
      return { addresses: inner.addresses.map(qualify), moves: inner.moves.map((move) => ({ from: qualify(move.from), to: qualify(move.to) })) };
    });
  return {
    addresses: [...of(main.resource, ""), ...of(main.data, "data."), ...calls.map(([name]) => `module.${name}`), ...nested.flatMap((n) => n.addresses)].sort(),
    moves: [...(main.moved ?? []).map(({ from, to }: Move) => ({ from, to })), ...nested.flatMap((n) => n.moves)],
  };
}

describe.each([...modules.keys()])("published module %s", (name) => {
  // Consumers' state is keyed by these addresses: changing one destroys their infrastructure.
  it("keeps the resource addresses in its ledger, every rename with a moved block", () => {
    const file = join(__dirname, "addresses", `${name}.txt`);
    const { addresses, moves } = addressesOf(modules.get(name)!);
    if (UPDATING_LEDGERS) updateLedger(file, addresses, moves);
    expect(ledgerProblems(file, addresses, moves)).toEqual([]);
  });
});
