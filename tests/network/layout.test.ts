import { describe, expect, it } from "vitest";
import { BASE_NETWORK, synthNetwork } from "../support/synth";

const cidrsOf = (json: ReturnType<typeof synthNetwork>, tier: string) =>
  (json.locals.network_subnet_cidrs as Record<string, Record<string, string>>)[tier];

describe("network subnet layout", () => {
  it("gives every AZ one public and one private subnet keyed by AZ name", () => {
    const json = synthNetwork(BASE_NETWORK);
    expect(cidrsOf(json, "private")).toEqual({ "eu-west-1a": "10.0.0.0/20", "eu-west-1b": "10.0.16.0/20", "eu-west-1c": "10.0.32.0/20" });
    expect(cidrsOf(json, "public")).toEqual({ "eu-west-1a": "10.0.128.0/24", "eu-west-1b": "10.0.129.0/24", "eu-west-1c": "10.0.130.0/24" });
    expect(cidrsOf(json, "isolated")).toEqual({});
    for (const tier of ["public", "private", "isolated"]) {
      expect(json.resource.aws_subnet[`network_${tier}`].for_each).toBe(`\${local.network_subnet_cidrs.${tier}}`);
    }
  });

  it("keeps existing subnets' CIDRs when an AZ is appended", () => {
    const two = synthNetwork({ ...BASE_NETWORK, azs: ["eu-west-1a", "eu-west-1b"] });
    const three = synthNetwork(BASE_NETWORK);
    for (const tier of ["public", "private"]) {
      expect(cidrsOf(three, tier)).toMatchObject(cidrsOf(two, tier));
    }
  });

  it("puts the isolated tier in the VPC's last quarter", () => {
    const json = synthNetwork({ ...BASE_NETWORK, isolatedSubnets: true });
    expect(cidrsOf(json, "isolated")).toEqual({ "eu-west-1a": "10.0.192.0/24", "eu-west-1b": "10.0.193.0/24", "eu-west-1c": "10.0.194.0/24" });
  });

  it("caps default subnets at /28 in a small VPC", () => {
    const json = synthNetwork({ ...BASE_NETWORK, cidr: "10.0.0.0/24", azs: ["eu-west-1a", "eu-west-1b"] });
    expect(cidrsOf(json, "private")).toEqual({ "eu-west-1a": "10.0.0.0/28", "eu-west-1b": "10.0.0.16/28" });
    expect(cidrsOf(json, "public")).toEqual({ "eu-west-1a": "10.0.0.128/28", "eu-west-1b": "10.0.0.144/28" });
  });

  it("sizes tiers by subnet_newbits", () => {
    const json = synthNetwork({ ...BASE_NETWORK, subnetNewbits: { private: 3, public: 6 } });
    expect(cidrsOf(json, "private")).toEqual({ "eu-west-1a": "10.0.0.0/19", "eu-west-1b": "10.0.32.0/19", "eu-west-1c": "10.0.64.0/19" });
    expect(cidrsOf(json, "public")).toEqual({ "eu-west-1a": "10.0.128.0/22", "eu-west-1b": "10.0.132.0/22", "eu-west-1c": "10.0.136.0/22" });
  });

  it("uses explicit subnet_cidrs in AZ order", () => {
    const json = synthNetwork({
      ...BASE_NETWORK,
      azs: ["eu-west-1a", "eu-west-1b"],
      subnetCidrs: { public: ["10.0.0.0/24", "10.0.1.0/24"], private: ["10.0.64.0/18", "10.0.128.0/18"] },
    });
    expect(cidrsOf(json, "public")).toEqual({ "eu-west-1a": "10.0.0.0/24", "eu-west-1b": "10.0.1.0/24" });
    expect(cidrsOf(json, "private")).toEqual({ "eu-west-1a": "10.0.64.0/18", "eu-west-1b": "10.0.128.0/18" });
  });

  it("hands out no public IPs from any subnet", () => {
    const json = synthNetwork({ ...BASE_NETWORK, isolatedSubnets: true });
    for (const subnet of Object.values(json.resource.aws_subnet)) expect(subnet.map_public_ip_on_launch).toBe(false);
  });
});
