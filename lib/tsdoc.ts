import { readFileSync } from "node:fs";
import * as ts from "typescript";

/**
 * The TSDoc summary of each member of an interface or class, read from its source file, so the
 * prop docs are the one source of the published module's variable and output descriptions.
 */
export function memberDocs(file: string, declaration: string): Map<string, string> {
  const docs = fileDocs(file).get(declaration);
  if (!docs) throw new Error(`${file}: no interface or class named ${declaration}`);
  return docs;
}

/**
 * `memberDocs` of every top-level interface and class of a file, by name (the first declaration of
 * a name, as `memberDocs` reads it). The compiled synth reads them all at build time
 * (tools/synth/build.ts), so synthesis does not load the TypeScript compiler.
 */
export function fileDocs(file: string): Map<string, Map<string, string>> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found = new Map<string, Map<string, string>>();
  for (const statement of source.statements) {
    if (!(ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) || !statement.name) continue;
    if (!found.has(statement.name.text)) found.set(statement.name.text, docsOf(statement));
  }
  return found;
}

function docsOf(found: ts.InterfaceDeclaration | ts.ClassDeclaration): Map<string, string> {
  const docs = new Map<string, string>();
  for (const member of found.members) {
    if (!member.name || !ts.isIdentifier(member.name)) continue;
    const text = ts
      .getJSDocCommentsAndTags(member)
      .filter(ts.isJSDoc)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
      .join(" ");
    const summary = text.replace(/\s+/g, " ").trim();
    if (summary) docs.set(member.name.text, summary);
  }
  return docs;
}
