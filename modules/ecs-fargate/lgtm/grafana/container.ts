import { hclString } from "../../../../lib/hcl";
import { alertRulesFile, notificationsFile } from "./alerting";
import { dashboardFiles, dashboardProviderFile } from "./dashboards";
import { datasourcesFile } from "./datasources";
import { GRAFANA_IMAGE } from "./image";
import { PROVISIONING_DIR } from "./paths";
import { GrafanaSettings } from "./settings";

/** Grafana's HTTP port. */
export const GRAFANA_PORT = 3000;

/** Where Grafana keeps its SQLite database, plugins and sessions; it must outlive the task. */
export const GRAFANA_DATA_PATH = "/var/lib/grafana";

/** The image's user (uid 472, group 0), which the data directory's EFS access point must use. */
export const GRAFANA_POSIX_USER = { uid: 472, gid: 0 } as const;

/** An ECS `secrets` entry: an environment variable filled from Secrets Manager by the execution role. */
export interface ContainerSecret {
  /** Environment variable name. */
  readonly name: string;
  /** ARN of the Secrets Manager secret. */
  readonly valueFrom: string;
}

/** Everything the Grafana service is made of, for the FargateService that runs it. */
export interface GrafanaContainer {
  /** Image reference. */
  readonly image: string;
  /** Plain environment variables (no secrets). */
  readonly environment: Readonly<Record<string, string>>;
  /** Environment variables ECS fills from Secrets Manager: the admin password. */
  readonly secrets: readonly ContainerSecret[];
  /** Provisioning files by absolute path; each value is a string token whose Terraform expression renders the file. */
  readonly files: Readonly<Record<string, string>>;
  /** The HTTP port. */
  readonly port: number;
  /** Health check path for the ALB target group. */
  readonly healthCheckPath: string;
  /** The persistent data directory and the POSIX user its EFS access point must map to. */
  readonly dataVolume: { readonly containerPath: string; readonly posixUser: typeof GRAFANA_POSIX_USER };
  /**
   * Deployment limits: the old task stops before the new one starts, so two Grafanas never write
   * the same SQLite file on EFS (a deployment means a minute of downtime).
   */
  readonly deployment: { readonly minimumHealthyPercent: number; readonly maximumPercent: number };
  /** The task role's IAM policy (JSON, a string token): `sns:Publish` on the alert topic, or null without one. */
  readonly taskRolePolicy: string;
}

/** Grafana's container, configured from the settings; the admin password comes from the given secret. */
export function grafanaContainer(settings: GrafanaSettings, adminPasswordSecretArn: string): GrafanaContainer {
  const topic = settings.alertTopicArn;
  return {
    image: GRAFANA_IMAGE,
    environment: {
      GF_SERVER_ROOT_URL: settings.rootUrl,
      GF_SECURITY_ADMIN_USER: "admin",
      GF_SECURITY_COOKIE_SECURE: hclString`tostring(${settings.https})`,
      GF_AUTH_ANONYMOUS_ENABLED: "false",
      GF_USERS_ALLOW_SIGN_UP: "false",
      GF_ANALYTICS_REPORTING_ENABLED: "false",
    },
    secrets: [{ name: "GF_SECURITY_ADMIN_PASSWORD", valueFrom: adminPasswordSecretArn }],
    files: {
      [`${PROVISIONING_DIR}/datasources/lgtm.yaml`]: datasourcesFile(settings),
      [`${PROVISIONING_DIR}/dashboards/lgtm.yaml`]: dashboardProviderFile(),
      ...dashboardFiles(),
      [`${PROVISIONING_DIR}/alerting/lgtm-rules.yaml`]: alertRulesFile(settings),
      [`${PROVISIONING_DIR}/alerting/lgtm-notifications.yaml`]: notificationsFile(settings),
    },
    port: GRAFANA_PORT,
    healthCheckPath: "/api/health",
    dataVolume: { containerPath: GRAFANA_DATA_PATH, posixUser: GRAFANA_POSIX_USER },
    deployment: { minimumHealthyPercent: 0, maximumPercent: 100 },
    taskRolePolicy: hclString`${topic} == null ? null : jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "PublishAlerts", Effect = "Allow", Action = "sns:Publish", Resource = ${topic} }] })`,
  };
}
