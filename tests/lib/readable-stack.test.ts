import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { ReadableStack } from "../../lib/readable-stack";

describe("readable addresses", () => {
  it("joins construct ids, dropping Default, a trailing this, and text after a colon", () => {
    const stack = new ReadableStack(Testing.app(), "env");
    const network = new Construct(stack, "network");
    new Vpc(network, "this", { cidrBlock: "10.0.0.0/16" });
    new Subnet(network, "private", { vpcId: "v", cidrBlock: "10.0.0.0/24" });
    new Vpc(new Construct(stack, "Default"), "this", { cidrBlock: "10.1.0.0/16" });
    new Vpc(network, "edge-vpc:second", { cidrBlock: "10.2.0.0/16" });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource.aws_vpc).sort()).toEqual(["network", "network_edge_vpc", "this"]);
    expect(Object.keys(json.resource.aws_subnet)).toEqual(["network_private"]);
  });

  it("refuses two resources of one type at one address", () => {
    const stack = new ReadableStack(Testing.app(), "env");
    new Vpc(stack, "main", { cidrBlock: "10.0.0.0/16" });
    new Vpc(stack, "main:again", { cidrBlock: "10.1.0.0/16" });
    expect(() => Testing.synth(stack)).toThrow("aws_vpc.main is allocated twice: env/main and env/main:again");
  });
});
