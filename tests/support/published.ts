import { App } from "cdktf";
import { registerModules } from "../../main";
import { ModuleFiles } from "../../lib/module-stack";
import { publishedFiles } from "../../lib/publish";

/** Every published module, synthesized afresh in memory: name → files. */
export function freshModules(): Map<string, ModuleFiles> {
  const app = new App({ skipValidation: true, outdir: "cdktf.out" });
  return new Map(registerModules(app).map((stack) => [stack.definition.name, publishedFiles(stack)]));
}
