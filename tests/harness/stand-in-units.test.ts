import type { ServiceDefinition } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { X509Certificate } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeDynamicValue, encodeDynamicValue, isUnknown, UnknownValue, type CtyObject } from "../support/aws-provider/cty";
import { readDataSource } from "../support/aws-provider/data-sources";
import { planResource } from "../support/aws-provider/plan";
import { decodeMessage, encodeMessage } from "../support/aws-provider/proto-codec";
import { compileProtocolSpec, PROTO_DIR, PROTO_FILES } from "../support/aws-provider/proto-spec";
import { planningIndex, providerSchemaResponse } from "../support/aws-provider/schema-compile";
import { renderPolicyDocument } from "../support/aws-provider/policy-document";
import { DEFAULT_SETTINGS, type ProviderSettings } from "../support/aws-provider/provider-config";
import { callProviderFunction } from "../support/aws-provider/provider-functions";
import type { BlockSchema } from "../support/aws-provider/schema-types";
import { createServerIdentity } from "../support/aws-provider/self-signed-cert";

// The stand-in's pieces on their own, without terraform.

const statement = (fields: CtyObject): CtyObject => ({
  sid: null,
  effect: null,
  actions: null,
  not_actions: null,
  resources: null,
  not_resources: null,
  principals: [],
  not_principals: [],
  condition: [],
  ...fields,
});

const policyConfig = (fields: CtyObject): CtyObject => ({
  version: null,
  policy_id: null,
  source_policy_documents: null,
  override_policy_documents: null,
  statement: [],
  ...fields,
});

describe("aws_iam_policy_document rendering", () => {
  it("sorts several values in reverse and keeps a single one as a string", () => {
    const { json } = renderPolicyDocument(
      policyConfig({ statement: [statement({ actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], resources: ["arn:aws:s3:::b/*"] })] }),
    );
    expect(JSON.parse(json).Statement[0]).toEqual({
      Effect: "Allow",
      Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
      Resource: "arn:aws:s3:::b/*",
    });
  });

  it("indents json by two spaces, minifies minified_json, and derives id from json", () => {
    const rendered = renderPolicyDocument(policyConfig({ statement: [statement({ actions: ["sqs:SendMessage"] })] }));
    expect(rendered.json).toBe('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "sqs:SendMessage"\n    }\n  ]\n}');
    expect(rendered.minified_json).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage"}]}');
    expect(rendered.id).toMatch(/^\d+$/);
  });

  it("renders principals, the * principal, conditions and policy variables like the provider", () => {
    const { json } = renderPolicyDocument(
      policyConfig({
        statement: [
          statement({
            sid: "Mixed",
            effect: "Deny",
            actions: ["s3:*"],
            resources: ["arn:aws:s3:::b/&{aws:username}/*"],
            principals: [
              { type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] },
              { type: "AWS", identifiers: ["arn:aws:iam::123456789012:root", "arn:aws:iam::210987654321:root"] },
            ],
            condition: [
              { test: "StringEquals", variable: "aws:SourceVpc", values: ["vpc-1"] },
              { test: "IpAddress", variable: "aws:SourceIp", values: ["10.0.0.0/8", "192.168.0.0/16"] },
            ],
          }),
          statement({ actions: ["s3:GetObject"], principals: [{ type: "*", identifiers: ["*"] }] }),
        ],
      }),
    );
    const [mixed, anyone] = JSON.parse(json).Statement;
    expect(Object.keys(mixed)).toEqual(["Sid", "Effect", "Action", "Resource", "Principal", "Condition"]);
    expect(mixed.Resource).toBe("arn:aws:s3:::b/${aws:username}/*");
    expect(mixed.Principal).toEqual({
      AWS: ["arn:aws:iam::210987654321:root", "arn:aws:iam::123456789012:root"],
      Service: "ecs-tasks.amazonaws.com",
    });
    expect(Object.keys(mixed.Principal)).toEqual(["AWS", "Service"]);
    expect(mixed.Condition).toEqual({
      IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"] },
      StringEquals: { "aws:SourceVpc": "vpc-1" },
    });
    expect(anyone.Principal).toBe("*");
  });

  it("escapes <, > and & as Go's JSON encoder does", () => {
    const { json } = renderPolicyDocument(
      policyConfig({ statement: [statement({ actions: ["s3:GetObject"], condition: [{ test: "StringLike", variable: "s3:prefix", values: ["a&b<c>"] }] })] }),
    );
    expect(json).toContain('"a\\u0026b\\u003cc\\u003e"');
  });

  it("reads source documents through the provider's model: principals reverse-sorted, condition values as strings", () => {
    const source = JSON.stringify({
      Statement: [
        {
          Effect: "Allow",
          Action: ["b:2", "a:1"],
          Principal: { Service: "s.amazonaws.com", AWS: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"] },
          Condition: { Bool: { "aws:SecureTransport": true }, StringEquals: { "aws:x": ["only"] } },
        },
      ],
    });
    const { json } = renderPolicyDocument(policyConfig({ source_policy_documents: [source] }));
    expect(JSON.parse(json).Statement[0]).toEqual({
      Effect: "Allow",
      Action: ["b:2", "a:1"],
      Principal: { AWS: ["arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root"], Service: "s.amazonaws.com" },
      Condition: { Bool: { "aws:SecureTransport": "true" }, StringEquals: { "aws:x": "only" } },
    });
  });

  it("merges source and override documents by Sid and rejects duplicate Sids", () => {
    const source = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Action: "a:1", Resource: "*" }] });
    const override = JSON.stringify({ Statement: [{ Sid: "B", Effect: "Deny", Action: "b:2", Resource: "*" }] });
    const { json } = renderPolicyDocument(
      policyConfig({
        source_policy_documents: [source],
        override_policy_documents: [override],
        statement: [statement({ sid: "B", actions: ["b:1"] })],
      }),
    );
    expect(JSON.parse(json).Statement.map((s: { Sid: string; Effect: string }) => `${s.Sid}:${s.Effect}`)).toEqual(["A:Allow", "B:Deny"]);
    expect(() => renderPolicyDocument(policyConfig({ statement: [statement({ sid: "X" }), statement({ sid: "X" })] }))).toThrow(
      "duplicate Sid (X)",
    );
  });
});

