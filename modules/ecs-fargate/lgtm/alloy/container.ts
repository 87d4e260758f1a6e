import { alloyConfig, stabilityLevelFlag } from "./config";
import { ALLOY_IMAGE } from "./image";
import { AlloySettings } from "./settings";
import { alloyTaskRolePolicy } from "./task-role-policy";

/** Where Alloy reads its configuration. */
export const ALLOY_CONFIG_PATH = "/etc/alloy/config.alloy";

/** Where Alloy keeps its state (the image's own default); the CloudWatch Logs checkpoints live here. */
export const ALLOY_STORAGE_PATH = "/var/lib/alloy/data";

/** The ports Alloy listens on. */
export const ALLOY_PORTS = { http: 12345, otlpGrpc: 4317, otlpHttp: 4318 } as const;

/** Everything the Alloy service is made of, for the FargateService that runs it. */
export interface AlloyContainer {
  /** Image reference. */
  readonly image: string;
  /** The container command (the image's ENTRYPOINT is `/bin/alloy`), one argument per element. */
  readonly command: readonly string[];
  /** File contents by absolute path; each value is a string token whose Terraform expression renders the file. */
  readonly files: Readonly<Record<string, string>>;
  /** HTTP (UI, `/metrics`, health) and OTLP ports. */
  readonly ports: typeof ALLOY_PORTS;
  /** Readiness path on the HTTP port, for the target group or a health check. */
  readonly healthCheckPath: string;
  /** The task role's IAM policy document (JSON, a string token). */
  readonly taskRolePolicy: string;
}

/** Alloy's container, configured from the settings. */
export function alloyContainer(settings: AlloySettings): AlloyContainer {
  return {
    image: ALLOY_IMAGE,
    command: [
      "run",
      // The default listen address is 127.0.0.1, unreachable from the target group and other tasks.
      `--server.http.listen-addr=0.0.0.0:${ALLOY_PORTS.http}`,
      `--storage.path=${ALLOY_STORAGE_PATH}`,
      stabilityLevelFlag(settings),
      // Usage statistics would otherwise be sent to Grafana Labs.
      "--disable-reporting",
      ALLOY_CONFIG_PATH,
    ],
    files: { [ALLOY_CONFIG_PATH]: alloyConfig(settings) },
    ports: ALLOY_PORTS,
    healthCheckPath: "/-/ready",
    taskRolePolicy: alloyTaskRolePolicy(settings),
  };
}
