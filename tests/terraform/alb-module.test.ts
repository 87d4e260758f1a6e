import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES_DIR } from "../../lib/publish";
import { completeRoutes, priorityOf } from "../../modules/alb/route-spec";
import { AlbProps } from "../../modules/alb/props";
import { BASE_ALB, BASE_ROUTES, CERTIFICATE_ARN, CLOUDFRONT_ALB, ORIGIN_HEADER, TEMPO_ROUTES, WEB_ACL_ARN } from "../support/alb";
import { BAD_ALB_INPUTS } from "../support/bad-alb-inputs";
import { hclArgs, planCallsOf, validationErrorsByCall } from "../support/module-calls";
import { CheckResult, ResourceChange, checkTerraform, formatDiagnostics } from "../support/terraform-runner";

/** The stand-in answers every `aws_vpc` lookup with this CIDR. */
const VPC_CIDR = "10.0.0.0/16";

type Attributes = Record<string, unknown>;
type Condition = { host_header: { values: string[] }[]; path_pattern: { values: string[] }[]; source_ip: { values: string[] }[]; http_header: { http_header_name: string; values: string[] }[] };

const SECURE: AlbProps = {
  ...BASE_ALB,
  name: "lgtm-secure",
  certificateArn: CERTIFICATE_ARN,
  routes: { ...BASE_ROUTES, ...TEMPO_ROUTES },
  ingestionCidrs: ["10.8.0.0/16"],
  internal: true,
  accessLogs: { bucket: "lgtm-logs", prefix: "alb" },
  wafAclArn: WEB_ACL_ARN,
  idleTimeout: 120,
  deletionProtection: true,
  tags: { Team: "observability" },
};
const withMimir = (changes: Attributes) => ({ ...BASE_ALB, routes: { ...BASE_ROUTES, mimir: { ...BASE_ROUTES.mimir, ...changes } } });

