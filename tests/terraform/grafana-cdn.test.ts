import { App } from "cdktf";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModuleStack } from "../../lib/module-stack";
import { grafanaCdnModule } from "../../modules/lgtm/cdn/module";
import { BASE_ALB, BASE_ROUTES, CERTIFICATE_ARN } from "../support/alb";
import { plausibleAttribute } from "../support/aws-provider/plausible-values";
import { BAD_CDN_INPUTS, BASE_CDN, synthCdnComposition } from "../support/grafana-cdn";
import { hclArgs, planModuleCalls, validationErrorsByCall } from "../support/module-calls";
import { CheckResult, ResourceChange, ScratchRoot, checkTerraform, formatDiagnostics, stateFromPlan, writeScratchRoot } from "../support/terraform-runner";

type Attributes = Record<string, unknown>;
type Change = ResourceChange["change"] & { after_unknown: Attributes; after_sensitive: Attributes };
type Origin = { domain_name: string; custom_header: { name: string; value: string }[] };
type Condition = { http_header: { http_header_name: string; values: string[] }[] };

const stand = (name: string, typeName: string) => plausibleAttribute({ type: "string", sensitive: true }, name, { typeName, region: "eu-west-1" }) as string;
/** What the stand-in hands out for the ephemeral generator (must appear nowhere) and for the secret read back. */
const GENERATED = stand("random_password", "aws_secretsmanager_random_password");
const READ_BACK = stand("secret_string", "aws_secretsmanager_secret_version");

const changeOf = (result: CheckResult, address: string) => result.plan!.resource_changes!.find((c) => c.address === address)?.change as Change;
const grafanaHeaders = (result: CheckResult, address: string) => (changeOf(result, address).after as { condition: Condition[] }).condition.flatMap((c) => c.http_header);

describe("Grafana CDN beside the load balancer in an env root, under terraform plan", () => {
  let root: ScratchRoot;
  let first: CheckResult;
  let second: CheckResult;
  const config = synthCdnComposition();

  beforeAll(async () => {
    root = await writeScratchRoot({ "main.tf.json": config });
    first = await checkTerraform(root.dir);
    // Once applied, the secret's version exists and the header is read during plan.
    second = first.plan ? await checkTerraform(root.dir, { state: stateFromPlan(first.plan) }) : first;
  });
  afterAll(() => root.cleanup());

  it("plans without errors, the first time and once the secret exists", () => {
    expect(first.ok, formatDiagnostics(first.diagnostics)).toBe(true);
    expect(second.ok, formatDiagnostics(second.diagnostics)).toBe(true);
  });

  it("plans the distribution, the secret and its version, and reads the value back only once the version is written", () => {
    const planned = (result: CheckResult) => Object.fromEntries(result.plan!.resource_changes!.map((c) => [c.address, c.change.actions.join(",")]));
    expect(planned(first)).toMatchObject({
      "aws_cloudfront_distribution.cdn": "create",
      "aws_secretsmanager_secret.cdn_origin_header": "create",
      "aws_secretsmanager_secret_version.cdn_origin_header": "create",
      "data.aws_secretsmanager_secret_version.cdn_origin_header": "read",
      "aws_security_group.alb_cloudfront[0]": "create",
    });
    expect(planned(second)).not.toHaveProperty("data.aws_secretsmanager_secret_version.cdn_origin_header");
  });

  it("sends the load balancer's DNS name as the origin and the header value the listener rule requires", () => {
    const origin = (changeOf(first, "aws_cloudfront_distribution.cdn").after as { origin: Origin[] }).origin[0];
    expect(origin.custom_header.map((h) => h.name)).toEqual(["X-Origin-Verify"]);
    expect((changeOf(first, "aws_cloudfront_distribution.cdn").after_unknown as { origin: Attributes[] }).origin[0]).toMatchObject({ domain_name: true });
    const known = (changeOf(second, "aws_cloudfront_distribution.cdn").after as { origin: Origin[] }).origin[0];
    expect(known.custom_header).toEqual([{ name: "X-Origin-Verify", value: READ_BACK }]);
    expect(grafanaHeaders(second, 'aws_lb_listener_rule.alb_route["grafana"]')).toEqual([{ http_header_name: "X-Origin-Verify", values: [READ_BACK], regex_values: null }]);
    expect(grafanaHeaders(second, 'aws_lb_listener_rule.alb_route["mimir"]')).toEqual([]);
  });

  it("marks the header value sensitive wherever it is planned", () => {
    expect((changeOf(second, "aws_cloudfront_distribution.cdn").after_sensitive as { origin: Attributes }).origin).toBe(true);
    expect(changeOf(second, 'aws_lb_listener_rule.alb_route["grafana"]').after_sensitive.condition).toBe(true);
  });

  it("never has the generator's value in the configuration or a plan: it goes to Secrets Manager write-only", () => {
    expect(GENERATED).toBe("random_password-stand-in");
    for (const text of [config, JSON.stringify(first.plan), JSON.stringify(second.plan)]) expect(text).not.toContain(GENERATED);
    expect(changeOf(first, "aws_secretsmanager_secret_version.cdn_origin_header").after).toMatchObject({ secret_string: null, secret_string_wo: null, secret_string_wo_version: 1 });
  });
});

