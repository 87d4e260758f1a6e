import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localSourcesIn } from "../support/module-sources";
import { checkTerraform, formatDiagnostics, writeScratchRoot, type ScratchRoot } from "../support/terraform-runner";

// The harness copies only the local directories a configuration really names
// as sources: a source in a comment, in a heredoc or under a JSON "//" key is
// not one, and following it would copy whatever it points at (here the whole
// project, with a large directory in it) and move the working directory.

const MAIN_TF = `# module "upstream" {
#   source = "../.."
# }
// source = "../../big"
/* A block comment holding a "quote" and
   source = "../../decoy-block-comment"
*/
locals {
  homepage = "https://example.com/docs#usage" // a comment after a string with // and #
  nested   = "\${join("#", ["x", "/*"])}"
  escaped  = "$\${not_interpolated} /* still a string"
  script   = <<-EOT
    source = "../../decoy-heredoc"
    /* not a comment either
    EOT
}

module "a" {
  source = "./modules/a" # trailing comment
}

module "b" {
  source = "./modules/b"
}
`;

const JSON_TF = {
  "//": { module: { upstream: { source: "../../decoy-json" } } },
  module: { c: { "//": "source = ../../decoy-json", source: "./modules/c" } },
};

const MODULE = 'output "name" {\n  value = basename(path.module)\n}\n';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith(".terraform/"))
    .sort();
}

describe("local module sources", () => {
  let project: ScratchRoot;

  beforeAll(async () => {
    const big = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`big/data/${i % 20}/file-${i}.txt`, "x".repeat(1024)]));
    project = await writeScratchRoot({
      ...big,
      "decoy-block-comment/main.tf": MODULE,
      "decoy-heredoc/main.tf": MODULE,
      "decoy-json/main.tf": MODULE,
      "examples/complete/main.tf": MAIN_TF,
      "examples/complete/sources.tf.json": JSON_TF,
      "examples/complete/modules/a/main.tf": MODULE,
      "examples/complete/modules/b/main.tf": MODULE,
      "examples/complete/modules/c/main.tf": MODULE,
    });
  });

  afterAll(() => project?.cleanup());

  it("follows sources in code only, not in comments, heredocs or JSON comment properties", async () => {
    const result = await checkTerraform(join(project.dir, "examples/complete"), { keepWorkDir: true });
    try {
      expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
      // Nothing above the example was reached, so the copy is rooted at the example itself.
      expect(basename(result.workDir)).toBe("config");
      expect(filesUnder(result.workDir)).toEqual([
        "main.tf",
        "modules/a/main.tf",
        "modules/b/main.tf",
        "modules/c/main.tf",
        "sources.tf.json",
        "zz_lgtm_harness_override.tf.json",
      ]);
    } finally {
      await rm(/^.*\/lgtm-tf-check-[^/]+/.exec(result.workDir)![0], { recursive: true, force: true });
    }
  }, 60_000);
});

describe("reading sources from one file", () => {
  it("reads CRLF files, braces inside interpolated strings and comparisons without mistaking them", () => {
    const text = [
      'locals { label = "${replace(var.name, "}", "")}" }',
      'locals { same = var.source == "../not-a-source" }',
      "locals { text = <<EOT",
      '  source = "../in-heredoc"',
      "  EOT",
      "}",
      'module "m" { source = "../m" }',
    ].join("\r\n");
    expect(localSourcesIn("main.tf", text)).toEqual(["../m"]);
  });

  it("ignores sources that are templates or not local paths", () => {
    const text = 'module "a" { source = "./${var.dir}" }\nmodule "b" { source = "terraform-aws-modules/vpc/aws" }\nmodule "c" { source = "./c" }';
    expect(localSourcesIn("main.tf", text)).toEqual(["./c"]);
  });

  it("finds nothing in a .tf.json file that does not parse, leaving the error to terraform", () => {
    expect(localSourcesIn("main.tf.json", '{"module": {"a": {"source": "./a"}}')).toEqual([]);
  });
});