describe("published alb module under terraform plan", () => {
  let result: CheckResult;
  let changes: ResourceChange[];
  const after = (address: string) => changes.find((c) => c.address === address)?.change.after as Attributes;
  const addresses = (prefix: string) => changes.filter((c) => c.address.startsWith(prefix)).map((c) => c.address).sort();
  /** A data source's values as read during plan (the state the plan starts from). */
  const readData = (address: string): Attributes => {
    type Module = { resources?: { address: string; values: Attributes }[]; child_modules?: Module[] };
    const walk = (module: Module): { address: string; values: Attributes }[] => [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(walk)];
    return walk((result.plan!.prior_state as { values: { root_module: Module } }).values.root_module).find((r) => r.address === address)!.values;
  };
  const sourceIps = (call: string, route: string) => (after(`module.${call}.aws_lb_listener_rule.route["${route}"]`).condition as Condition[]).flatMap((c) => c.source_ip.flatMap((s) => s.values));

  beforeAll(async () => {
    result = await planCallsOf(
      "alb",
      {
        plain: hclArgs({ ...BASE_ALB }),
        secure: hclArgs({ ...SECURE }),
        open: hclArgs({ ...BASE_ALB, ingestionCidrs: ["0.0.0.0/0"] }),
        new_port: hclArgs(withMimir({ port: 9009 })),
        new_health_path: hclArgs(withMimir({ health_check_path: "/health" })),
        fleet: `  for_each = toset(["metrics", "logs"])\n${hclArgs({ ...BASE_ALB, name: "lgtm-${each.key}" })}`,
        cdn: hclArgs({ ...CLOUDFRONT_ALB, name: "lgtm-cdn", routes: { ...CLOUDFRONT_ALB.routes, ...TEMPO_ROUTES } }),
      },
      ["plain", "secure", "cdn"].map((call) => `output "${call}" {\n  value = module.${call}\n}`).join("\n"),
    );
    changes = result.plan?.resource_changes ?? [];
  });

  it("plans without errors", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
  });

  it("serves HTTP only without a certificate, answering 404 to what no route matches", () => {
    expect(after("module.plain.aws_lb_listener.http").default_action).toMatchObject([
      { type: "fixed-response", fixed_response: [{ status_code: "404", content_type: "text/plain" }], redirect: [] },
    ]);
    expect(addresses("module.plain.aws_lb_listener.https")).toEqual([]);
  });

  it("serves HTTPS with the TLS 1.3 policy and redirects HTTP to it with a certificate", () => {
    expect(after("module.secure.aws_lb_listener.http").default_action).toMatchObject([
      { type: "redirect", redirect: [{ protocol: "HTTPS", port: "443", status_code: "HTTP_301" }], fixed_response: [] },
    ]);
    expect(after("module.secure.aws_lb_listener.https[0]")).toMatchObject({
      port: 443,
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificate_arn: CERTIFICATE_ARN,
      default_action: [{ type: "fixed-response", fixed_response: [{ status_code: "404" }] }],
    });
  });

  it("drops invalid header fields, and applies the load balancer's settings, logs and WAF", () => {
    expect(after("module.plain.aws_lb.this")).toMatchObject({ name: "lgtm-test", internal: false, drop_invalid_header_fields: true, idle_timeout: 60, enable_deletion_protection: false, access_logs: [] });
    expect(after("module.secure.aws_lb.this")).toMatchObject({
      internal: true,
      drop_invalid_header_fields: true,
      idle_timeout: 120,
      enable_deletion_protection: true,
      access_logs: [{ bucket: "lgtm-logs", prefix: "alb", enabled: true }],
      tags: { Name: "lgtm-secure", Team: "observability" },
    });
    expect(after("module.secure.aws_wafv2_web_acl_association.this[0]")).toMatchObject({ web_acl_arn: WEB_ACL_ARN });
    expect(addresses("module.plain.aws_wafv2_web_acl_association.")).toEqual([]);
  });

  it("routes by host header and path patterns, one rule per route", () => {
    expect(addresses("module.secure.aws_lb_listener_rule.")).toEqual(["grafana", "mimir", "tempo", "tempo_grpc"].map((key) => `module.secure.aws_lb_listener_rule.route["${key}"]`));
    const conditions = after('module.plain.aws_lb_listener_rule.route["mimir"]').condition as Condition[];
    expect(conditions.flatMap((c) => c.host_header.flatMap((h) => h.values))).toEqual(["mimir.lgtm.example.com"]);
    expect(conditions.flatMap((c) => c.path_pattern.flatMap((p) => p.values))).toEqual(["/api/v1/push"]);
  });

  it("limits ingestion routes to the VPC's CIDR by default and to ingestion_cidrs when given", () => {
    expect(sourceIps("plain", "mimir")).toEqual([VPC_CIDR]);
    for (const route of ["mimir", "tempo", "tempo_grpc"]) expect(sourceIps("secure", route)).toEqual(["10.8.0.0/16"]);
    expect(sourceIps("plain", "grafana")).toEqual([]);
  });

  it("opens no route to 0.0.0.0/0 at the rule level unless asked", () => {
    const open = changes.filter((c) => c.type === "aws_lb_listener_rule" && JSON.stringify(c.change.after).includes("0.0.0.0/0")).map((c) => c.address);
    expect(open).toEqual(['module.open.aws_lb_listener_rule.route["mimir"]']);
  });

  it("gives the priorities the construct derives, so both faces agree", () => {
    for (const [call, props] of [["plain", BASE_ALB], ["secure", SECURE]] as const) {
      for (const [key, route] of completeRoutes(props.routes)) {
        expect(after(`module.${call}.aws_lb_listener_rule.route["${key}"]`).priority, `${call} ${key}`).toBe(priorityOf(key, route));
      }
    }
  });

  it("names target groups <name>-<hash> within 32 characters, renamed when the port changes and not when the health check does", () => {
    const name = (call: string, route: string) => after(`module.${call}.aws_lb_target_group.route["${route}"]`).name as string;
    for (const route of ["grafana", "mimir"]) expect(name("plain", route)).toMatch(/^lgtm-test-[0-9a-f]{7}$/);
    expect(name("plain", "grafana")).not.toBe(name("plain", "mimir"));
    expect(name("new_port", "mimir")).not.toBe(name("plain", "mimir"));
    expect(name("new_health_path", "mimir")).toBe(name("plain", "mimir"));
    expect(`${"a".repeat(24)}-${"0".repeat(7)}`.length).toBe(32);
  });

  it("health-checks each target group the way its protocol needs", () => {
    const group = (route: string) => after(`module.secure.aws_lb_target_group.route["${route}"]`);
    expect(group("grafana")).toMatchObject({ target_type: "ip", port: 3000, protocol: "HTTP", protocol_version: "HTTP1", deregistration_delay: "30" });
    expect(group("grafana").health_check).toMatchObject([{ path: "/api/health", matcher: "200", port: "traffic-port" }]);
    expect(group("tempo").health_check).toMatchObject([{ path: "/ready", matcher: "200", port: "3200" }]);
    expect(group("tempo_grpc")).toMatchObject({ port: 4317, protocol_version: "GRPC", health_check: [{ path: "/AWS.ALB/healthcheck", matcher: "0,12", port: "traffic-port" }] });
  });

  it("admits 80 (and 443 with a certificate) from ingress_cidrs and the ingestion CIDRs only", () => {
    expect(addresses("module.plain.aws_vpc_security_group_ingress_rule.")).toEqual([
      'module.plain.aws_vpc_security_group_ingress_rule.http["0.0.0.0/0"]',
      'module.plain.aws_vpc_security_group_ingress_rule.http["vpc"]',
    ]);
    expect(after('module.plain.aws_vpc_security_group_ingress_rule.http["vpc"]')).toMatchObject({ cidr_ipv4: VPC_CIDR, from_port: 80, to_port: 80, ip_protocol: "tcp" });
    expect(addresses("module.secure.aws_vpc_security_group_ingress_rule.https")).toEqual(
      ["0.0.0.0/0", "10.8.0.0/16"].map((cidr) => `module.secure.aws_vpc_security_group_ingress_rule.https["${cidr}"]`),
    );
  });

  it("lets the load balancer out only to its target and health check ports in the VPC", () => {
    expect(addresses("module.secure.aws_vpc_security_group_egress_rule.")).toEqual(
      ["3000", "3200", "4317", "4318", "8080"].map((port) => `module.secure.aws_vpc_security_group_egress_rule.targets["${port}"]`),
    );
    expect(after('module.secure.aws_vpc_security_group_egress_rule.targets["4317"]')).toMatchObject({ cidr_ipv4: VPC_CIDR, from_port: 4317, to_port: 4317, ip_protocol: "tcp" });
  });

  it("outputs a URL per route, with the scheme the listeners serve", () => {
    const output = (call: string) => result.plan!.output_changes![call].after as { urls: Record<string, string>; listener_arns: Record<string, unknown> };
    expect(output("plain").urls).toEqual({ grafana: "http://grafana.lgtm.example.com", mimir: "http://mimir.lgtm.example.com" });
    expect(output("secure").urls.tempo_grpc).toBe("https://tempo.lgtm.example.com");
    const unknown = (call: string) => result.plan!.output_changes![call].after_unknown as { listener_arns: Record<string, boolean>; target_group_arns: Record<string, boolean> };
    expect(Object.keys(unknown("secure").listener_arns).sort()).toEqual(["http", "https"]);
    expect(Object.keys(unknown("plain").listener_arns)).toEqual(["http"]);
    expect(Object.keys(unknown("secure").target_group_arns).sort()).toEqual(["grafana", "mimir", "tempo", "tempo_grpc"]);
  });

  it("lets cloudfront_only routes answer only requests carrying the origin header, and no other route", () => {
    const headers = (route: string) => (after(`module.cdn.aws_lb_listener_rule.route["${route}"]`).condition as Condition[]).flatMap((c) => c.http_header);
    expect(headers("grafana")).toEqual([{ http_header_name: ORIGIN_HEADER.name, values: [ORIGIN_HEADER.value], regex_values: null }]);
    for (const route of ["mimir", "tempo", "tempo_grpc"]) expect(headers(route)).toEqual([]);
    expect(sourceIps("cdn", "grafana")).toEqual([]);
    expect(after('module.cdn.aws_lb_listener_rule.route["grafana"]').listener_arn).toBeUndefined();
    const sensitive = (route: string) => (changes.find((c) => c.address === `module.cdn.aws_lb_listener_rule.route["${route}"]`)!.change as unknown as { after_sensitive: Attributes }).after_sensitive.condition;
    expect(sensitive("grafana")).toBe(true);
    expect(sensitive("mimir")).not.toBe(true);
    for (const call of ["plain", "secure"]) {
      expect(changes.filter((c) => c.address.startsWith(`module.${call}.`) && JSON.stringify(c.change.after).includes("http_header_name"))).toEqual([]);
    }
  });

  it("admits CloudFront's origin-facing prefix list on 443 in a second security group, only where a route is cloudfront_only", () => {
    expect(addresses("module.cdn.aws_security_group.")).toEqual(["module.cdn.aws_security_group.cloudfront[0]", "module.cdn.aws_security_group.this"]);
    expect(after("module.cdn.aws_vpc_security_group_ingress_rule.cloudfront[0]")).toMatchObject({ from_port: 443, to_port: 443, ip_protocol: "tcp", cidr_ipv4: null });
    const prefixList = readData("module.cdn.data.aws_ec2_managed_prefix_list.cloudfront[0]");
    expect(prefixList).toMatchObject({ name: "com.amazonaws.global.cloudfront.origin-facing" });
    expect(after("module.cdn.aws_vpc_security_group_ingress_rule.cloudfront[0]").prefix_list_id).toBe(prefixList.id);
    for (const call of ["plain", "secure"]) {
      expect(changes.filter((c) => c.address.startsWith(`module.${call}.`) && /cloudfront/.test(c.address))).toEqual([]);
    }
    // Still admitted: the CIDRs, for the ingestion routes on the same listener.
    expect(addresses("module.cdn.aws_vpc_security_group_ingress_rule.https")).toEqual(['module.cdn.aws_vpc_security_group_ingress_rule.https["0.0.0.0/0"]', 'module.cdn.aws_vpc_security_group_ingress_rule.https["vpc"]']);
  });

  it("never outputs the origin header", () => {
    const outputs = JSON.stringify(result.plan!.output_changes!.cdn);
    expect(outputs).not.toContain(ORIGIN_HEADER.value);
    expect(outputs).toContain("https://grafana.lgtm.example.com");
  });

  it("plans one load balancer per key with for_each on the call", () => {
    expect(addresses('module.fleet["')).toContain('module.fleet["logs"].aws_lb.this');
    expect(after('module.fleet["metrics"].aws_lb.this').name).toBe("lgtm-metrics");
  });
});

