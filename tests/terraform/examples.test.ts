import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES_DIR } from "../../lib/publish";
import { checkTerraform } from "../support/terraform-runner";

describe.each(readdirSync(EXAMPLES_DIR))("example %s under terraform plan", (example) => {
  it("inits, validates and plans without errors", async () => {
    const result = await checkTerraform(join(EXAMPLES_DIR, example));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.summary!.create).toBeGreaterThan(0);
  });
});