const VPC_LIKE: BlockSchema = {
  attributes: {
    id: { type: "string", optional: true, computed: true },
    arn: { type: "string", computed: true },
    cidr_block: { type: "string", optional: true, computed: true },
    password_wo: { type: "string", optional: true, write_only: true },
    region: { type: "string", optional: true, computed: true },
    tags: { type: ["map", "string"], optional: true },
    tags_all: { type: ["map", "string"], optional: true, computed: true },
    settings: {
      optional: true,
      nested_type: { nesting_mode: "single", attributes: { mode: { type: "string", optional: true }, status: { type: "string", computed: true } } },
    },
  },
  block_types: {
    rule: { nesting_mode: "list", block: { attributes: { port: { type: "number", required: true }, rule_id: { type: "string", computed: true } } } },
  },
};

const SETTINGS: ProviderSettings = { region: "eu-central-1", defaultTags: { Team: "obs" } };

describe("planning from the schema", () => {
  const config: CtyObject = {
    id: null,
    arn: null,
    cidr_block: "10.0.0.0/16",
    password_wo: "secret",
    region: null,
    tags: { Name: "main" },
    tags_all: null,
    settings: { mode: "fast", status: null },
    rule: [{ port: 443, rule_id: null }],
  };

  it("makes computed attributes unknown on create, nested ones too, and keeps write-only values out", () => {
    const planned = planResource(VPC_LIKE, config, null, config, SETTINGS) as CtyObject;
    expect(isUnknown(planned.id) && isUnknown(planned.arn)).toBe(true);
    expect(planned.cidr_block).toBe("10.0.0.0/16");
    expect(planned.password_wo).toBeNull();
    expect(planned.region).toBe("eu-central-1");
    expect(planned.tags_all).toEqual({ Team: "obs", Name: "main" });
    expect(isUnknown((planned.settings as CtyObject).status)).toBe(true);
    expect(isUnknown((planned.rule as CtyObject[])[0].rule_id)).toBe(true);
  });

  it("keeps prior computed values when there is prior state, so an unchanged config is a no-op", () => {
    const prior: CtyObject = {
      ...config,
      id: "vpc-1",
      arn: "arn:aws:ec2:eu-central-1:123456789012:vpc/vpc-1",
      password_wo: null,
      region: "eu-central-1",
      tags_all: { Team: "obs", Name: "main" },
      settings: { mode: "fast", status: "ok" },
      rule: [{ port: 443, rule_id: "r-1" }],
    };
    expect(planResource(VPC_LIKE, prior, prior, config, SETTINGS)).toEqual(prior);
  });

  it("passes a destroy (null proposed state) through", () => {
    expect(planResource(VPC_LIKE, null, config, null, SETTINGS)).toBeNull();
  });
});

