import { describe, expect, it } from "vitest";
import { freshModules } from "../support/published";

const modules = freshModules();

/** Every resource and data source address a module's main.tf.json declares, sorted. */
function addressesOf(mainTfJson: string): string[] {
  const main = JSON.parse(mainTfJson);
  const of = (blocks: Record<string, Record<string, unknown>> | undefined, prefix: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, named]) => Object.keys(named).map((name) => `${prefix}${type}.${name}`));
  return [...of(main.resource, ""), ...of(main.data, "data."), ...of(main.module, "module.")].sort();
}

describe.each([...modules.keys()])("published module %s", (name) => {
  // Consumers' state is keyed by these addresses: changing one destroys their infrastructure.
  // A change needs a `moved` block and a reason; then update the snapshot with `vitest -u`.
  it("keeps the resource addresses consumers' state is keyed by", async () => {
    const text = addressesOf(modules.get(name)!["main.tf.json"]).join("\n") + "\n";
    await expect(text).toMatchFileSnapshot(`./addresses/${name}.txt`);
  });
});
