/**
 * GitHub rejects a comment body over 65,536 characters (HTTP 422). JavaScript counts UTF-16 code
 * units, never fewer than the characters GitHub counts, and the margin absorbs any line-ending
 * normalization on GitHub's side.
 */
export const COMMENT_BUDGET = 65_000;

/** GitHub shows at most 1 MiB of one step's job summary (`$GITHUB_STEP_SUMMARY`), in bytes. */
export const JOB_SUMMARY_BUDGET = 1_000_000;

/** How a budget is counted: comment bodies in characters, job summaries in UTF-8 bytes. */
export type Measure = (text: string) => number;
export const characters: Measure = (text) => text.length;
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, "utf8");

export interface Fitted {
  lines: string[];
  /** How many of the given lines were left out. */
  cut: number;
}

/** Size of lines joined by newlines, with the newline after the last one. */
export const sizeOfLines = (lines: string[], measure: Measure) => lines.reduce((size, line) => size + measure(line) + 1, 0);

/**
 * The longest head of `lines` that fits in `room`; when some are left out, the line `more(n)`
 * saying so is appended and fits too.
 */
export function fitLines(lines: string[], room: number, measure: Measure, more: (cut: number) => string): Fitted {
  if (sizeOfLines(lines, measure) <= room) return { lines, cut: 0 };
  const kept: string[] = [];
  let used = measure(more(lines.length)) + 1;
  for (const line of lines) {
    const size = measure(line) + 1;
    if (used + size > room) break;
    kept.push(line);
    used += size;
  }
  const cut = lines.length - kept.length;
  return used > room ? { lines: [], cut: lines.length } : { lines: [...kept, more(cut)], cut };
}
