/**
 * cdktf's `tokens/private/stack-trace.js` in the compiled synth. cdktf records where every token was
 * created (`creationStack`) and reads it only in error messages, but the original formats the whole
 * stack each time: about a fifth of a synth. This captures the same frames and formats them when an
 * error message first reads them, into the same lines.
 */
export function captureStackTrace(below?: Function): string[] {
  const holder: { stack?: string } = {};
  const previousLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = Number.MAX_SAFE_INTEGER;
    Error.captureStackTrace(holder, below ?? captureStackTrace);
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  let lines: string[] | undefined;
  // V8 formats `holder.stack` on its first read.
  const formatted = () => (lines ??= holder.stack ? holder.stack.split("\n").slice(1).map((line) => line.replace(/^\s*at\s+/, "")) : []);
  return new Proxy<string[]>([], {
    get: (_, key) => Reflect.get(formatted(), key),
    has: (_, key) => Reflect.has(formatted(), key),
    ownKeys: () => Reflect.ownKeys(formatted()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(formatted(), key),
  });
}
