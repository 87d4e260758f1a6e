import { describe, expect, it } from "vitest";
import { checkTerraform, writeScratchRoot, type CheckOptions, type TerraformDiagnostic } from "../support/terraform-runner";

// Each scratch configuration carries one mistake; terraform itself (with the
// real provider schema served by the stand-in) must reject it with the
// message a user would see against the real provider.

async function errorsOf(mainTf: string, options?: CheckOptions): Promise<TerraformDiagnostic[]> {
  const root = await writeScratchRoot({ "main.tf": mainTf });
  try {
    const result = await checkTerraform(root.dir, options);
    expect(result.ok).toBe(false);
    return result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  } finally {
    await root.cleanup();
  }
}

const TIMEOUT = 60_000;

describe.concurrent("configurations with planted errors", () => {
  it(
    "rejects an argument the resource does not have",
    async () => {
      const errors = await errorsOf(`
resource "aws_vpc" "main" {
  cidr_block  = "10.0.0.0/16"
  enable_dns  = true
}`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        stage: "plan",
        summary: "Unsupported argument",
        detail: 'An argument named "enable_dns" is not expected here.',
        range: { filename: "main.tf", start: { line: 4 } },
      });
    },
    TIMEOUT,
  );

  it(
    "rejects a resource missing a required argument",
    async () => {
      const errors = await errorsOf(`
resource "aws_subnet" "a" {
  cidr_block = "10.0.1.0/24"
}`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        stage: "plan",
        summary: "Missing required argument",
        detail: 'The argument "vpc_id" is required, but no definition was found.',
      });
    },
    TIMEOUT,
  );

  it(
    "rejects a reference to an attribute the resource does not export",
    async () => {
      const errors = await errorsOf(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
output "vpc_cidr" {
  value = aws_vpc.main.cidr_blok
}`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        stage: "plan",
        summary: "Unsupported attribute",
        detail: 'This object has no argument, nested block, or exported attribute named "cidr_blok". Did you mean "cidr_block"?',
      });
    },
    TIMEOUT,
  );

  it(
    "rejects for_each over a list",
    async () => {
      const errors = await errorsOf(`
variable "zones" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}
resource "aws_subnet" "private" {
  for_each          = var.zones
  vpc_id            = "vpc-123"
  availability_zone = each.value
  cidr_block        = "10.0.1.0/24"
}`);
      expect(errors).toHaveLength(1);
      expect(errors[0].summary).toBe("Invalid for_each argument");
      expect(errors[0].detail).toContain(
        'The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type list of string.',
      );
    },
    TIMEOUT,
  );

  it(
    "fails plan when a variable's validation rule fails, with its message",
    async () => {
      const errors = await errorsOf(
        `
variable "environment" {
  type = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Environment = var.environment }
}`,
        { vars: { environment: "staging" } },
      );
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ stage: "plan", summary: "Invalid value for variable" });
      expect(errors[0].detail).toContain("environment must be dev or prod.");
    },
    TIMEOUT,
  );
});
