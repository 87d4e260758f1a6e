import { DATASOURCE_UIDS, MIMIR_DATASOURCE_TYPE } from "../datasources";

/** One PromQL query of a panel. */
export interface Query {
  /** The PromQL expression, run against Mimir. */
  readonly expr: string;
  /** Legend template, e.g. `{{job}}`. */
  readonly legend: string;
}

/** One panel, laid out left to right, top to bottom. */
export interface PanelSpec {
  /** Panel title. */
  readonly title: string;
  /** What the panel shows and how to read it. */
  readonly description: string;
  /** Grafana unit id of the values, e.g. `reqps`, `percent`, `s`. */
  readonly unit: string;
  /** The queries, drawn together. */
  readonly queries: readonly Query[];
  /** `stat` shows the latest value per series; the default draws time series. */
  readonly kind?: "timeseries" | "stat";
  /** Width in grid columns (of 24); default 12. */
  readonly width?: number;
}

/** A dashboard: its fixed uid, title and panels. */
export interface DashboardSpec {
  /** Stable uid, part of the dashboard's URL. */
  readonly uid: string;
  /** Title shown in the LGTM folder. */
  readonly title: string;
  /** The panels. */
  readonly panels: readonly PanelSpec[];
}

const PANEL_HEIGHT = 8;
const GRID_WIDTH = 24;
const DATASOURCE = { type: MIMIR_DATASOURCE_TYPE, uid: DATASOURCE_UIDS.mimir };
// Stat panels count healthy things: zero is red, anything else green.
const NONE_IS_RED = { mode: "absolute", steps: [{ color: "red", value: null }, { color: "green", value: 1 }] };

/** The dashboard model Grafana provisions from a file. */
export function dashboardModel(spec: DashboardSpec): object {
  let x = 0;
  let y = 0;
  const panels = spec.panels.map((panel, index) => {
    const w = panel.width ?? 12;
    if (x + w > GRID_WIDTH) {
      x = 0;
      y += PANEL_HEIGHT;
    }
    const gridPos = { x, y, w, h: PANEL_HEIGHT };
    x += w;
    return panelModel(panel, index + 1, gridPos);
  });
  return {
    uid: spec.uid,
    title: spec.title,
    tags: ["lgtm"],
    editable: false,
    // Grafana migrates older models on load; 39 is understood by every 11.x and 12.x release.
    schemaVersion: 39,
    time: { from: "now-3h", to: "now" },
    refresh: "1m",
    panels,
  };
}

function panelModel(panel: PanelSpec, id: number, gridPos: object): object {
  const stat = panel.kind === "stat";
  return {
    id,
    type: panel.kind ?? "timeseries",
    title: panel.title,
    description: panel.description,
    gridPos,
    datasource: DATASOURCE,
    fieldConfig: { defaults: stat ? { unit: panel.unit, thresholds: NONE_IS_RED } : { unit: panel.unit }, overrides: [] },
    options: stat ? { reduceOptions: { calcs: ["lastNotNull"] }, colorMode: "background" } : { legend: { displayMode: "list", placement: "bottom" } },
    targets: panel.queries.map((query, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DATASOURCE,
      expr: query.expr,
      legendFormat: query.legend,
      ...(stat ? { instant: true } : { range: true }),
    })),
  };
}
