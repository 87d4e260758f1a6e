import { beforeAll, describe, expect, it } from "vitest";
import { BAD_NETWORK_INPUTS } from "../support/bad-network-inputs";
import { BASE_NETWORK, synthNetwork } from "../support/synth";
import { hclArgs, planCallsOf, validationErrorsByCall } from "../support/module-calls";
import { CheckResult, ResourceChange } from "../support/terraform-runner";

const AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

/** A root module calling the published network module once per entry, with HCL argument text. */
const planCalls = (calls: Record<string, string>) => planCallsOf("network", calls);

const after = (changes: ResourceChange[], address: string) => changes.find((c) => c.address === address)?.change.after as Record<string, unknown>;

describe("published network module under terraform plan", () => {
  let result: CheckResult;
  let changes: ResourceChange[];

  beforeAll(async () => {
    result = await planCalls({
      network: hclArgs({ ...BASE_NETWORK, azs: AZS, natGatewayMode: "per_az", isolatedSubnets: true, interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"] }),
      defaults: hclArgs({ name: "small", cidr: "10.9.0.0/24", azs: AZS.slice(0, 2) }),
    });
    changes = result.plan?.resource_changes ?? [];
  });

  it("plans without errors", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("plans one subnet of each tier per AZ, keyed by AZ name", () => {
    for (const tier of ["public", "private", "isolated"]) {
      const subnets = changes.filter((c) => c.address.startsWith(`module.network.aws_subnet.${tier}[`)).map((c) => c.address);
      expect(subnets.sort()).toEqual(AZS.map((az) => `module.network.aws_subnet.${tier}["${az}"]`));
    }
  });

  it("computes in Terraform the same CIDRs the construct computes for literal props", () => {
    const literal = synthNetwork({ ...BASE_NETWORK, azs: AZS, isolatedSubnets: true }).locals.network_subnet_cidrs as Record<string, Record<string, string>>;
    const small = synthNetwork({ name: "small", cidr: "10.9.0.0/24", azs: AZS.slice(0, 2) }).locals.network_subnet_cidrs as Record<string, Record<string, string>>;
    for (const tier of ["public", "private", "isolated"]) {
      for (const az of AZS) expect(after(changes, `module.network.aws_subnet.${tier}["${az}"]`).cidr_block).toBe(literal[tier][az]);
    }
    for (const tier of ["public", "private"]) {
      for (const az of AZS.slice(0, 2)) expect(after(changes, `module.defaults.aws_subnet.${tier}["${az}"]`).cidr_block).toBe(small[tier][az]);
    }
  });

  it("plans NAT gateways per mode: three for per_az, one by default", () => {
    const nats = (module: string) => changes.filter((c) => c.address.startsWith(`module.${module}.aws_nat_gateway.this[`)).length;
    expect(nats("network")).toBe(3);
    expect(nats("defaults")).toBe(1);
    expect(changes.filter((c) => c.address.startsWith("module.defaults.aws_route.private_nat[")).map((c) => c.address).sort()).toEqual([
      'module.defaults.aws_route.private_nat["eu-west-1a"]',
      'module.defaults.aws_route.private_nat["eu-west-1b"]',
    ]);
  });

  it("plans the interface endpoints and flow logs only where asked", () => {
    const endpoints = changes.filter((c) => c.address.startsWith("module.network.aws_vpc_endpoint.interface[")).map((c) => c.address);
    expect(endpoints.sort()).toEqual(['module.network.aws_vpc_endpoint.interface["ecr.api"]', 'module.network.aws_vpc_endpoint.interface["ecr.dkr"]', 'module.network.aws_vpc_endpoint.interface["logs"]']);
    expect(after(changes, 'module.network.aws_vpc_endpoint.interface["logs"]').service_name).toBe("com.amazonaws.eu-west-1.logs");
    expect(changes.some((c) => c.address === "module.defaults.aws_security_group.endpoints[0]")).toBe(false);
    expect(changes.some((c) => c.address === "module.defaults.aws_flow_log.this[0]")).toBe(true);
  });

  it("renders a flow logs trust policy limited to this account", () => {
    const role = after(changes, "module.network.aws_iam_role.flow_logs[0]");
    const policy = JSON.parse(role.assume_role_policy as string);
    expect(policy.Statement[0].Principal).toEqual({ Service: "vpc-flow-logs.amazonaws.com" });
    expect(policy.Statement[0].Condition.StringEquals).toEqual({ "aws:SourceAccount": "123456789012" });
  });
});

describe("published network module with for_each on the call", () => {
  it("plans one network per key with stable addresses", async () => {
    const result = await planCalls({
      network: `  for_each = { metrics = "10.1.0.0/16", logs = "10.2.0.0/16" }\n  name = "lgtm-\${each.key}"\n  cidr = each.value\n  azs = ${JSON.stringify(AZS)}`,
    });
    expect(result.ok).toBe(true);
    const vpcs = (result.plan?.resource_changes ?? []).filter((c) => c.type === "aws_vpc").map((c) => c.address);
    expect(vpcs.sort()).toEqual(['module.network["logs"].aws_vpc.this', 'module.network["metrics"].aws_vpc.this']);
    // Per network with the defaults in 3 AZs: VPC, default SG, IGW, 6 subnets, public route table,
    // route and 3 associations, EIP and NAT, 3 private route tables, routes and associations,
    // S3 endpoint, and the flow log's group, role, policy and flow log.
    expect(result.summary?.create).toBe(2 * 30);
  });
});

describe("published network module validations under terraform plan", () => {
  let errors: Map<string, string[]>;

  beforeAll(async () => {
    errors = await validationErrorsByCall("network", Object.fromEntries(BAD_NETWORK_INPUTS.map((bad, i) => [`bad_${i}`, hclArgs({ ...BASE_NETWORK, ...bad.props })])));
  });

  it("reports errors only against the bad calls", () => {
    expect([...errors.keys()].sort()).toEqual(BAD_NETWORK_INPUTS.map((_, i) => `bad_${i}`).sort());
  });

  it.each(BAD_NETWORK_INPUTS.map((bad, i) => ({ ...bad, i })))("rejects $case in var.$variable with the synth-time message", ({ variable, message, i }) => {
    const messages = errors.get(`bad_${i}`) ?? [];
    expect(messages.join("\n")).toContain(`Invalid value for variable: ${variable} `);
    expect(messages.join("\n")).toContain(message);
  });

  it("accepts the largest and smallest layouts", async () => {
    const result = await planCalls({
      smallest: hclArgs({ ...BASE_NETWORK, cidr: "10.0.0.0/24", azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"] }),
      largest: hclArgs({ ...BASE_NETWORK, azs: ["a", "b", "c", "d", "e", "f"].map((z) => `us-east-1${z}`), isolatedSubnets: true }),
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
