import { describe, expect, it } from "vitest";
import { CompleteRoute, completeRoutes, priorityOf } from "../../modules/alb/route-spec";
import { BASE_ALB, BASE_ROUTES, CLOUDFRONT_ALB, COLLIDING_KEYS, ORIGIN_HEADER, synthAlb } from "../support/alb";

const priorities = (routes: Parameters<typeof completeRoutes>[0]) => Object.fromEntries(completeRoutes(routes).map(([key, route]) => [key, priorityOf(key, route)]));
const complete = (route: Partial<CompleteRoute>): CompleteRoute => completeRoutes({ r: { host: "a.example.com", port: 80, ...route } })[0][1];

describe("alb routes", () => {
  it("gives each route an ip target group, replaced before it is destroyed under a name that changes with what forces replacement", () => {
    const group = synthAlb(BASE_ALB).resource.aws_lb_target_group.alb_route;
    expect(Object.keys(group.for_each as object)).toEqual(["grafana", "mimir"]);
    expect(group).toMatchObject({ target_type: "ip", protocol: "HTTP", port: "${each.value.port}", protocol_version: "${each.value.protocol_version}", deregistration_delay: "30" });
    expect(group.lifecycle).toEqual({ create_before_destroy: true });
    expect(group.name).toBe('${format("%s-%s", "lgtm-test", substr(sha1(jsonencode([each.key, each.value.port, each.value.protocol_version])), 0, 7))}');
  });

  it("fills route defaults: every path, HTTP/1.1, /ready, not ingestion", () => {
    const group = synthAlb(BASE_ALB).resource.aws_lb_target_group.alb_route;
    expect((group.for_each as Record<string, object>).grafana).toEqual({
      host: "grafana.lgtm.example.com",
      paths: ["/*"],
      port: 3000,
      health_check_path: "/api/health",
      protocol_version: "HTTP1",
      ingestion: false,
      priority: null,
      health_check_port: null,
      cloudfront_only: false,
    });
  });

  it("checks health on the route's path, with gRPC codes for gRPC routes and on another port where asked", () => {
    const check = synthAlb(BASE_ALB).resource.aws_lb_target_group.alb_route.health_check as Record<string, unknown>;
    expect(check).toMatchObject({ enabled: true, protocol: "HTTP", path: "${each.value.health_check_path}", healthy_threshold: 2, interval: 15 });
    expect(check.matcher).toBe('${each.value.protocol_version == "GRPC" ? "0,12" : "200"}');
    expect(check.port).toBe('${each.value.health_check_port == null ? "traffic-port" : tostring(each.value.health_check_port)}');
  });

  it("matches each route by host header and path patterns, and forwards to its own target group", () => {
    const rule = synthAlb(BASE_ALB).resource.aws_lb_listener_rule.alb_route;
    expect(rule.condition).toEqual([{ host_header: { values: ["${each.value.host}"] } }, { path_pattern: { values: "${each.value.paths}" } }]);
    expect(rule.action).toEqual([{ type: "forward", target_group_arn: "${aws_lb_target_group.alb_route[each.key].arn}" }]);
  });

  it("limits ingestion routes to the VPC's CIDR by default with a source-ip condition", () => {
    const rule = synthAlb(BASE_ALB).resource.aws_lb_listener_rule.alb_route as { dynamic: { condition: unknown[] } };
    expect(rule.dynamic.condition[0]).toEqual({
      for_each: "${each.value.ingestion ? [[data.aws_vpc.alb.cidr_block]] : []}",
      content: { source_ip: { values: "${condition.value}" } },
    });
  });

  it("limits ingestion routes to the given ingestion CIDRs", () => {
    const rule = synthAlb({ ...BASE_ALB, ingestionCidrs: ["10.8.0.0/16", "192.168.0.0/24"] }).resource.aws_lb_listener_rule.alb_route as { dynamic: { condition: { for_each: string }[] } };
    expect(rule.dynamic.condition[0].for_each).toBe('${each.value.ingestion ? [["10.8.0.0/16", "192.168.0.0/24"]] : []}');
  });

  it("requires the CloudFront origin header on cloudfront_only routes only, with an http-header condition", () => {
    const rule = synthAlb(CLOUDFRONT_ALB).resource.aws_lb_listener_rule.alb_route as { dynamic: { condition: unknown[] }; for_each: Record<string, { cloudfront_only: boolean }> };
    expect(rule.dynamic.condition).toHaveLength(2);
    expect(rule.dynamic.condition[1]).toEqual({
      for_each: `\${each.value.cloudfront_only ? [{ "name" = "X-Origin-Verify", "value" = "${ORIGIN_HEADER.value}" }] : []}`,
      content: { http_header: { http_header_name: "${condition.value.name}", values: ["${condition.value.value}"] } },
    });
    expect(Object.fromEntries(Object.entries(rule.for_each).map(([key, route]) => [key, route.cloudfront_only]))).toEqual({ grafana: true, mimir: false });
  });
});

describe("alb listener rule priorities", () => {
  it("puts explicit priorities first, then exact paths, then wildcards, then the catch-all", () => {
    expect(priorityOf("x", complete({ priority: 7 }))).toBe(7);
    expect(priorityOf("x", complete({ paths: ["/api/v1/push"] }))).toBeGreaterThanOrEqual(10000);
    expect(priorityOf("x", complete({ paths: ["/api/v1/push"] }))).toBeLessThan(20000);
    expect(Math.floor(priorityOf("x", complete({ paths: ["/api/*"] })) / 10000)).toBe(2);
    expect(Math.floor(priorityOf("x", complete({ paths: ["/api/v1/push", "/*"] })) / 10000)).toBe(3);
  });

  it("keeps every route's priority when routes are added or removed", () => {
    const before = priorities(BASE_ROUTES);
    const after = priorities({ ...BASE_ROUTES, loki: { host: "loki.lgtm.example.com", paths: ["/loki/api/v1/push"], port: 3100, ingestion: true } });
    expect(after.grafana).toBe(before.grafana);
    expect(after.mimir).toBe(before.mimir);
    expect(priorities({ grafana: BASE_ROUTES.grafana }).grafana).toBe(before.grafana);
  });

  it("derives colliding priorities for the keys the collision test uses", () => {
    const [a, b] = COLLIDING_KEYS.map((key) => priorityOf(key, complete({ paths: ["/api"] })));
    expect(a).toBe(b);
  });
});
