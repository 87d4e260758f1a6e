import { beforeAll, describe, expect, it } from "vitest";
import { hclArgs, planModuleCalls, validationErrorsByCall } from "../support/module-calls";
import { BAD_STORAGE_INPUTS, BASE_STORAGE, GRAFANA_EFS, KMS_KEY_ARN } from "../support/lgtm-storage";
import { BAD_SERVICE_DISCOVERY_INPUTS, BASE_SERVICE_DISCOVERY } from "../support/service-discovery";
import { CheckResult, ResourceChange, formatDiagnostics } from "../support/terraform-runner";

/** IDs that, like another module's outputs, are unknown until apply. */
const UNKNOWN_IDS = `
resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 4, count.index)
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index]
}

resource "aws_security_group" "grafana" {
  name   = "grafana"
  vpc_id = aws_vpc.this.id
}

output "policies" {
  value = module.storage_defaults.policy_documents
}

output "fqdns" {
  value = module.discovery.fqdns
}
`;

const changesOf = (result: CheckResult) => result.plan?.resource_changes ?? [];
const after = (changes: ResourceChange[], address: string) => changes.find((c) => c.address === address)?.change.after as Record<string, unknown>;
const addresses = (changes: ResourceChange[], prefix: string) => changes.filter((c) => c.address.startsWith(prefix)).map((c) => c.address).sort();

