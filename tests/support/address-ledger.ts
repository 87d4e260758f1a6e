import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** An address move a configuration declares in a `moved` block. */
export interface Move {
  readonly from: string;
  readonly to: string;
}

/**
 * The ledger of a configuration's resource addresses (a committed text file): one address per
 * line, and `<old> -> <new>` for every address that was renamed. Consumers' state is keyed by
 * these addresses, so the ledger only changes on purpose, in a reviewed diff:
 * - a new address must be added (a reviewed addition);
 * - an address that disappeared must either be deleted from the ledger (a reviewed destroy) or
 *   become `<old> -> <new>`, which requires the configuration's matching `moved` block;
 * - every `moved` block must be in the ledger, so none is dropped silently later.
 * Returns what is wrong, each with what to do; empty when the ledger matches.
 */
export function ledgerProblems(file: string, current: readonly string[], moves: readonly Move[]): string[] {
  const { addresses, ledgerMoves } = readLedger(file);
  const now = new Set(current);
  const problems: string[] = [];
  for (const address of current) if (!addresses.has(address)) problems.push(`new address ${address}: review it and add it to ${file}`);
  for (const address of addresses) {
    if (!now.has(address)) {
      problems.push(
        `${address} is gone: consumers' state holds it. If it was renamed, declare a moved block (ModuleDefinition.moved, or the env's moves) ` +
          `and write "${address} -> <new address>" in ${file}; if it is destroyed on purpose, delete its line`,
      );
    }
  }
  for (const move of ledgerMoves) {
    if (!moves.some((declared) => declared.from === move.from && declared.to === move.to)) problems.push(`${move.from} -> ${move.to} is in ${file} but no moved block declares it`);
    if (!now.has(move.to)) problems.push(`${move.from} -> ${move.to}: ${move.to} is not an address of the configuration`);
  }
  for (const move of moves) {
    if (!ledgerMoves.some((recorded) => recorded.from === move.from && recorded.to === move.to)) problems.push(`moved block ${move.from} -> ${move.to} is not recorded in ${file}`);
  }
  return problems;
}

/** Rewrites the ledger to the current addresses, keeping the recorded moves (LGTM_UPDATE_ADDRESSES=1). */
export function updateLedger(file: string, current: readonly string[], moves: readonly Move[]): void {
  const lines = [...current, ...moves.map((move) => `${move.from} -> ${move.to}`)];
  writeFileSync(file, [...new Set(lines)].sort().join("\n") + "\n");
}

/** Whether this run rewrites ledgers instead of checking them. */
export const UPDATING_LEDGERS = process.env.LGTM_UPDATE_ADDRESSES === "1";

function readLedger(file: string): { addresses: Set<string>; ledgerMoves: Move[] } {
  const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").map((line) => line.trim()) : [];
  const addresses = new Set<string>();
  const ledgerMoves: Move[] = [];
  for (const line of lines.filter((text) => text && !text.startsWith("#"))) {
    const move = /^(\S+)\s+->\s+(\S+)$/.exec(line);
    if (move) ledgerMoves.push({ from: move[1], to: move[2] });
    else addresses.add(line);
  }
  return { addresses, ledgerMoves };
}

/**
 * Every resource, data source and module call address a module declares, and its `moved` blocks,
 * with its nested modules' under `module.<name>.`. `files` are a module's files by path, or an env
 * root as `{ "main.tf.json": <its cdk.tf.json> }`.
 */
export function declaredAddresses(files: Record<string, string>, prefix = ""): { addresses: string[]; moves: Move[] } {
  const main = JSON.parse(files[`${prefix}main.tf.json`]);
  const of = (blocks: Record<string, Record<string, unknown>> | undefined, kind: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, named]) => Object.keys(named).map((name) => `${kind}${type}.${name}`));
  const calls = Object.entries<{ source: string }>(main.module ?? {});
  const nested = calls
    .filter(([, call]) => call.source.startsWith("./modules/"))
    .map(([name, call]) => {
      const inner = declaredAddresses(files, `${prefix}${call.source.slice(2)}/`);
      const qualify = (address: string) => `module.${name}.${address}`;
      return { addresses: inner.addresses.map(qualify), moves: inner.moves.map((move) => ({ from: qualify(move.from), to: qualify(move.to) })) };
    });
  return {
    addresses: [...of(main.resource, ""), ...of(main.data, "data."), ...calls.map(([name]) => `module.${name}`), ...nested.flatMap((n) => n.addresses)].sort(),
    moves: [...(main.moved ?? []).map(({ from, to }: Move) => ({ from, to })), ...nested.flatMap((n) => n.moves)],
  };
}
