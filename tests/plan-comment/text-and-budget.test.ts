import { describe, expect, it } from "vitest";
import { characters, fitLines, sizeOfLines, utf8Bytes } from "../../tools/plan-comment/budget";
import { diffLines, fenceFor } from "../../tools/plan-comment/plan-text";

describe("plan text as a diff block", () => {
  it("repeats each change marker in column 0, replacements as changes, and leaves the rest alone", () => {
    const text = "\n\n  # x will be replaced\n-/+ resource \"a\" \"b\" {\n      ~ n = 1 -> 2\n      - old = 1 -> null\n      + new = 2\n        same = 3\n    }\nPlan: 1 to add\n";
    expect(diffLines(text)).toEqual([
      "  # x will be replaced",
      '!-/+ resource "a" "b" {',
      "!      ~ n = 1 -> 2",
      "-      - old = 1 -> null",
      "+      + new = 2",
      "        same = 3",
      "    }",
      "Plan: 1 to add",
    ]);
  });

  it("fences with more backticks than the text holds, so a heredoc cannot close the block", () => {
    expect(fenceFor(["plain"])).toBe("```");
    expect(fenceFor(["      + content = <<-EOT", "        ````md", "        EOT"])).toBe("`````");
  });
});

describe("fitting lines", () => {
  const lines = ["aaaa", "bbbb", "cccc", "dddd"];
  const more = (n: number) => `+${n}`;

  it("keeps everything that fits", () => {
    expect(fitLines(lines, sizeOfLines(lines, characters), characters, more)).toEqual({ lines, cut: 0 });
  });

  it("keeps the longest head that fits with the line saying how many were left out", () => {
    expect(fitLines(lines, 13, characters, more)).toEqual({ lines: ["aaaa", "bbbb", "+2"], cut: 2 });
    expect(fitLines(lines, 2, characters, more)).toEqual({ lines: [], cut: 4 });
  });

  it("counts the job summary in bytes, the comment in characters", () => {
    expect(characters("→ é")).toBe(3);
    expect(utf8Bytes("→ é")).toBe(6);
  });
});
