import { beforeAll, describe, expect, it } from "vitest";
import { CLOUDWATCH_METRICS, cloudWatchMetricNames } from "../../modules/ecs-fargate/lgtm/alloy/cloudwatch-metrics";
import { SCRAPE_INTERVAL } from "../../modules/ecs-fargate/lgtm/alloy/config";
import { jsonDocument, literalText } from "../../lib/hcl";
import { GrafanaContainer, grafanaContainer } from "../../modules/ecs-fargate/lgtm/grafana/container";
import { DASHBOARDS, DASHBOARDS_DIR } from "../../modules/ecs-fargate/lgtm/grafana/dashboards";
import { metricNames } from "../../modules/ecs-fargate/lgtm/grafana/promql";
import { isProducedMetric } from "./support/produced-metrics";
import { renderWithTerraform } from "./support/render";
import { GRAFANA_SETTINGS, GRAFANA_SETTINGS_MINIMAL, GRAFANA_VARIABLE_VALUES, grafanaSettingsFromVariables } from "./support/settings";

const SECRET_ARN = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:grafana-admin";
// Everything Terraform's templates and HCL strings treat specially.
const TRICKY = 'a ${b} %{ if c }$${d}%%{e} "quoted" \\ back\nslash\t\u2028 <&> $f';
const P = "/etc/grafana/provisioning";

/** What terraform rendered of one container: its files, environment and task role policy. */
interface Face {
  files: Record<string, string>;
  environment: Record<string, string>;
  policy: string | null;
}

const faces: Record<string, Face> = {};
let container: GrafanaContainer;
let tricky: { json: string; text: string };

beforeAll(async () => {
  container = grafanaContainer(GRAFANA_SETTINGS, SECRET_ARN);
  const { values } = await renderWithTerraform((stack) => {
    const outputs: Record<string, unknown> = {};
    const add = (face: string, rendered: GrafanaContainer) => {
      outputs[`${face}_files`] = rendered.files;
      outputs[`${face}_environment`] = rendered.environment;
      outputs[`${face}_policy`] = rendered.taskRolePolicy;
    };
    add("literal", container);
    add("minimal", grafanaContainer(GRAFANA_SETTINGS_MINIMAL, SECRET_ARN));
    add("variables", grafanaContainer(grafanaSettingsFromVariables(stack), SECRET_ARN));
    outputs.tricky_json = jsonDocument({ text: TRICKY });
    outputs.tricky_text = literalText(TRICKY);
    return outputs;
  }, GRAFANA_VARIABLE_VALUES);
  tricky = { json: values.tricky_json as string, text: values.tricky_text as string };
  for (const face of ["literal", "minimal", "variables"]) {
    faces[face] = {
      files: values[`${face}_files`] as Record<string, string>,
      environment: values[`${face}_environment`] as Record<string, string>,
      policy: values[`${face}_policy`] as string | null,
    };
  }
});

/**
 * What Grafana makes of a provisioning value (pkg/services/provisioning/values: split on `$$`,
 * os.ExpandEnv each part, join with `$`), with no environment variables set.
 */
function grafanaExpand(value: string): string {
  return value
    .split("$$")
    .map((part) => part.replace(/\$\{[^}]*\}|\$[A-Za-z0-9_]+/g, ""))
    .join("$");
}

function expandStrings(value: unknown): unknown {
  if (typeof value === "string") return grafanaExpand(value);
  if (Array.isArray(value)) return value.map(expandStrings);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandStrings(v)]));
  return value;
}

/** A provisioning file as Grafana reads it: parsed (JSON is YAML) and, where Grafana does, expanded. */
const provisioned = (path: string, face = "literal") => expandStrings(JSON.parse(faces[face].files[path])) as Record<string, any>;
const datasources = (face = "literal") => provisioned(`${P}/datasources/lgtm.yaml`, face).datasources as Record<string, any>[];
const dashboard = (uid: string) => JSON.parse(faces.literal.files[`${DASHBOARDS_DIR}/${uid}.json`]);
const ruleGroups = (face = "literal") => JSON.parse(faces[face].files[`${P}/alerting/lgtm-rules.yaml`]).groups as Record<string, any>[];

