import { beforeAll, describe, expect, it } from "vitest";
import { CLOUDWATCH_METRICS } from "../../modules/ecs-fargate/lgtm/alloy/cloudwatch-metrics";
import { ALLOY_CONFIG_PATH, alloyContainer } from "../../modules/ecs-fargate/lgtm/alloy/container";
import { ALLOY_IMAGE } from "../../modules/ecs-fargate/lgtm/alloy/image";
import { alloyComponentStages, alloyComponents, alloyReferences } from "./support/alloy-syntax";
import { renderWithTerraform } from "./support/render";
import { ALLOY_SETTINGS, ALLOY_SETTINGS_MINIMAL, ALLOY_VARIABLE_VALUES, alloySettingsFromVariables } from "./support/settings";

interface Face {
  config: string;
  command: string[];
  policy: string;
}

const faces: Record<string, Face> = {};
const stages = alloyComponentStages();

// Exports per component family, from the "Exported fields" section of each component's doc at v1.18.1.
const EXPORTS: [RegExp, string][] = [
  [/^otelcol\.(processor|exporter)\./, "input"],
  [/^otelcol\.storage\./, "handler"],
  [/^(prometheus\.remote_write|loki\.write)$/, "receiver"],
  [/^(discovery|prometheus\.exporter)\./, "targets"],
];

beforeAll(async () => {
  const { values } = await renderWithTerraform((stack) => {
    const outputs: Record<string, unknown> = {};
    const add = (face: string, container: ReturnType<typeof alloyContainer>) => {
      outputs[`${face}_config`] = container.files[ALLOY_CONFIG_PATH];
      outputs[`${face}_command`] = container.command;
      outputs[`${face}_policy`] = container.taskRolePolicy;
    };
    add("literal", alloyContainer(ALLOY_SETTINGS));
    add("minimal", alloyContainer(ALLOY_SETTINGS_MINIMAL));
    add("variables", alloyContainer(alloySettingsFromVariables(stack)));
    return outputs;
  }, ALLOY_VARIABLE_VALUES);
  for (const face of ["literal", "minimal", "variables"]) {
    faces[face] = { config: values[`${face}_config`] as string, command: values[`${face}_command`] as string[], policy: values[`${face}_policy`] as string };
  }
});

const config = (face = "literal") => faces[face].config;
const component = (name: string, label: string, face = "literal") => alloyComponents(config(face)).find((c) => c.name === name && c.label === label);

