import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { accountConfig } from "../../envs/account-config";
import { registerEnvs } from "../../main";

const outdir = mkdtempSync(join(tmpdir(), "lgtm-alb-envs-"));
const app = new App({ outdir });
registerEnvs(app);
app.synth();
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const stack = (env: string) => JSON.parse(readFileSync(join(outdir, "stacks", env, "cdk.tf.json"), "utf8"));

describe.each([
  ["dev", false],
  ["prod", true],
])("env %s front door", (env, deletionProtection) => {
  const json = stack(env);
  const { domain, certificateArn } = accountConfig(env);

  it("puts the load balancer in the network's public subnets, admitting ingestion from the network's VPC", () => {
    expect(json.resource.aws_lb.alb).toMatchObject({ name: `lgtm-${env}`, internal: false, enable_deletion_protection: deletionProtection });
    expect(json.resource.aws_lb.alb.subnets).toContain("aws_subnet.network_public[az].id");
    expect(json.data.aws_vpc.alb.id).toBe("${aws_vpc.network.id}");
  });

  it("routes Grafana and the Mimir, Loki, Tempo (OTLP over HTTP and gRPC) and Pyroscope push endpoints under the env's domain, over HTTPS with its certificate", () => {
    const routes = json.resource.aws_lb_target_group.alb_route.for_each as Record<string, { host: string; port: number; ingestion: boolean }>;
    expect(Object.fromEntries(Object.entries(routes).map(([key, route]) => [key, [route.host, route.port, route.ingestion]]))).toEqual({
      grafana: [`grafana.${domain}`, 3000, false],
      mimir: [`mimir.${domain}`, 8080, true],
      loki: [`loki.${domain}`, 3100, true],
      tempo_otlp_http: [`tempo.${domain}`, 4318, true],
      tempo_otlp_grpc: [`tempo.${domain}`, 4317, true],
      pyroscope: [`pyroscope.${domain}`, 4040, true],
    });
    expect(routes.tempo_otlp_grpc).toMatchObject({ protocol_version: "GRPC" });
    expect(json.resource.aws_lb_listener.alb_https).toMatchObject({ count: 1, certificate_arn: certificateArn });
    expect(json.resource.aws_lb_listener.alb_http.default_action).toEqual([expect.objectContaining({ type: "redirect" })]);
  });
});
