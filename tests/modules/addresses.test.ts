import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UPDATING_LEDGERS, declaredAddresses, ledgerProblems, updateLedger } from "../support/address-ledger";
import { freshModules } from "../support/published";

const modules = freshModules();

describe.each([...modules.keys()])("published module %s", (name) => {
  // Consumers' state is keyed by these addresses: changing one destroys their infrastructure.
  it("keeps the resource addresses in its ledger, every rename with a moved block", () => {
    const file = join(__dirname, "addresses", `${name}.txt`);
    const { addresses, moves } = declaredAddresses(modules.get(name)!);
    if (UPDATING_LEDGERS) updateLedger(file, addresses, moves);
    expect(ledgerProblems(file, addresses, moves)).toEqual([]);
  });
});
