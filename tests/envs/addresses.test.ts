import { App } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { registerEnvs } from "../../main";
import { UPDATING_LEDGERS, declaredAddresses, ledgerProblems, updateLedger } from "../support/address-ledger";

const outdir = mkdtempSync(join(tmpdir(), "lgtm-env-addresses-"));
const app = new App({ outdir });
const envs = registerEnvs(app).map((stack) => stack.node.id);
app.synth();
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe.each(envs)("env %s", (env) => {
  // The env's state is keyed by these addresses: changing one destroys what it deployed.
  it("keeps the resource addresses in its ledger, every rename with a moved block", () => {
    const file = join(__dirname, "addresses", `${env}.txt`);
    const { addresses, moves } = declaredAddresses({ "main.tf.json": readFileSync(join(outdir, "stacks", env, "cdk.tf.json"), "utf8") });
    if (UPDATING_LEDGERS) updateLedger(file, addresses, moves);
    expect(ledgerProblems(file, addresses, moves)).toEqual([]);
  });
});
