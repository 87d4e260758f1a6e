/**
 * The local paths one Terraform file names as `source = "./…"` or `"../…"`
 * (module sources, and files some resources upload), read as terraform reads
 * the file: a source in a comment (`#`, `//`, `/* … *\/`), inside a string or
 * heredoc, or under a JSON `"//"` property (a comment in Terraform's JSON
 * syntax) is not one. Following such a text would copy whatever it names.
 */
export function localSourcesIn(fileName: string, text: string): string[] {
  return fileName.endsWith(".json") ? jsonSources(text) : nativeSources(text);
}

const LOCAL_PATH = /^\.{1,2}\//;

function jsonSources(text: string): string[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return []; // terraform reports the syntax error itself
  }
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (key === "//") continue;
        if (key === "source" && typeof child === "string" && LOCAL_PATH.test(child)) found.push(child);
        else visit(child);
      }
    }
  };
  visit(document);
  return found;
}

interface Token {
  /** "template": a string with interpolations, or a heredoc; never a path to follow. */
  kind: "word" | "string" | "template" | "symbol";
  text: string;
}

function nativeSources(text: string): string[] {
  const tokens = nativeTokens(text);
  const found: string[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [name, equals, value] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (name.kind === "word" && name.text === "source" && equals.text === "=" && value.kind === "string" && LOCAL_PATH.test(value.text)) {
      found.push(value.text);
    }
  }
  return found;
}

const WORD = /[A-Za-z_][\w-]*/y;
const HEREDOC_START = /<<-?([A-Za-z_][\w-]*)\r?\n/y;
// Two-character operators, so that `==`, `>=` or `=>` is never read as an assignment.
const OPERATOR = /[=!<>]=|=>|&&|\|\|/y;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function nativeTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "#" || text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (char === '"') {
      const quoted = readQuoted(text, i);
      tokens.push({ kind: quoted.literal ? "string" : "template", text: quoted.value });
      i = quoted.end;
    } else if (/\s/.test(char)) {
      i++;
    } else if (stickyMatch(HEREDOC_START, text, i)) {
      const [start, marker] = stickyMatch(HEREDOC_START, text, i)!;
      tokens.push({ kind: "template", text: "" });
      i = heredocEnd(text, i + start.length, marker);
    } else {
      const word = stickyMatch(WORD, text, i)?.[0];
      const token: Token = word ? { kind: "word", text: word } : { kind: "symbol", text: stickyMatch(OPERATOR, text, i)?.[0] ?? char };
      tokens.push(token);
      i += token.text.length;
    }
  }
  return tokens;
}

/** A quoted template from its opening quote: its literal text, whether it had interpolations, and where it ends. */
function readQuoted(text: string, start: number): { value: string; literal: boolean; end: number } {
  let value = "";
  let literal = true;
  let i = start + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== "\n") {
    if (text[i] === "\\") {
      value += text.slice(i, i + 2);
      i += 2;
    } else if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
      value += text.slice(i + 1, i + 3);
      i += 3;
    } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
      literal = false;
      i = interpolationEnd(text, i + 2);
    } else {
      value += text[i++];
    }
  }
  return { value, literal, end: i + 1 };
}

/** Just past the `}` closing an interpolation whose body starts at `start`; strings inside may hold braces. */
function interpolationEnd(text: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      i = readQuoted(text, i).end;
      continue;
    }
    i++;
    if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  return i;
}

/** Just past the line that closes a heredoc: the marker alone on it, indented or not. */
function heredocEnd(text: string, bodyStart: number, marker: string): number {
  let lineStart = bodyStart;
  while (lineStart < text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (text.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return text.length;
}
