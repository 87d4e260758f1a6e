import { readFileSync } from "node:fs";
import * as ts from "typescript";

/**
 * The TSDoc summary of each member of an interface or class, read from its source file, so the
 * prop docs are the one source of the published module's variable and output descriptions.
 */
export function memberDocs(file: string, declaration: string): Map<string, string> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration | ts.ClassDeclaration =>
      (ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === declaration,
  );
  if (!found) throw new Error(`${file}: no interface or class named ${declaration}`);
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
