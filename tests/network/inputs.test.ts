import { describe, expect, it } from "vitest";
import { networkRules } from "../../modules/network/inputs";
import { BAD_NETWORK_INPUTS } from "../support/bad-network-inputs";
import { expectEveryRuleCovered } from "../support/module-calls";
import { BASE_NETWORK, synthNetwork } from "../support/synth";

describe("network input rules at synth time", () => {
  it.each(BAD_NETWORK_INPUTS)("rejects $case", ({ props, message }) => {
    expect(() => synthNetwork({ ...BASE_NETWORK, ...props })).toThrow(message);
  });

  it("names the construct, the prop and its variable", () => {
    expect(() => synthNetwork({ ...BASE_NETWORK, natGatewayMode: "dual" as never })).toThrow(
      'Network test/network: invalid input.\n  - natGatewayMode: nat_gateway_mode must be one of "none", "single", "per_az"; got "dual".',
    );
  });

  it("lists every problem at once", () => {
    expect(() => synthNetwork({ ...BASE_NETWORK, name: "X", cidr: "10.0.0.0/8" })).toThrow(/name: name must[\s\S]*cidr: cidr must/);
  });

  it("accepts the largest and smallest layouts", () => {
    expect(() => synthNetwork({ ...BASE_NETWORK, cidr: "10.0.0.0/24", azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"] })).not.toThrow();
    expect(() => synthNetwork({ ...BASE_NETWORK, azs: ["a", "b", "c", "d", "e", "f"].map((z) => `us-east-1${z}`), isolatedSubnets: true })).not.toThrow();
  });
});

describe("network input rule coverage", () => {
  it("has a bad input for every rule, so each Terraform validation is proven to fire", () => {
    expectEveryRuleCovered(networkRules, BAD_NETWORK_INPUTS);
  });
});