describe("data sources", () => {
  const zonesSchema: BlockSchema = {
    attributes: {
      id: { type: "string", optional: true, computed: true },
      names: { type: ["list", "string"], computed: true },
      zone_ids: { type: ["list", "string"], computed: true },
      exclude_names: { type: ["set", "string"], optional: true },
      region: { type: "string", optional: true, computed: true },
    },
  };

  it("answers aws_availability_zones with three zones of the region, minus exclusions", () => {
    const state = readDataSource(
      "aws_availability_zones",
      zonesSchema,
      { id: null, names: null, zone_ids: null, exclude_names: ["ap-northeast-1b"], region: "ap-northeast-1" },
      DEFAULT_SETTINGS,
    );
    expect(state).toMatchObject({ names: ["ap-northeast-1a", "ap-northeast-1c"], zone_ids: ["apne1-az1", "apne1-az3"], region: "ap-northeast-1" });
  });

  it("fills unknown data sources with plausible values by attribute name and type", () => {
    const schema: BlockSchema = {
      attributes: {
        name: { type: "string", required: true },
        arn: { type: "string", computed: true },
        vpc_id: { type: "string", computed: true },
        cidr_block: { type: "string", computed: true },
        subnet_ids: { type: ["set", "string"], computed: true },
        port: { type: "number", computed: true },
      },
    };
    const state = readDataSource("aws_lb", schema, { name: "web", arn: null, vpc_id: null, cidr_block: null, subnet_ids: null, port: null }, DEFAULT_SETTINGS);
    expect(state).toEqual({
      name: "web",
      arn: "arn:aws:lb:us-east-1:123456789012:lb/stand-in",
      vpc_id: "vpc-stand-in",
      cidr_block: "10.0.0.0/16",
      subnet_ids: ["subnet-stand-in"],
      port: 1,
    });
  });

  it("plans from an index that drops documentation but keeps attributes and object fields named like it", () => {
    const entries = { type: ["set", ["object", { cidr: "string", description: "string" }]], computed: true, description: "The entries." };
    const description = { type: "string", optional: true, description: "What it is for.", description_kind: "plain", deprecated: true };
    const index = planningIndex({
      provider: { version: 0, block: {} },
      resource_schemas: {},
      data_source_schemas: { aws_ec2_managed_prefix_list: { version: 0, block: { attributes: { entries, description }, description: "A prefix list." } } },
    } as unknown as Parameters<typeof planningIndex>[0]);
    const { block } = JSON.parse(index.data_sources.aws_ec2_managed_prefix_list) as { block: BlockSchema };
    expect(block).toEqual({ attributes: { entries: { type: entries.type, computed: true }, description: { type: "string", optional: true } } });
    const state = readDataSource("aws_ec2_managed_prefix_list", block, { entries: null, description: null }, DEFAULT_SETTINGS);
    expect(state.entries).toEqual([{ cidr: "10.0.0.0/16", description: "description-stand-in" }]);
  });
});

