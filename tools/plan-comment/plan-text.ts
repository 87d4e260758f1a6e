/**
 * Terraform's text plan as lines of a ```diff block: GitHub colours a line by its first
 * character, so each change marker is repeated in column 0: `+` and `-` as they are, `~` and the
 * replacements' `-/+` / `+/-` as `!`, which diff highlighting shows as changed. The line itself
 * follows unchanged.
 */
export function diffLines(planText: string): string[] {
  const lines = planText.replace(/\r\n/g, "\n").replace(/^\n+|\n+$/g, "").split("\n");
  return lines.map((line) => {
    const match = /^(\s*)(-\/\+|\+\/-|[-+~])( .*)$/.exec(line);
    if (!match) return line;
    const [, indent, symbol, rest] = match;
    const mark = symbol.length === 1 && symbol !== "~" ? symbol : "!";
    return `${mark}${indent}${symbol}${rest}`;
  });
}

/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenceFor(lines: string[]): string {
  const longest = Math.max(2, ...lines.map((line) => Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length))));
  return "`".repeat(longest + 1);
}
