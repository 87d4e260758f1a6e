import { describe, expect, it } from "vitest";
import type { CtyObject } from "../support/aws-provider/cty";
import { readDataSource } from "../support/aws-provider/data-sources";
import { DEFAULT_SETTINGS } from "../support/aws-provider/provider-config";
import type { BlockSchema } from "../support/aws-provider/schema-types";
import { checkTerraform, formatDiagnostics, writeScratchRoot } from "../support/terraform-runner";

// The AMI parameters AWS publishes under /aws/service/ are read by many
// configurations, which then decode or reuse their values: the stand-in's
// answers must have AWS's shapes (shapes from the ECS, EKS, Bottlerocket and
// Systems Manager public-parameter documentation).

// aws_ssm_parameter as hashicorp/aws 6.19.0 declares it.
const SSM_PARAMETER: BlockSchema = {
  attributes: {
    arn: { type: "string", computed: true },
    id: { type: "string", optional: true, computed: true },
    insecure_value: { type: "string", computed: true },
    name: { type: "string", required: true },
    region: { type: "string", optional: true, computed: true },
    type: { type: "string", computed: true },
    value: { type: "string", computed: true, sensitive: true },
    version: { type: "number", computed: true },
    with_decryption: { type: "bool", optional: true },
  },
};

const AMI_ID = /^ami-[0-9a-f]{17}$/;

function read(name: string, region: string | null = null): CtyObject {
  const config = { arn: null, id: null, insecure_value: null, name, region, type: null, value: null, version: null, with_decryption: null };
  return readDataSource("aws_ssm_parameter", SSM_PARAMETER, config, DEFAULT_SETTINGS);
}

const valueOf = (name: string) => read(name).value as string;
const documentOf = (name: string) => JSON.parse(valueOf(name)) as Record<string, unknown>;

describe("aws_ssm_parameter for public AMI parameters", () => {
  it("answers an ECS-optimized …/recommended parameter with its JSON metadata, and each field as a sub-parameter", () => {
    const path = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended";
    const metadata = documentOf(path);
    expect(Object.keys(metadata).sort()).toEqual(
      ["ecs_agent_version", "ecs_runtime_version", "image_id", "image_name", "os", "schema_version", "source_image_name"].sort(),
    );
    expect(metadata).toMatchObject({ schema_version: 1, os: "Amazon Linux 2023" });
    expect(metadata.image_id).toMatch(AMI_ID);
    expect(metadata.image_name).toMatch(/^al2023-ami-ecs-hvm-.*-x86_64$/);
    expect(valueOf(`${path}/image_id`)).toBe(metadata.image_id);
    expect(valueOf(`${path}/image_name`)).toBe(metadata.image_name);
    expect(valueOf(`${path}/schema_version`)).toBe("1");
    expect(documentOf("/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended").image_name).toMatch(/-arm64$/);
    expect(documentOf("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended")).toMatchObject({ os: "Amazon Linux 2" });
  });

  it("answers the Windows ECS- and EKS-optimized parameters with JSON, and their image_id with an id", () => {
    const ecs = "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-ECS_Optimized";
    expect(documentOf(ecs)).toMatchObject({ os: "Windows_Server-2022-English-Full", schema_version: 1 });
    expect(valueOf(`${ecs}/image_id`)).toBe(documentOf(ecs).image_id);
    const eks = "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-1.31";
    expect(documentOf(eks).release_version).toMatch(/^1\.31\.\d+-\d{8}$/);
    expect(valueOf(`${eks}/image_id`)).toMatch(AMI_ID);
  });

  it("answers EKS-optimized parameters: JSON for …/recommended, an id, a name and a release version below it", () => {
    const path = "/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended";
    const metadata = documentOf(path);
    expect(Object.keys(metadata).sort()).toEqual(["image_id", "image_name", "release_version", "schema_version"]);
    expect(metadata.image_id).toMatch(AMI_ID);
    expect(valueOf(`${path}/image_id`)).toBe(metadata.image_id);
    expect(valueOf(`${path}/release_version`)).toMatch(/^1\.31\.\d+-\d{8}$/);
    expect(valueOf("/aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_name")).toMatch(/^amazon-eks-node-1\.29-v\d{8}$/);
  });

  it("answers Bottlerocket parameters with an id and an image version", () => {
    expect(valueOf("/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id")).toMatch(AMI_ID);
    expect(valueOf("/aws/service/bottlerocket/aws-k8s-1.31/arm64/latest/image_version")).toMatch(/^\d+\.\d+\.\d+-[0-9a-f]{8}$/);
  });

  it("answers the latest-AMI parameters of Amazon Linux and Windows with a bare id", () => {
    expect(valueOf("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")).toMatch(AMI_ID);
    expect(valueOf("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2")).toMatch(AMI_ID);
    expect(valueOf("/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base")).toMatch(AMI_ID);
    expect(valueOf("/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id")).toMatch(AMI_ID);
  });

  it("gives different parameters and regions different AMI ids, as AWS does", () => {
    const al2023 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    const ids = [valueOf(al2023), valueOf("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"), read(al2023, "eu-west-1").value];
    expect(new Set(ids).size).toBe(3);
  });

  it("returns the same string as value and insecure_value, with the parameter's name, ARN and type", () => {
    const name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    const state = read(name, "eu-west-1");
    expect(state.insecure_value).toBe(state.value);
    // Public parameters belong to no account: their ARNs have none.
    expect(state).toMatchObject({ id: name, type: "String", arn: `arn:aws:ssm:eu-west-1::parameter${name}` });
  });

  it("keeps a generic value for any other parameter", () => {
    const state = read("/lgtm/dev/grafana-admin-user");
    expect(state.value).toBe("value-stand-in");
    expect(state.insecure_value).toBe(state.value);
    expect(state.arn).toBe("arn:aws:ssm:us-east-1:123456789012:parameter/lgtm/dev/grafana-admin-user");
    expect(read("plain-name").arn).toBe("arn:aws:ssm:us-east-1:123456789012:parameter/plain-name");
  });
});

describe("decoding a public parameter in terraform", () => {
  it("plans jsondecode(…value)[\"image_id\"] of the ECS-optimized AL2023 parameter", async () => {
    const root = await writeScratchRoot({
      "main.tf": `data "aws_ssm_parameter" "ecs_ami" {
  name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended"
}
output "ami_id" { value = nonsensitive(jsondecode(data.aws_ssm_parameter.ecs_ami.value)["image_id"]) }
output "ami_id_from_insecure_value" { value = jsondecode(data.aws_ssm_parameter.ecs_ami.insecure_value).image_id }
`,
    });
    try {
      const result = await checkTerraform(root.dir);
      expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
      const outputs = result.plan!.output_changes!;
      expect(outputs.ami_id.after).toMatch(AMI_ID);
      expect(outputs.ami_id_from_insecure_value.after).toBe(outputs.ami_id.after);
    } finally {
      await root.cleanup();
    }
  }, 60_000);
});