describe("Alloy config rendered by terraform", () => {
  it("is the same text, command and policy from variables as from literals", () => {
    expect(faces.variables).toEqual(faces.literal);
  });

  it("declares only components Alloy 1.18.1 has, each label once", () => {
    for (const face of ["literal", "minimal"]) {
      const declared = alloyComponents(config(face));
      expect(declared.length).toBeGreaterThan(10);
      expect(declared.filter((c) => !stages.has(c.name)).map((c) => c.name)).toEqual([]);
      const keys = declared.map((c) => `${c.name}.${c.label}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("points every forward_to, output, targets and storage reference at a declared component's export", () => {
    for (const face of ["literal", "minimal"]) {
      const declared = alloyComponents(config(face));
      const references = alloyReferences(config(face));
      expect(references.length).toBeGreaterThan(10);
      for (const reference of references) {
        const target = declared.find((c) => reference.startsWith(`${c.name}.${c.label}.`));
        expect(target, `${reference} names no declared component`).toBeDefined();
        const exported = EXPORTS.find(([family]) => family.test(target!.name))?.[1];
        expect(reference, `${target!.name} exports ${exported}`).toBe(`${target!.name}.${target!.label}.${exported}`);
      }
    }
  });

  it("runs experimental exactly when an experimental component is in the config", () => {
    for (const face of ["literal", "minimal"]) {
      const used = alloyComponents(config(face)).map((c) => stages.get(c.name));
      const level = faces[face].command.find((arg) => arg.startsWith("--stability.level="));
      expect(level).toBe(used.includes("experimental") ? "--stability.level=experimental" : "--stability.level=generally-available");
      if (!used.includes("experimental")) expect(used.every((stage) => stage === "general-availability")).toBe(true);
    }
    expect(stages.get("otelcol.receiver.awscloudwatch")).toBe("experimental");
    expect(faces.literal.command).toContain("--stability.level=experimental");
    expect(faces.minimal.command).toContain("--stability.level=generally-available");
  });

  it("listens on all interfaces and reads the delivered config file, one argument per element", () => {
    const command = faces.literal.command;
    expect(command[0]).toBe("run");
    expect(command).toContain("--server.http.listen-addr=0.0.0.0:12345");
    expect(command.at(-1)).toBe(ALLOY_CONFIG_PATH);
    expect(command.every((arg) => !arg.includes(" "))).toBe(true);
    expect(ALLOY_IMAGE).toMatch(/^grafana\/alloy:v1\.\d+\.\d+$/);
  });

  it("receives OTLP on 4317 and 4318 and sends every signal on with the tenant", () => {
    const receiver = component("otelcol.receiver.otlp", "default")!.body;
    expect(receiver).toContain('endpoint = "0.0.0.0:4317"');
    expect(receiver).toContain('endpoint = "0.0.0.0:4318"');
    const tempo = component("otelcol.exporter.otlp", "tempo")!.body;
    expect(tempo).toContain('endpoint = "tempo-distributor.lgtm.local:4317"');
    expect(tempo).toContain('"X-Scope-OrgID" = "lgtm"');
    const mimir = component("prometheus.remote_write", "mimir")!.body;
    expect(mimir).toContain('url     = "http://mimir.lgtm.local:8080/api/v1/push"');
    expect(mimir).toContain('"X-Scope-OrgID" = "lgtm"');
    expect(component("loki.write", "loki")!.body).toContain('tenant_id = "lgtm"');
  });

  it("scrapes every component through Cloud Map A records on its own port, as its own job", () => {
    for (const [job, target] of Object.entries(ALLOY_SETTINGS.scrapeTargets)) {
      const label = `lgtm_${job.replace(/-/g, "_")}`;
      const dns = component("discovery.dns", label)!.body;
      expect(dns).toContain(`names = ["${target.fqdn}"]`);
      expect(dns).toContain('type  = "A"');
      expect(dns).toContain(`port  = ${target.port}`);
      const scrape = component("prometheus.scrape", label)!.body;
      expect(scrape).toContain(`job_name        = "${job}"`);
      expect(scrape).toContain(`targets         = discovery.dns.${label}.targets`);
    }
  });

  it("collects each chosen CloudWatch namespace with its tag filter and the catalog's metrics", () => {
    const exporter = component("prometheus.exporter.cloudwatch", "aws")!.body;
    expect(exporter).toContain('sts_region = "ap-northeast-2"');
    const jobs = exporter.split(/\n  discovery \{/).slice(1);
    expect(jobs).toHaveLength(Object.keys(ALLOY_SETTINGS.cloudWatchNamespaces).length);
    for (const [namespace, tags] of Object.entries(ALLOY_SETTINGS.cloudWatchNamespaces)) {
      const job = jobs.find((text) => text.includes(`type        = "${namespace}"`))!;
      expect(job).toContain('regions     = ["ap-northeast-2"]');
      for (const [key, value] of Object.entries(tags)) expect(job).toContain(`"${key}" = "${value}"`);
      const metrics = [...job.matchAll(/name {7}= "([^"]+)"\n {6}statistics = (\[[^\]]*\])/g)].map((m) => [m[1], JSON.parse(m[2])]);
      expect(metrics).toEqual(CLOUDWATCH_METRICS[namespace].metrics.map((m) => [m.name, m.statistics]));
    }
    expect(component("prometheus.scrape", "cloudwatch")!.body).toContain("targets         = prometheus.exporter.cloudwatch.aws.targets");
  });

  it("reads one CloudWatch Logs prefix per receiver, and none without prefixes", () => {
    const receivers = alloyComponents(config()).filter((c) => c.name === "otelcol.receiver.awscloudwatch");
    expect(receivers.map((r) => r.body.match(/prefix = "([^"]*)"/)![1])).toEqual(ALLOY_SETTINGS.logGroupPrefixes);
    expect(receivers.every((r) => r.body.includes('region  = "ap-northeast-2"'))).toBe(true);
    const minimal = alloyComponents(config("minimal")).map((c) => c.name);
    expect(minimal).not.toContain("otelcol.receiver.awscloudwatch");
    expect(minimal).not.toContain("prometheus.exporter.cloudwatch");
  });

  it("grants read-only CloudWatch and tagging, and log reads only under the prefixes", () => {
    const statements = JSON.parse(faces.literal.policy).Statement as { Sid: string; Action: string | string[]; Resource: string | string[] }[];
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ["ReadCloudWatchMetrics", ["cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics", "tag:GetResources"], "*"],
      [
        "ReadLogGroupsUnderPrefixes",
        "logs:FilterLogEvents",
        ["arn:aws:logs:ap-northeast-2:123456789012:log-group:/ecs/orders*", "arn:aws:logs:ap-northeast-2:123456789012:log-group:/aws/lambda/checkout-*"],
      ],
      ["DiscoverLogGroups", "logs:DescribeLogGroups", "arn:aws:logs:ap-northeast-2:123456789012:log-group:*"],
    ]);
    expect(JSON.parse(faces.minimal.policy).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["ReadCloudWatchMetrics"]);
  });
});
