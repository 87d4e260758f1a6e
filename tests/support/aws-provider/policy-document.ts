import { crc32 } from "node:zlib";
import { isObject, type CtyObject, type CtyValue } from "./cty";

/**
 * aws_iam_policy_document, rendered the way hashicorp/aws 6.x renders it so
 * that policies in plans read exactly as they will against real AWS:
 * a single action/resource/identifier is a bare string, several are sorted
 * in reverse; principals and conditions are objects with sorted keys;
 * `&{` becomes `${`; `json` is indented by two spaces, `minified_json` is
 * compact, and both escape <, > and & as Go's encoder does; `id` is the
 * CRC-32 of `json`.
 */

type StringOrList = string | string[];

interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Condition?: unknown;
}

interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement?: Statement[];
}

export class PolicyDocumentError extends Error {}

const strings = (value: CtyValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

const objects = (value: CtyValue | undefined): CtyObject[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** One element as a bare string, more as a list sorted in reverse (policyDecodeConfigStrings). */
function stringOrReverseSorted(values: string[]): StringOrList {
  if (values.length === 1) return values[0];
  return [...values].sort().reverse();
}

function replaceVariables(values: StringOrList, version: string): StringOrList {
  const replace = (value: string) => {
    if (version === "2008-10-17" && value.includes("&{")) {
      throw new PolicyDocumentError(`found &{ sequence in (${value}), which is not supported in document version 2008-10-17`);
    }
    return value.replaceAll("&{", "${");
  };
  return typeof values === "string" ? replace(values) : values.map(replace);
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function renderPrincipals(principals: CtyObject[], version: string): unknown {
  const entries = principals.map((principal) => ({
    type: String(principal.type),
    identifiers: replaceVariables(stringOrReverseSorted(strings(principal.identifiers)), version),
  }));
  const only = entries.length === 1 ? entries[0] : undefined;
  if (only?.type === "*" && (only.identifiers === "*" || (Array.isArray(only.identifiers) && only.identifiers.join() === "*"))) {
    return "*";
  }
  const byType: Record<string, StringOrList> = {};
  for (const { type, identifiers } of entries) {
    const existing = byType[type];
    if (existing === undefined) {
      byType[type] = Array.isArray(identifiers) ? [...identifiers] : identifiers;
    } else {
      byType[type] = [...(Array.isArray(existing) ? existing : [existing]), ...(Array.isArray(identifiers) ? identifiers : [identifiers])];
    }
  }
  return sortedKeys(byType);
}

function renderConditions(conditions: CtyObject[], version: string): unknown {
  const byTest: Record<string, Record<string, string[]>> = {};
  for (const condition of conditions) {
    const test = String(condition.test);
    const variable = String(condition.variable);
    const values = replaceVariables(strings(condition.values), version);
    byTest[test] ??= {};
    byTest[test][variable] = [...(byTest[test][variable] ?? []), ...(Array.isArray(values) ? values : [values])];
  }
  return sortedKeys(
    Object.fromEntries(
      Object.entries(byTest).map(([test, variables]) => [
        test,
        sortedKeys(Object.fromEntries(Object.entries(variables).map(([name, values]) => [name, values.length === 1 ? values[0] : values]))),
      ]),
    ),
  );
}

function renderStatement(config: CtyObject, version: string): Statement {
  const statement: Statement = { Effect: typeof config.effect === "string" ? config.effect : "Allow" };
  if (typeof config.sid === "string" && config.sid !== "") statement.Sid = config.sid;
  const list = (name: string) => strings(config[name]);
  if (list("actions").length > 0) statement.Action = stringOrReverseSorted(list("actions"));
  if (list("not_actions").length > 0) statement.NotAction = stringOrReverseSorted(list("not_actions"));
  if (list("resources").length > 0) statement.Resource = replaceVariables(stringOrReverseSorted(list("resources")), version);
  if (list("not_resources").length > 0) {
    statement.NotResource = replaceVariables(stringOrReverseSorted(list("not_resources")), version);
  }
  if (objects(config.principals).length > 0) statement.Principal = renderPrincipals(objects(config.principals), version);
  if (objects(config.not_principals).length > 0) {
    statement.NotPrincipal = renderPrincipals(objects(config.not_principals), version);
  }
  if (objects(config.condition).length > 0) statement.Condition = renderConditions(objects(config.condition), version);
  return statement;
}

/** Same merge as the provider: later documents win the Id, raise the Version, and replace statements by Sid. */
function merge(into: PolicyDocument, next: PolicyDocument): void {
  if (next.Id) into.Id = next.Id;
  if ((next.Version ?? "") > (into.Version ?? "")) into.Version = next.Version;
  for (const statement of next.Statement ?? []) {
    const existing = statement.Sid ? (into.Statement ?? []).findIndex((s) => s.Sid === statement.Sid) : -1;
    if (existing >= 0) into.Statement![existing] = statement;
    else into.Statement = [...(into.Statement ?? []), statement];
  }
}

function parseDocument(json: string, what: string): PolicyDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new PolicyDocumentError(`writing IAM Policy Document: merging ${what}: ${(error as Error).message}`);
  }
  if (!isPlainRecord(parsed) || (parsed.Statement !== undefined && !Array.isArray(parsed.Statement))) {
    throw new PolicyDocumentError(`writing IAM Policy Document: merging ${what}: Statement must be a list`);
  }
  const document = parsed as PolicyDocument;
  return { ...document, Statement: document.Statement?.map(normalizeParsedStatement) };
}

/**
 * What the provider's Go structs make of a statement read from JSON: list
 * principals come out sorted in reverse, condition values become strings
 * (a one-element list or a bool too); Action, Resource and the like stay as
 * written.
 */
function normalizeParsedStatement(statement: Statement): Statement {
  const principals = (value: unknown): unknown => {
    if (!isPlainRecord(value)) return value === undefined ? undefined : "*";
    const everyone = value["*"];
    if (Object.keys(value).length === 1 && (everyone === "*" || (Array.isArray(everyone) && everyone.join() === "*"))) return "*";
    return sortedKeys(
      Object.fromEntries(
        Object.entries(value).map(([type, ids]) => [type, Array.isArray(ids) ? [...(ids as string[])].sort().reverse() : ids]),
      ),
    );
  };
  const conditions = (value: unknown): unknown => {
    if (!isPlainRecord(value)) return value;
    const values = (raw: unknown) => {
      const list = Array.isArray(raw) ? raw.map(String) : [String(raw)];
      return list.length === 1 ? list[0] : list;
    };
    return sortedKeys(
      Object.fromEntries(
        Object.entries(value).map(([test, variables]) => [
          test,
          isPlainRecord(variables) ? sortedKeys(Object.fromEntries(Object.entries(variables).map(([name, raw]) => [name, values(raw)]))) : variables,
        ]),
      ),
    );
  };
  return {
    ...statement,
    Principal: principals(statement.Principal),
    NotPrincipal: principals(statement.NotPrincipal),
    Condition: conditions(statement.Condition),
  };
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Field order and omitted empties as in the provider's Go structs. */
function canonical(document: PolicyDocument): object {
  const statement = (s: Statement) =>
    Object.fromEntries(
      (["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"] as const)
        .filter((key) => s[key] !== undefined && s[key] !== "")
        .map((key) => [key, s[key]]),
    );
  return {
    ...(document.Version ? { Version: document.Version } : {}),
    ...(document.Id ? { Id: document.Id } : {}),
    ...(document.Statement && document.Statement.length > 0 ? { Statement: document.Statement.map(statement) } : {}),
  };
}

const escapeLikeGo = (json: string): string =>
  json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function renderPolicyDocument(config: CtyObject): { json: string; minified_json: string; id: string } {
  const version = typeof config.version === "string" && config.version !== "" ? config.version : "2012-10-17";
  const merged: PolicyDocument = {};
  const seenSids = new Set<string>();
  strings(config.source_policy_documents).forEach((json, index) => {
    const source = parseDocument(json, `source document ${index}`);
    (source.Statement ?? []).forEach((statement, statementIndex) => {
      if (!statement.Sid) return;
      if (seenSids.has(statement.Sid)) {
        throw new PolicyDocumentError(
          `writing IAM Policy Document: merging source document ${index}: duplicate Sid (${statement.Sid}) in source_policy_documents (statement ${statementIndex}). Remove the Sid or ensure Sids are unique.`,
        );
      }
      seenSids.add(statement.Sid);
    });
    merge(merged, source);
  });

  const current: PolicyDocument = { Version: version };
  if (typeof config.policy_id === "string" && config.policy_id !== "") current.Id = config.policy_id;
  const ownSids = new Set<string>();
  const statements = objects(config.statement).map((statementConfig) => {
    const statement = renderStatement(statementConfig, version);
    if (statement.Sid) {
      if (ownSids.has(statement.Sid)) {
        throw new PolicyDocumentError(`writing IAM Policy Document: duplicate Sid (${statement.Sid}). Remove the Sid or ensure the Sid is unique.`);
      }
      ownSids.add(statement.Sid);
    }
    return statement;
  });
  if (statements.length > 0) current.Statement = statements;
  merge(merged, current);

  strings(config.override_policy_documents).forEach((json, index) => merge(merged, parseDocument(json, `override document ${index}`)));

  const document = canonical(merged);
  const json = escapeLikeGo(JSON.stringify(document, null, 2));
  return { json, minified_json: escapeLikeGo(JSON.stringify(document)), id: String(crc32(json)) };
}