describe("Grafana files rendered by terraform", () => {
  it("are the same from variables as from literals", () => {
    expect(faces.variables).toEqual(faces.literal);
  });

  it("keep Grafana's own $ syntax through both Terraform and Grafana's variable expansion", () => {
    const raw = faces.literal.files[`${P}/datasources/lgtm.yaml`];
    expect(raw).toContain('"url":"$${__value.raw}"');
    expect(raw).toContain("{$$__tags}");
    const [, loki, tempo] = datasources();
    expect(loki.jsonData.derivedFields[0].url).toBe("${__value.raw}");
    expect(tempo.jsonData.tracesToMetrics.queries[0].query).toBe("sum(rate(traces_spanmetrics_calls_total{$__tags}[5m]))");
    expect(dashboard("lgtm-stack-health").panels[1].targets[0].expr).toContain("[$__rate_interval]");
  });

  it("carry literal text through Terraform unchanged, template sequences, quotes and escapes included", () => {
    expect(JSON.parse(tricky.json)).toEqual({ text: TRICKY });
    expect(tricky.text).toBe(TRICKY);
  });

  it("put no $ in the alert rules file, which Grafana reads partly raw and partly expanded", () => {
    for (const face of ["literal", "minimal"]) expect(faces[face].files[`${P}/alerting/lgtm-rules.yaml`]).not.toContain("$");
  });

  it("stay lean: every file of the task together is under 32 KiB before compression", () => {
    const bytes = Object.values(faces.literal.files).reduce((total, text) => total + Buffer.byteLength(text), 0);
    expect(bytes).toBeLessThan(32 * 1024);
  });
});

describe("provisioned datasources", () => {
  it("are Mimir, Loki, Tempo and Pyroscope with fixed uids, each sending the tenant header", () => {
    expect(datasources().map((d) => [d.name, d.type, d.uid, d.url])).toEqual([
      ["Mimir", "prometheus", "mimir", GRAFANA_SETTINGS.mimirUrl],
      ["Loki", "loki", "loki", GRAFANA_SETTINGS.lokiUrl],
      ["Tempo", "tempo", "tempo", GRAFANA_SETTINGS.tempoUrl],
      ["Pyroscope", "grafana-pyroscope-datasource", "pyroscope", GRAFANA_SETTINGS.pyroscopeUrl],
    ]);
    for (const d of datasources()) {
      expect(d.jsonData.httpHeaderName1).toBe("X-Scope-OrgID");
      expect(d.secureJsonData.httpHeaderValue1).toBe(GRAFANA_SETTINGS.tenant);
    }
  });

  it("make Mimir the default Prometheus of type Mimir, stepped at Alloy's scrape interval", () => {
    const [mimir] = datasources();
    expect(mimir).toMatchObject({ isDefault: true, jsonData: { prometheusType: "Mimir", timeInterval: SCRAPE_INTERVAL } });
  });

  it("link logs to traces, traces to logs, metrics and profiles, and the service map to Mimir", () => {
    const uids = datasources().map((d) => d.uid);
    const [, loki, tempo] = datasources();
    expect(loki.jsonData.derivedFields[0]).toMatchObject({ datasourceUid: "tempo", name: "TraceID" });
    const traceId = new RegExp(loki.jsonData.derivedFields[0].matcherRegex);
    for (const line of ['{"traceid":"4bf92f3577b34da6"}', "level=info traceID=4bf92f3577b34da6", "trace_id: 4bf92f3577b34da6"]) {
      expect(traceId.exec(line)?.[1], line).toBe("4bf92f3577b34da6");
    }
    const links = tempo.jsonData;
    expect([links.tracesToLogsV2, links.tracesToMetrics, links.tracesToProfiles, links.serviceMap].map((l) => l.datasourceUid)).toEqual(["loki", "mimir", "pyroscope", "mimir"]);
    expect(links.nodeGraph.enabled).toBe(true);
    for (const l of [links.tracesToLogsV2, links.tracesToMetrics, links.tracesToProfiles, links.serviceMap]) expect(uids).toContain(l.datasourceUid);
    for (const q of links.tracesToMetrics.queries) expect(metricNames(q.query).filter((n) => !isProducedMetric(n))).toEqual([]);
  });
});

describe("provisioned dashboards", () => {
  const collected = new Set(cloudWatchMetricNames(Object.keys(CLOUDWATCH_METRICS)));
  const uids = () => datasources().map((d) => d.uid);

  it("has a provider reading the dashboard directory into the LGTM folder", () => {
    const [provider] = provisioned(`${P}/dashboards/lgtm.yaml`).providers;
    expect(provider).toMatchObject({ type: "file", folder: "LGTM", options: { path: DASHBOARDS_DIR } });
    expect(Object.keys(faces.literal.files).filter((path) => path.startsWith(`${DASHBOARDS_DIR}/`))).toHaveLength(DASHBOARDS.length);
  });

  it.each(DASHBOARDS.map((spec) => spec.uid))("%s parses, and every panel and query uses a provisioned datasource and a produced metric", (uid) => {
    const model = dashboard(uid);
    expect(model.uid).toBe(uid);
    expect(model.panels.length).toBeGreaterThan(3);
    for (const panel of model.panels) {
      expect(uids()).toContain(panel.datasource.uid);
      expect(panel.targets.length).toBeGreaterThan(0);
      for (const target of panel.targets) {
        expect(uids()).toContain(target.datasource.uid);
        const unknown = metricNames(target.expr).filter((name) => !isProducedMetric(name) && !collected.has(name));
        expect(unknown, `${panel.title}: ${target.expr}`).toEqual([]);
      }
    }
  });

  it("lays panels out without overlap", () => {
    for (const spec of DASHBOARDS) {
      const cells = new Set<string>();
      for (const { gridPos } of dashboard(spec.uid).panels) {
        for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
          for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
            expect(cells.has(`${x},${y}`), `${spec.uid} overlaps at ${x},${y}`).toBe(false);
            cells.add(`${x},${y}`);
          }
        }
      }
    }
  });
});

