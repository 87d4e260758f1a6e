import { createHash } from "node:crypto";
import { ObjectSpec, mapWithObjectDefaults } from "../../lib/object-type";
import { AlbRoute } from "./props";

/**
 * The `routes` object type with its defaults. `health_check_port` is an addition: a receiver such
 * as Tempo's OTLP HTTP on 4318 serves no readiness path, which lives on the component's HTTP port.
 */
export const ROUTE_SPEC: ObjectSpec = {
  host: { type: "string" },
  paths: { type: "list(string)", default: ["/*"] },
  port: { type: "number" },
  health_check_path: { type: "string", default: "/ready" },
  protocol_version: { type: "string", default: "HTTP1" },
  ingestion: { type: "bool", default: false },
  priority: { type: "number", default: null },
  health_check_port: { type: "number", default: null },
  cloudfront_only: { type: "bool", default: false },
};

/** A route with every default filled in, as Terraform sees it. */
export type CompleteRoute = Required<Omit<AlbRoute, "priority" | "health_check_port">> & { readonly priority: number | null; readonly health_check_port: number | null };

/** The routes of literal props with their defaults, by key. */
export function completeRoutes(routes: Record<string, AlbRoute>): [string, CompleteRoute][] {
  return Object.entries(mapWithObjectDefaults(routes, ROUTE_SPEC) as Record<string, CompleteRoute>);
}

/** Explicit priorities live below every derived one, so a route given one is evaluated first. */
export const EXPLICIT_PRIORITY = { min: 1, max: 9999 };
/** Width of each derived-priority band. */
const BAND = 10000;

/**
 * A route's listener rule priority: the one given, else a band by path specificity (exact paths,
 * then wildcards, then the catch-all `/*`, so a catch-all never shadows a narrower route on the
 * same host) plus a number hashed from the route key. It depends on nothing but the route itself,
 * so adding or removing a route never renumbers another; two routes whose numbers collide are
 * rejected (see the priorities rule).
 */
export function priorityOf(key: string, route: CompleteRoute): number {
  if (route.priority !== null) return route.priority;
  const band = route.paths.includes("/*") ? 3 : route.paths.some((path) => /[*?]/.test(path)) ? 2 : 1;
  return band * BAND + (parseInt(createHash("sha1").update(key).digest("hex").slice(0, 4), 16) % BAND);
}

/** {@link priorityOf} as HCL over a route key and route object (expressions). */
export function priorityHcl(key: string, route: string): string {
  const band = `(contains(${route}.paths, "/*") ? 3 : anytrue([for p in ${route}.paths : length(regexall("[*?]", p)) > 0]) ? 2 : 1)`;
  return `(${route}.priority != null ? ${route}.priority : ${band} * ${BAND} + parseint(substr(sha1(${key}), 0, 4), 16) % ${BAND})`;
}