describe("published service-discovery and lgtm-storage modules under terraform plan", () => {
  let result: CheckResult;
  let changes: ResourceChange[];

  beforeAll(async () => {
    result = await planModuleCalls(
      {
        discovery: { module: "service-discovery", args: `  vpc_id = aws_vpc.this.id\n  services = ["mimir", "loki", "tempo"]\n  dns_ttl = 5` },
        discovery_each: {
          module: "service-discovery",
          args: `  for_each = { blue = "blue.lgtm.internal", green = "green.lgtm.internal" }\n  namespace = each.value\n${hclArgs({ ...BASE_SERVICE_DISCOVERY })}`,
        },
        storage: {
          module: "lgtm-storage",
          args:
            hclArgs({ bucketName: "lgtm-full", kmsKeyArn: KMS_KEY_ARN, transition: { days: 60, storage_class: "GLACIER_IR" }, tags: { Team: "platform" } }) +
            `\n  grafana_efs = {\n    subnet_ids = aws_subnet.private[*].id\n    allowed_security_group_ids = [aws_security_group.grafana.id]\n  }`,
        },
        storage_defaults: { module: "lgtm-storage", args: hclArgs({ ...BASE_STORAGE }) },
        storage_each: {
          module: "lgtm-storage",
          args: `  for_each = toset(["metrics", "logs"])\n  bucket_name = "lgtm-\${each.key}-telemetry"\n${hclArgs({ grafanaEfs: GRAFANA_EFS })}`,
        },
      },
      UNKNOWN_IDS,
    );
    changes = changesOf(result);
  });

  it("plans without errors", () => {
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
  });

  it("registers one MULTIVALUE A-record service per name in a namespace of the VPC", () => {
    expect(addresses(changes, "module.discovery.")).toEqual([
      "module.discovery.aws_service_discovery_private_dns_namespace.this",
      'module.discovery.aws_service_discovery_service.this["loki"]',
      'module.discovery.aws_service_discovery_service.this["mimir"]',
      'module.discovery.aws_service_discovery_service.this["tempo"]',
    ]);
    expect(after(changes, "module.discovery.aws_service_discovery_private_dns_namespace.this").name).toBe("lgtm.local");
    expect(after(changes, 'module.discovery.aws_service_discovery_service.this["tempo"]')).toMatchObject({
      name: "tempo",
      dns_config: [{ routing_policy: "MULTIVALUE", dns_records: [{ type: "A", ttl: 5 }] }],
      health_check_custom_config: [{ failure_threshold: null }],
    });
    expect(result.plan?.output_changes?.fqdns.after).toEqual({ mimir: "mimir.lgtm.local", loki: "loki.lgtm.local", tempo: "tempo.lgtm.local" });
  });

  it("plans one namespace per key of a for_each call", () => {
    expect(addresses(changes, "module.discovery_each[").filter((a) => a.includes("namespace"))).toEqual([
      'module.discovery_each["blue"].aws_service_discovery_private_dns_namespace.this',
      'module.discovery_each["green"].aws_service_discovery_private_dns_namespace.this',
    ]);
    expect(after(changes, 'module.discovery_each["green"].aws_service_discovery_private_dns_namespace.this').name).toBe("green.lgtm.internal");
  });

  it("plans the locked-down bucket and its lifecycle from the defaults", () => {
    expect(addresses(changes, "module.storage_defaults.")).toEqual(
      ["lifecycle_configuration", "ownership_controls", "policy", "public_access_block", "server_side_encryption_configuration", "versioning"]
        .map((type) => `module.storage_defaults.aws_s3_bucket_${type}.this`)
        .concat("module.storage_defaults.aws_s3_bucket.this")
        .sort(),
    );
    const rules = after(changes, "module.storage_defaults.aws_s3_bucket_lifecycle_configuration.this").rule as { id: string; expiration: { days: number | null }[]; transition: unknown[] }[];
    // The last rule's days is left to the provider (unknown at plan): it only removes delete markers.
    expect(rules.map((rule) => [rule.id, rule.expiration[0].days ?? null])).toEqual([
      ["expire-blocks", 395],
      ["expire-loki", 395],
      ["expire-tempo", 37],
      ["expire-pyroscope", 60],
      ["old-versions-and-abandoned-uploads", null],
    ]);
    expect(rules.every((rule) => rule.transition.length === 0)).toBe(true);
    const encryption = after(changes, "module.storage_defaults.aws_s3_bucket_server_side_encryption_configuration.this").rule as Record<string, unknown>[];
    expect(encryption[0]).toMatchObject({ bucket_key_enabled: false, apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256", kms_master_key_id: null }] });
  });

  it("renders a bucket policy that denies every request without TLS", () => {
    const policy = JSON.parse(after(changes, "module.storage_defaults.aws_s3_bucket_policy.this").policy as string);
    expect(policy.Statement).toEqual([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::lgtm-test-telemetry/*", "arn:aws:s3:::lgtm-test-telemetry"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
  });

  it("renders each component's policy scoped to its prefixes", () => {
    const policies = result.plan?.output_changes?.policies.after as Record<string, string>;
    expect(Object.keys(policies).sort()).toEqual(["loki", "mimir", "pyroscope", "tempo"]);
    const mimir = JSON.parse(policies.mimir).Statement;
    expect(mimir).toEqual([
      { Sid: "ListOwnPrefixes", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::lgtm-test-telemetry", Condition: { StringLike: { "s3:prefix": ["blocks/*", "rules/*", "alerts/*"] } } },
      {
        Sid: "ReadWriteOwnObjects",
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        Resource: ["arn:aws:s3:::lgtm-test-telemetry/rules/*", "arn:aws:s3:::lgtm-test-telemetry/blocks/*", "arn:aws:s3:::lgtm-test-telemetry/alerts/*"],
      },
    ]);
    expect(JSON.parse(policies.tempo).Statement[1].Resource).toBe("arn:aws:s3:::lgtm-test-telemetry/tempo/*");
  });

  it("encrypts with the KMS key and moves telemetry to GLACIER_IR only where it expires later", () => {
    const encryption = after(changes, "module.storage.aws_s3_bucket_server_side_encryption_configuration.this").rule as Record<string, unknown>[];
    expect(encryption[0]).toMatchObject({ bucket_key_enabled: true, apply_server_side_encryption_by_default: [{ sse_algorithm: "aws:kms", kms_master_key_id: KMS_KEY_ARN }] });
    const rules = after(changes, "module.storage.aws_s3_bucket_lifecycle_configuration.this").rule as { id: string; transition: unknown[] }[];
    expect(rules.map((rule) => [rule.id, rule.transition])).toEqual([
      ["expire-blocks", [{ days: 60, storage_class: "GLACIER_IR", date: null }]],
      ["expire-loki", [{ days: 60, storage_class: "GLACIER_IR", date: null }]],
      ["expire-tempo", []],
      ["expire-pyroscope", []],
      ["old-versions-and-abandoned-uploads", []],
    ]);
    expect(after(changes, "module.storage.aws_efs_file_system.grafana[0]")).toMatchObject({ encrypted: true, kms_key_id: KMS_KEY_ARN });
  });

  it("plans Grafana's EFS with a mount target per subnet and a rule per security group, from IDs unknown at plan", () => {
    expect(addresses(changes, "module.storage.aws_efs_mount_target.")).toEqual(["module.storage.aws_efs_mount_target.grafana[0]", "module.storage.aws_efs_mount_target.grafana[1]"]);
    expect(addresses(changes, "module.storage.aws_vpc_security_group_ingress_rule.")).toEqual(["module.storage.aws_vpc_security_group_ingress_rule.grafana_efs_nfs[0]"]);
    expect(after(changes, "module.storage.aws_efs_access_point.grafana[0]")).toMatchObject({
      posix_user: [{ uid: 472, gid: 472, secondary_gids: null }],
      root_directory: [{ path: "/grafana", creation_info: [{ owner_uid: 472, owner_gid: 472, permissions: "0750" }] }],
    });
    expect(addresses(changes, "module.storage_defaults.aws_efs")).toEqual([]);
  });

  it("plans one bucket and one file system per key of a for_each call", () => {
    expect(addresses(changes, "module.storage_each[").filter((a) => /aws_s3_bucket\.this|aws_efs_file_system\./.test(a))).toEqual([
      'module.storage_each["logs"].aws_efs_file_system.grafana[0]',
      'module.storage_each["logs"].aws_s3_bucket.this',
      'module.storage_each["metrics"].aws_efs_file_system.grafana[0]',
      'module.storage_each["metrics"].aws_s3_bucket.this',
    ]);
    expect(after(changes, 'module.storage_each["logs"].aws_s3_bucket.this').bucket).toBe("lgtm-logs-telemetry");
    expect(addresses(changes, 'module.storage_each["logs"].aws_efs_mount_target.')).toHaveLength(2);
  });
});

describe("published service-discovery and lgtm-storage validations under terraform plan", () => {
  const cases = [
    ...BAD_SERVICE_DISCOVERY_INPUTS.map((bad, i) => ({ ...bad, call: `bad_discovery_${i}`, module: "service-discovery", base: BASE_SERVICE_DISCOVERY })),
    ...BAD_STORAGE_INPUTS.map((bad, i) => ({ ...bad, call: `bad_storage_${i}`, module: "lgtm-storage", base: BASE_STORAGE })),
  ];
  let errors: Map<string, string[]>;

  beforeAll(async () => {
    const [discovery, storage] = await Promise.all(
      ["service-discovery", "lgtm-storage"].map((module) =>
        validationErrorsByCall(module, Object.fromEntries(cases.filter((c) => c.module === module).map((c) => [c.call, hclArgs({ ...c.base, ...c.props })]))),
      ),
    );
    errors = new Map([...discovery, ...storage]);
  });

  it("reports errors only against the bad calls", () => {
    expect([...errors.keys()].sort()).toEqual(cases.map((c) => c.call).sort());
  });

  it.each(cases)("rejects $case in var.$variable with the synth-time message", ({ call, variable, message }) => {
    const messages = (errors.get(call) ?? []).join("\n");
    expect(messages).toContain(`Invalid value for variable: ${variable} `);
    expect(messages).toContain(message);
  });
});