describe("Grafana CDN as a module beside the published alb module, under terraform plan", () => {
  const dir = mkdtempSync(join(tmpdir(), "lgtm-grafana-cdn-module-"));
  const files = new ModuleStack(new App({ skipValidation: true, outdir: join(dir, "cdktf.out") }), grafanaCdnModule).toModuleFiles();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, "module", file)), { recursive: true });
    writeFileSync(join(dir, "module", file), text);
  }
  const moduleDir = join(dir, "module");
  /** The module's arguments but the origin, which the composed call takes from the alb module. */
  const cdnArgs = (props: Attributes) => hclArgs(Object.fromEntries(Object.entries({ ...BASE_CDN, ...props }).filter(([key]) => key !== "originDomainName" || "originDomainName" in props)));
  let result: CheckResult;
  let errors: Map<string, string[]>;

  beforeAll(async () => {
    const alb = hclArgs({ ...BASE_ALB, certificateArn: CERTIFICATE_ARN, routes: { ...BASE_ROUTES, grafana: { ...BASE_ROUTES.grafana, cloudfront_only: true } } });
    result = await planModuleCalls(
      {
        alb: { module: "alb", args: `${alb}\n  cloudfront_origin_header = { name = module.cdn.origin_header_name, value = module.cdn.origin_header_value }` },
        cdn: { module: moduleDir, args: `${cdnArgs({ accessLogs: { bucket: "lgtm-logs", prefix: "cdn/" } })}\n  origin_domain_name = module.alb.dns_name` },
      },
      `output "cdn" {\n  value     = module.cdn\n  sensitive = true\n}\noutput "domain_name" {\n  value = module.cdn.domain_name\n}`,
    );
    errors = await validationErrorsByCall(
      moduleDir,
      Object.fromEntries(BAD_CDN_INPUTS.map((bad, i) => [`bad_${i}`, cdnArgs({ originDomainName: BASE_CDN.originDomainName, ...bad.props })])),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("publishes the header value as a sensitive output, and only it", () => {
    const outputs = JSON.parse(files["outputs.tf.json"]).output as Record<string, { sensitive?: boolean }>;
    expect(Object.keys(outputs).filter((name) => outputs[name].sensitive)).toEqual(["origin_header_value"]);
    expect(JSON.parse(files["variables.tf.json"]).variable.price_class.default).toBe("PriceClass_200");
  });

  it("plans the two modules calling each other without errors", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
  });

  it("plans the distribution from variables as the construct does from literals", () => {
    const after = changeOf(result, "module.cdn.aws_cloudfront_distribution.this").after as Attributes & { origin: Origin[]; default_cache_behavior: Attributes[] };
    expect(after).toMatchObject({
      aliases: ["grafana.lgtm.example.com"],
      price_class: "PriceClass_200",
      http_version: "http2and3",
      web_acl_id: null,
      logging_config: [{ bucket: "lgtm-logs.s3.amazonaws.com", prefix: "cdn/", include_cookies: false }],
      viewer_certificate: [{ acm_certificate_arn: BASE_CDN.certificateArn, minimum_protocol_version: "TLSv1.2_2021", ssl_support_method: "sni-only" }],
    });
    expect(after.default_cache_behavior[0]).toMatchObject({ viewer_protocol_policy: "redirect-to-https", cached_methods: ["GET", "HEAD"] });
    expect(after.origin[0].custom_header.map((h) => h.name)).toEqual(["X-Origin-Verify"]);
    expect(changeOf(result, 'module.alb.aws_lb_listener_rule.route["grafana"]').after_sensitive.condition).toBe(true);
  });

  it("outputs what DNS records need, and the header value only as sensitive", () => {
    expect(result.plan!.output_changes!.domain_name.after_unknown).toBe(true);
    expect(JSON.stringify(result.plan!.output_changes!.cdn)).not.toContain(GENERATED);
  });

  it("reports errors only against the bad calls", () => {
    expect([...errors.keys()].sort()).toEqual(BAD_CDN_INPUTS.map((_, i) => `bad_${i}`).sort());
  });

  it.each(BAD_CDN_INPUTS.map((bad, i) => ({ ...bad, i })))("rejects $case in var.$variable with the synth-time message", ({ variable, message, i }) => {
    const messages = (errors.get(`bad_${i}`) ?? []).join("\n");
    expect(messages).toContain(`Invalid value for variable: ${variable} `);
    expect(messages).toContain(message);
  });
});