describe("msgpack values", () => {
  it("round-trips unknowns, refined unknowns included, byte for byte", () => {
    // {"a": unknown, "b": unknown refined as not-null (extension 12), "c": 2^60}
    const bytes = Buffer.from([0x83, 0xa1, 0x61, 0xd4, 0x00, 0x00, 0xa1, 0x62, 0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc3, 0xa1, 0x63, 0xcf, 0x10, 0, 0, 0, 0, 0, 0, 0]);
    const value = decodeDynamicValue({ msgpack: bytes }) as CtyObject;
    expect(value.a).toBeInstanceOf(UnknownValue);
    expect((value.b as UnknownValue).extensionType).toBe(12);
    expect(value.c).toBe(2n ** 60n);
    expect(encodeDynamicValue(value).msgpack.equals(bytes)).toBe(true);
  });
});

describe("the protobuf codec", () => {
  const spec = compileProtocolSpec(PROTO_DIR);
  const reference = loadSync(
    PROTO_FILES.map((file) => join(PROTO_DIR, file)),
    { keepCase: true, longs: Number, enums: Number, defaults: false },
  );
  const provider = reference["tfplugin6.Provider"] as ServiceDefinition;

  it("encodes a provider schema byte for byte as protobufjs does", () => {
    const response = providerSchemaResponse({
      provider: { version: 0, block: { attributes: { region: { type: "string", optional: true } } } },
      resource_schemas: { aws_thing: { version: 2, block: VPC_LIKE } },
      data_source_schemas: {},
      functions: { arn_build: { parameters: [{ name: "partition", type: "string" }], return_type: "string" } },
    });
    const mine = encodeMessage(spec, "tfplugin6.GetProviderSchema.Response", response);
    expect(mine.equals(provider.GetProviderSchema.responseSerialize(response))).toBe(true);
  });

  it("decodes what protobufjs encodes, maps, nested messages and negative int64 included", () => {
    const request = {
      type_name: "aws_vpc",
      prior_state: { msgpack: Buffer.from([0xc0]) },
      config: { msgpack: Buffer.from([0x80]) },
      client_capabilities: { deferral_allowed: true },
    };
    expect(decodeMessage(spec, "tfplugin6.PlanResourceChange.Request", provider.PlanResourceChange.requestSerialize(request))).toEqual(request);
    const raw = { type_name: "aws_vpc", version: -1, raw_state: { flatmap: { id: "vpc-1", "tags.%": "0" } } };
    expect(decodeMessage(spec, "tfplugin6.UpgradeResourceState.Request", provider.UpgradeResourceState.requestSerialize(raw))).toEqual(raw);
  });
});

describe("provider functions", () => {
  it("parses and builds ARNs with the SDK's error messages", () => {
    expect(callProviderFunction("arn_parse", ["arn:aws:iam::123456789012:role/a/b"])).toEqual({
      partition: "aws",
      service: "iam",
      region: "",
      account_id: "123456789012",
      resource: "role/a/b",
    });
    expect(() => callProviderFunction("arn_parse", ["nope"])).toThrow("arn: invalid prefix");
    expect(() => callProviderFunction("arn_parse", ["arn:aws:s3"])).toThrow("arn: not enough sections");
    expect(callProviderFunction("arn_build", ["aws", "s3", "", "", "bucket"])).toBe("arn:aws:s3:::bucket");
    expect(callProviderFunction("trim_iam_role_path", ["arn:aws:iam::123456789012:role/path/to/name"])).toBe(
      "arn:aws:iam::123456789012:role/name",
    );
  });
});

describe("the AutoMTLS server certificate", () => {
  it("is a self-signed CA certificate for localhost that verifies against itself", () => {
    const identity = createServerIdentity();
    const certificate = new X509Certificate(identity.certificatePem);
    expect(certificate.checkHost("localhost")).toBe("localhost");
    expect(certificate.ca).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.raw.equals(identity.certificateDer)).toBe(true);
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(Date.now());
  });
});