describe("provisioned alerting", () => {
  const rules = (face = "literal") => ruleGroups(face).flatMap((group) => group.rules);

  it("evaluates the stack's own health in the LGTM folder: component down, 5xx, delivery, S3, rings", () => {
    expect(ruleGroups()).toHaveLength(1);
    expect(ruleGroups()[0]).toMatchObject({ folder: "LGTM", interval: "1m" });
    expect(rules().map((r) => r.uid)).toEqual([
      "lgtm-component-down",
      "lgtm-server-errors",
      "lgtm-ingest-errors",
      "lgtm-object-storage-errors",
      "lgtm-ring-member-unhealthy",
    ]);
  });

  it("queries provisioned datasources and produced metrics, with a condition on an existing query", () => {
    const uids = datasources().map((d) => d.uid);
    for (const rule of rules()) {
      const refIds = rule.data.map((d: { refId: string }) => d.refId);
      expect(refIds).toContain(rule.condition);
      for (const query of rule.data) {
        expect([...uids, "__expr__"]).toContain(query.datasourceUid);
        if (query.datasourceUid !== "__expr__") expect(metricNames(query.model.expr).filter((n) => !isProducedMetric(n)), rule.uid).toEqual([]);
      }
      expect(rule).toMatchObject({ noDataState: "OK", execErrState: "Error" });
    }
  });

  it("expects every monitored job, so a job with no target at all fires", () => {
    const expr = rules()[0].data[0].model.expr as string;
    for (const job of GRAFANA_SETTINGS.monitoredJobs) expect(expr).toContain(`label_replace(vector(1), "job", "${job}", "", "")`);
    expect(expr).toContain("unless on (job) up");
    expect(rules("minimal")[0].data[0].model.expr).toBe("(1 - min by (job) (up)) > 0");
  });

  it("notifies the SNS topic through the task role when a topic is given, and nothing else otherwise", () => {
    const notifications = provisioned(`${P}/alerting/lgtm-notifications.yaml`);
    const [contactPoint] = notifications.contactPoints;
    expect(contactPoint.receivers).toEqual([
      { uid: "lgtm-sns", type: "sns", settings: { topic_arn: GRAFANA_SETTINGS.alertTopicArn, sigv4: { region: GRAFANA_SETTINGS.region } } },
    ]);
    expect(notifications.policies).toEqual([{ orgId: 1, receiver: contactPoint.name, group_by: ["grafana_folder", "alertname"] }]);
    expect(provisioned(`${P}/alerting/lgtm-notifications.yaml`, "minimal")).toEqual({ apiVersion: 1 });
  });
});

describe("Grafana container", () => {
  it("sets the root URL, turns off sign-up and anonymous access, and marks cookies Secure only over HTTPS", () => {
    expect(faces.literal.environment).toMatchObject({
      GF_SERVER_ROOT_URL: GRAFANA_SETTINGS.rootUrl,
      GF_USERS_ALLOW_SIGN_UP: "false",
      GF_AUTH_ANONYMOUS_ENABLED: "false",
      GF_SECURITY_COOKIE_SECURE: "true",
    });
    expect(faces.minimal.environment.GF_SECURITY_COOKIE_SECURE).toBe("false");
  });

  it("takes the admin password only from Secrets Manager, never from the environment", () => {
    expect(container.secrets).toEqual([{ name: "GF_SECURITY_ADMIN_PASSWORD", valueFrom: SECRET_ARN }]);
    expect(Object.keys(faces.literal.environment).filter((name) => /PASSWORD/.test(name))).toEqual([]);
  });

  it("grants sns:Publish on the alert topic only, and nothing without a topic", () => {
    expect(JSON.parse(faces.literal.policy!)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "PublishAlerts", Effect: "Allow", Action: "sns:Publish", Resource: GRAFANA_SETTINGS.alertTopicArn }],
    });
    expect(faces.minimal.policy).toBeNull();
  });

  it("keeps its data on the EFS path as uid 472, one task at a time, health-checked on /api/health", () => {
    expect(container).toMatchObject({
      port: 3000,
      healthCheckPath: "/api/health",
      dataVolume: { containerPath: "/var/lib/grafana", posixUser: { uid: 472, gid: 0 } },
      deployment: { minimumHealthyPercent: 0, maximumPercent: 100 },
    });
    expect(container.image).toMatch(/^grafana\/grafana:12\.4\.\d+$/);
  });
});
