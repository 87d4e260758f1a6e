// Node module hook: @actions/workflow-parser imports its JSON schemas without the
// `with { type: "json" }` attribute that Node requires, so JSON files get it here.
export async function load(url, context, nextLoad) {
  if (!url.endsWith(".json")) return nextLoad(url, context);
  return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
}
