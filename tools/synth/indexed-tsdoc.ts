/** Absolute file → declaration → member → summary: lib/tsdoc.ts's `fileDocs` of every app source, at build time. */
export type DocIndex = Record<string, Record<string, Record<string, string>>>;

// Defined by tools/synth/build.ts (esbuild `define`).
declare const TSDOC_INDEX: DocIndex;

/**
 * What the compiled synth has in place of lib/tsdoc.ts: the same summaries, read when the app was
 * built, so synthesis does not load the TypeScript compiler (about 0.3 s of every run).
 */
export function memberDocs(file: string, declaration: string): Map<string, string> {
  const docs = Object.hasOwn(TSDOC_INDEX, file) && Object.hasOwn(TSDOC_INDEX[file], declaration) ? TSDOC_INDEX[file][declaration] : undefined;
  if (!docs) throw new Error(`${file}: no interface or class named ${declaration}`);
  return new Map(Object.entries(docs));
}
