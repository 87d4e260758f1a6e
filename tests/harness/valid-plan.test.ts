import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTerraform, plannedActions, writeScratchRoot, type CheckResult, type ResourceChange } from "../support/terraform-runner";

// A small but realistic network + IAM configuration, planned end to end
// against the stand-in: data sources, for_each over their results, a policy
// document feeding a role, default tags, provider functions.
const MAIN_TF = `
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { Project = "lgtm" }
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "lgtm" }
}

resource "aws_subnet" "private" {
  for_each          = { for index, zone in data.aws_availability_zones.available.names : zone => index }
  vpc_id            = aws_vpc.main.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 4, each.value)
  tags              = { Name = "private-\${each.key}" }
}

data "aws_iam_policy_document" "assume" {
  statement {
    sid     = "EcsTasks"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "logs" {
  statement {
    actions   = ["logs:PutLogEvents", "logs:CreateLogStream", "logs:CreateLogGroup"]
    resources = ["arn:aws:logs:*:*:*"]
  }
}

resource "aws_iam_role" "task" {
  name               = "lgtm-task"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "logs" {
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.logs.json
}

output "account_id" {
  value = data.aws_caller_identity.current.account_id
}

output "role_name_from_arn" {
  value = provider::aws::arn_parse("arn:aws:iam::123456789012:role/service/lgtm-task").resource
}
`;

function change(result: CheckResult, address: string): ResourceChange {
  const found = result.plan?.resource_changes?.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no change for ${address}`);
  return found;
}

const after = (result: CheckResult, address: string) => change(result, address).change.after as Record<string, unknown>;
const afterUnknown = (result: CheckResult, address: string) => change(result, address).change.after_unknown as Record<string, unknown>;

describe("a valid configuration", () => {
  let result: CheckResult;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const root = await writeScratchRoot({ "main.tf": MAIN_TF });
    cleanup = root.cleanup;
    result = await checkTerraform(root.dir);
  }, 120_000);

  afterAll(() => cleanup?.());

  it("validates and plans without errors", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("plans the expected addresses and actions", () => {
    expect(plannedActions(result.plan!)).toEqual({
      "aws_iam_role.task": "create",
      "aws_iam_role_policy.logs": "create",
      "aws_subnet.private[\"eu-west-1a\"]": "create",
      "aws_subnet.private[\"eu-west-1b\"]": "create",
      "aws_subnet.private[\"eu-west-1c\"]": "create",
      "aws_vpc.main": "create",
    });
    expect(result.summary).toEqual({ create: 6, update: 0, delete: 0, replace: 0, "no-op": 0, read: 0 });
  });

  it("evaluates expressions over data source results", () => {
    expect(after(result, 'aws_subnet.private["eu-west-1b"]')).toMatchObject({
      availability_zone: "eu-west-1b",
      cidr_block: "10.20.16.0/20",
      region: "eu-west-1",
      tags_all: { Name: "private-eu-west-1b", Project: "lgtm" },
    });
    expect(result.plan!.output_changes?.account_id.after).toBe("123456789012");
    expect(result.plan!.output_changes?.role_name_from_arn.after).toBe("role/service/lgtm-task");
  });

  it("leaves computed attributes unknown until apply", () => {
    expect(afterUnknown(result, "aws_vpc.main")).toMatchObject({ id: true, arn: true, default_security_group_id: true });
    expect(afterUnknown(result, 'aws_subnet.private["eu-west-1a"]')).toMatchObject({ id: true, vpc_id: true });
  });

  it("renders policy documents as the real provider does", () => {
    expect(JSON.parse(after(result, "aws_iam_role.task").assume_role_policy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "EcsTasks",
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: { Service: "ecs-tasks.amazonaws.com" },
          Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        },
      ],
    });
    expect(JSON.parse(after(result, "aws_iam_role_policy.logs").policy as string).Statement[0].Action).toEqual([
      "logs:PutLogEvents",
      "logs:CreateLogStream",
      "logs:CreateLogGroup",
    ]);
  });
});
