import { describe, expect, it } from "vitest";
import { freshModules } from "../support/published";

const modules = freshModules();

/**
 * Every resource, data source and module call address a module declares, its nested modules'
 * under `module.<name>.`, sorted.
 */
function addressesOf(files: Record<string, string>, prefix = ""): string[] {
  const main = JSON.parse(files[`${prefix}main.tf.json`]);
  const of = (blocks: Record<string, Record<string, unknown>> | undefined, kind: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, named]) => Object.keys(named).map((name) => `${kind}${type}.${name}`));
  const calls = Object.entries<{ source: string }>(main.module ?? {});
  const nested = calls.filter(([, call]) => call.source.startsWith("./modules/"));
  return [
    ...of(main.resource, ""),
    ...of(main.data, "data."),
    ...calls.map(([name]) => `module.${name}`),
    ...nested.flatMap(([name, call]) => addressesOf(files, `${prefix}${call.source.slice(2)}/`).map((address) => `module.${name}.${address}`)),
  ].sort();
}

describe.each([...modules.keys()])("published module %s", (name) => {
  // Consumers' state is keyed by these addresses: changing one destroys their infrastructure.
  // A change needs a `moved` block and a reason; then update the snapshot with `vitest -u`.
  it("keeps the resource addresses consumers' state is keyed by", async () => {
    const text = addressesOf(modules.get(name)!).join("\n") + "\n";
    await expect(text).toMatchFileSnapshot(`./addresses/${name}.txt`);
  });
});
