import { Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { serviceDiscoveryRules } from "../../modules/service-discovery/inputs";
import { expectEveryRuleCovered } from "../support/module-calls";
import { BAD_SERVICE_DISCOVERY_INPUTS, BASE_SERVICE_DISCOVERY, synthServiceDiscovery } from "../support/service-discovery";

describe("service discovery", () => {
  const json = synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, services: ["mimir", "loki", "tempo"] });

  it("puts a private DNS namespace, lgtm.local by default, in the VPC", () => {
    expect(json.resource.aws_service_discovery_private_dns_namespace.discovery).toMatchObject({ name: "lgtm.local", vpc: "vpc-0123456789abcdef0" });
  });

  it("creates one service per name, keyed by name, in that namespace", () => {
    const service = json.resource.aws_service_discovery_service.discovery;
    expect(service.for_each).toBe('${toset(["mimir", "loki", "tempo"])}');
    expect(service.name).toBe("${each.value}");
    expect(service.dns_config).toMatchObject({ namespace_id: "${aws_service_discovery_private_dns_namespace.discovery.id}" });
  });

  it("answers with every task's A record (MULTIVALUE), cached 10 s by default", () => {
    const dns = json.resource.aws_service_discovery_service.discovery.dns_config as Record<string, unknown>;
    expect(dns.routing_policy).toBe("MULTIVALUE");
    expect(dns.dns_records).toEqual([{ type: "A", ttl: 10 }]);
    const withTtl = synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, dnsTtl: 0 }).resource.aws_service_discovery_service.discovery.dns_config as Record<string, unknown>;
    expect(withTtl.dns_records).toEqual([{ type: "A", ttl: 0 }]);
  });

  it("lets ECS report task health, without the failure threshold 6.x deprecates", () => {
    expect(json.resource.aws_service_discovery_service.discovery.health_check_custom_config).toEqual({});
  });

  it("leaves an unknown VPC ID to Terraform's validation", () => {
    expect(() => synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, vpcId: Token.asString({ resolve: () => "${aws_vpc.x.id}" }) })).not.toThrow();
  });
});

describe("service discovery input rules at synth time", () => {
  it.each(BAD_SERVICE_DISCOVERY_INPUTS)("rejects $case", ({ props, message }) => {
    expect(() => synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, ...props })).toThrow(message);
  });

  it("names the construct, the prop and its variable", () => {
    expect(() => synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, dnsTtl: -1 })).toThrow(
      "ServiceDiscovery test/discovery: invalid input.\n  - dnsTtl: dns_ttl must be a whole number of seconds from 0 to 3600; got -1.",
    );
  });

  it("accepts single-label and deep namespaces, an empty service list and the longest label", () => {
    for (const namespace of ["internal", "lgtm.prod.example.internal", `${"a".repeat(63)}.local`]) {
      expect(() => synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, namespace })).not.toThrow();
    }
    expect(() => synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, services: [] })).not.toThrow();
    expect(() => synthServiceDiscovery({ ...BASE_SERVICE_DISCOVERY, services: ["a".repeat(63), "query-frontend"], dnsTtl: 3600 })).not.toThrow();
  });

  it("has a bad input for every rule, so each Terraform validation is proven to fire", () => {
    expectEveryRuleCovered(serviceDiscoveryRules, BAD_SERVICE_DISCOVERY_INPUTS);
  });
});
