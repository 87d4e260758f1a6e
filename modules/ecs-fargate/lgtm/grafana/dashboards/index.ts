import { grafanaEscaped } from "../escape";
import { jsonDocument, literalText } from "../../../../../lib/hcl";
import { metricNames } from "../promql";
import { ALB } from "./alb";
import { ECS_SERVICES } from "./ecs-services";
import { DashboardSpec, dashboardModel } from "./panels";
import { STACK_HEALTH } from "./stack-health";

/** The provisioned dashboards. */
export const DASHBOARDS: readonly DashboardSpec[] = [STACK_HEALTH, ECS_SERVICES, ALB];

/** The Grafana folder dashboards and alert rules are provisioned into. */
export const LGTM_FOLDER = "LGTM";

/**
 * Where the dashboard models are. Not below provisioning/dashboards: each directory of config files
 * is its own read-only task volume, and a volume mounted inside another would hide or be hidden.
 */
export const DASHBOARDS_DIR = "/etc/grafana/dashboards";

/** The dashboard provider (JSON is valid YAML). Provisioned dashboards cannot be deleted or saved over in the UI. */
export function dashboardProviderFile(): string {
  return jsonDocument(
    grafanaEscaped({
      apiVersion: 1,
      providers: [
        {
          name: "lgtm",
          orgId: 1,
          folder: LGTM_FOLDER,
          type: "file",
          disableDeletion: true,
          allowUiUpdates: false,
          updateIntervalSeconds: 60,
          options: { path: DASHBOARDS_DIR },
        },
      ],
    }),
  );
}

/**
 * The dashboard files by absolute path. Grafana does not expand variables in dashboard files, so
 * `$__rate_interval` stays as it is; only Terraform's template sequences are escaped.
 */
export function dashboardFiles(): Record<string, string> {
  return Object.fromEntries(DASHBOARDS.map((spec) => [`${DASHBOARDS_DIR}/${spec.uid}.json`, literalText(JSON.stringify(dashboardModel(spec)))]));
}

/** Every metric name the dashboards query, sorted. */
export function dashboardMetricNames(): string[] {
  const exprs = DASHBOARDS.flatMap((spec) => spec.panels.flatMap((panel) => panel.queries.map((query) => query.expr)));
  return [...new Set(exprs.flatMap(metricNames))].sort();
}
