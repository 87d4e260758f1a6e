import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ecsFargateRules } from "../../modules/ecs-fargate/inputs";
import { FARGATE_MEMORY_BY_CPU } from "../../modules/shared/fargate";
import { BAD_ECS_INPUTS, BASE_ECS, synthEcs } from "../support/ecs-fargate";
import { expectEveryRuleCovered } from "../support/module-calls";

describe("ecs-fargate input rules at synth time", () => {
  it.each(BAD_ECS_INPUTS)("rejects $case", ({ props, message }) => {
    expect(() => synthEcs({ ...BASE_ECS, ...props })).toThrow(message);
  });

  it("names the construct, the input and its variable", () => {
    expect(() => synthEcs({ ...BASE_ECS, logRetentionDays: 10 })).toThrow(/^EcsFargate test\/ecs: invalid input\.\n {2}- logRetentionDays: log_retention_days must be/);
    expect(() => synthEcs({ ...BASE_ECS, services: { api: { image: "nginx", cpu: 256, memory: 4096 } } })).toThrow(
      /^EcsFargate test\/ecs: invalid input\.\n {2}- services: services must give each service a cpu and memory pair/,
    );
  });

  it("accepts every Fargate cpu/memory pair and lists the memory a cpu allows when the pair is wrong", () => {
    for (const [cpu, memories] of Object.entries(FARGATE_MEMORY_BY_CPU)) {
      const services = Object.fromEntries(memories.map((memory) => [`m${memory}`, { image: "nginx", cpu: Number(cpu), memory }]));
      expect(() => synthEcs({ ...BASE_ECS, services })).not.toThrow();
    }
    expect(() => synthEcs({ ...BASE_ECS, services: { api: { image: "nginx", cpu: 8192, memory: 18432 } } })).toThrow(
      '"api" has cpu 8192 and memory 18432, and with cpu 8192, memory must be one of 16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440',
    );
  });

  it("accepts a command whose later elements hold spaces, as sh -c needs", () => {
    expect(() => synthEcs({ ...BASE_ECS, services: { api: { image: "busybox", command: ["sh", "-c", "echo ready && sleep 3600"] } } })).not.toThrow();
  });

  it("accepts a wildcard action in a statement whose Sid states why", () => {
    const policy = JSON.stringify({ Statement: [{ Sid: "BreakGlassDebugging", Effect: "Allow", Action: "*", Resource: "*" }] });
    expect(() => synthEcs({ ...BASE_ECS, services: { api: { image: "nginx", policy_json: policy } } })).not.toThrow();
  });

  it("leaves service values that are tokens to Terraform and still checks the literal ones", () => {
    const tokenImage = "${aws_ecr_repository.app.repository_url}";
    expect(() => synthEcs({ ...BASE_ECS, services: { api: { image: tokenImage, cpu: 256, memory: 512 } } })).not.toThrow();
  });

  it("lists every problem of the services at once", () => {
    expect(() => synthEcs({ ...BASE_ECS, services: { api: { image: "nginx", cpu: 256, memory: 4096, command: ["run /x"] } } })).toThrow(/cpu and memory pair[\s\S]*no whitespace in the first/);
  });

  it("fails at synth when a service's literal config files cannot fit in a task definition", () => {
    // Hash output barely compresses: 80,000 characters of it pass the limit once gzipped and base64-encoded.
    const noise = Array.from({ length: 1_820 }, (_, i) => createHash("sha256").update(String(i)).digest("base64")).join("");
    expect(() => synthEcs({ ...BASE_ECS, services: { api: { image: "nginx", files: { "/etc/app/big.txt": noise } } } })).toThrow(
      /Service "api": its container definitions take \d+ bytes, over the 63488 that fit in a task definition/,
    );
  });
});

describe("ecs-fargate input rule coverage", () => {
  it("has a bad input for every rule, so each Terraform validation is proven to fire", () => {
    expectEveryRuleCovered(ecsFargateRules, BAD_ECS_INPUTS);
  });
});
