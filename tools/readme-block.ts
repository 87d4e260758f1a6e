import { join } from "node:path";

/** The repository's README, where generated blocks live. */
export const README = join(__dirname, "..", "README.md");

/**
 * A block of the README written by a script between two markers; the start marker names the
 * command that rewrites it, so a reader of the raw file knows not to edit it by hand.
 */
export class ReadmeBlock {
  private readonly start: string;
  private readonly end: string;

  constructor(name: string, command: string) {
    this.start = `<!-- ${name}:start (${command}) -->`;
    this.end = `<!-- ${name}:end -->`;
  }

  /** What the README holds between the markers. */
  public in(readme: string): string {
    const [start, end] = this.bounds(readme);
    return readme.slice(start, end).replace(/^\n|\n$/g, "");
  }

  /** The README with `content` between the markers. */
  public with(readme: string, content: string): string {
    const [start, end] = this.bounds(readme);
    return `${readme.slice(0, start)}\n${content}\n${readme.slice(end)}`;
  }

  private bounds(readme: string): [number, number] {
    const start = readme.indexOf(this.start);
    const end = readme.indexOf(this.end);
    if (start < 0 || end < start) throw new Error(`README.md has no ${this.start} … ${this.end} block`);
    return [start + this.start.length, end];
  }
}