describe("alb example with a certificate, behind a network created in the same apply", () => {
  it("plans HTTPS and the OTLP gRPC route on values unknown until apply", async () => {
    const result = await checkTerraform(join(EXAMPLES_DIR, "alb"), { vars: { certificate_arn: CERTIFICATE_ARN } });
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
    const planned = (result.plan?.resource_changes ?? []).map((c) => c.address);
    expect(planned).toContain("module.alb.aws_lb_listener.https[0]");
    expect(planned).toContain('module.alb.aws_lb_target_group.route["tempo_grpc"]');
    expect(planned).toContain('module.alb.aws_vpc_security_group_ingress_rule.https["vpc"]');
  });
});

describe("published alb module validations under terraform plan", () => {
  let errors: Map<string, string[]>;

  beforeAll(async () => {
    errors = await validationErrorsByCall("alb", Object.fromEntries(BAD_ALB_INPUTS.map((bad, i) => [`bad_${i}`, hclArgs({ ...BASE_ALB, ...bad.props })])));
  });

  it("reports errors only against the bad calls", () => {
    expect([...errors.keys()].sort()).toEqual(BAD_ALB_INPUTS.map((_, i) => `bad_${i}`).sort());
  });

  it("never prints an origin header value, not even a bad one", () => {
    const values = BAD_ALB_INPUTS.flatMap((bad) => bad.props.cloudfrontOriginHeader?.value ?? []);
    expect(values).toContain("hunter2");
    const messages = [...errors.values()].flat().join("\n");
    for (const value of [...values, ORIGIN_HEADER.value]) expect(messages).not.toContain(value);
  });

  it.each(BAD_ALB_INPUTS.map((bad, i) => ({ ...bad, i })))("rejects $case in var.$variable with the synth-time message", ({ variable, message, i }) => {
    const messages = (errors.get(`bad_${i}`) ?? []).join("\n");
    expect(messages).toContain(`Invalid value for variable: ${variable} `);
    expect(messages).toContain(message);
  });
});
