import { createHash } from "node:crypto";
import type { CtyObject, CtyValue } from "./cty";
import { plausibleValue } from "./plausible-values";
import { ACCOUNT_ID, partitionOf } from "./provider-config";

/**
 * aws_ssm_parameter, with the values AWS publishes under /aws/service/ for
 * AMIs shaped like the real ones, since configurations decode them
 * (`jsondecode(value)["image_id"]`) or pass them on as AMI ids. Shapes from
 * the ECS, EKS and Bottlerocket guides ("Retrieving Amazon ECS-optimized
 * Linux AMI metadata" and its Windows twin, "Retrieve recommended Amazon
 * Linux AMI IDs") and the Systems Manager guide's "Public parameters":
 *
 * - `…/ecs/optimized-ami/<os…>/recommended`, `ami-windows-latest/*-ECS_Optimized`,
 *   `…/eks/optimized-ami/<k8s>/<os…>/recommended`, `ami-windows-latest/*-EKS_Optimized-<k8s>`:
 *   a JSON object, each of whose fields is also a parameter one level down
 *   (`…/recommended/image_id` is the bare id);
 * - `…/bottlerocket/<variant>/<arch>/latest/image_id` and `…/image_version`;
 * - `ami-amazon-linux-latest/*`, other `ami-windows-latest/*`, Canonical's `…/ami-id`: a bare id.
 *
 * Ids, names and versions are made up but well formed.
 */

type Metadata = Record<string, string | number>;

const RELEASE_DATE = "20251015";
const ECS_AGENT_VERSION = "1.98.0";
const BOTTLEROCKET_VERSION = "1.49.0-57e47c8a";

/** AMI ids differ per parameter and per region (AMIs are regional). */
function amiId(path: string, region: string): string {
  return `ami-0${createHash("sha256").update(`${region} ${path}`).digest("hex").slice(0, 16)}`;
}

const architectureOf = (variant: string) => (/(^|\/|-)arm64($|\/)/.test(variant) ? "arm64" : "x86_64");

function ecsLinux(family: string, variant: string): Metadata {
  const arch = architectureOf(variant);
  const images: Record<string, { os: string; image: string; source: string }> = {
    "amazon-linux-2023": {
      os: "Amazon Linux 2023",
      image: `al2023-ami-ecs-hvm-2023.0.${RELEASE_DATE}-kernel-6.1-${arch}`,
      source: `al2023-ami-minimal-2023.9.${RELEASE_DATE}.0-kernel-6.1-${arch}`,
    },
    "amazon-linux-2": {
      os: "Amazon Linux 2",
      image: `amzn2-ami-ecs-hvm-2.0.${RELEASE_DATE}-${arch}-ebs`,
      source: `amzn2-ami-minimal-hvm-2.0.${RELEASE_DATE}.0-${arch}-ebs`,
    },
    "amazon-linux": { os: "Amazon Linux", image: "amzn-ami-2018.03.20240319-amazon-ecs-optimized", source: "amzn-ami-minimal-hvm-2018.03.0.20240319.0-x86_64-ebs" },
  };
  const { os, image, source } = images[family];
  return {
    schema_version: 1,
    image_name: image,
    os,
    ecs_runtime_version: "Docker version 25.0.8",
    ecs_agent_version: ECS_AGENT_VERSION,
    source_image_name: source,
  };
}

function eksImageName(kubernetes: string, variant: string): string {
  const al2023 = /^amazon-linux-2023\/([^/]+)\/([^/]+)$/.exec(variant);
  if (al2023) return `amazon-eks-node-al2023-${al2023[1]}-${al2023[2]}-${kubernetes}-v${RELEASE_DATE}`;
  const flavour = { "amazon-linux-2-arm64": "arm64-", "amazon-linux-2-gpu": "gpu-" }[variant] ?? "";
  return `amazon-eks-${flavour}node-${kubernetes}-v${RELEASE_DATE}`;
}

const eks = (kubernetes: string, imageName: string): Metadata => ({
  schema_version: "2",
  image_name: imageName,
  release_version: `${kubernetes}.0-${RELEASE_DATE}`,
});

/** The JSON metadata AWS publishes at this path, without its image_id; undefined when it publishes none. */
function metadataAt(path: string): Metadata | undefined {
  let match = /^\/aws\/service\/ecs\/optimized-ami\/(amazon-linux(?:-2023|-2)?)((?:\/[^/]+)*)\/recommended$/.exec(path);
  if (match) return ecsLinux(match[1], match[2]);
  match = /^\/aws\/service\/ami-windows-latest\/(Windows_Server-[^/]+)-ECS_Optimized$/.exec(path);
  if (match) {
    const image = `${match[1]}-ECS_Optimized-${RELEASE_DATE.replace(/(\d{4})(\d\d)(\d\d)/, "$1.$2.$3")}`;
    return { image_name: image, os: match[1], schema_version: 1, ecs_runtime_version: "Docker version 25.0.6", ecs_agent_version: ECS_AGENT_VERSION };
  }
  match = /^\/aws\/service\/ami-windows-latest\/(Windows_Server-[^/]+-EKS_Optimized)-(\d+\.\d+)$/.exec(path);
  if (match) return eks(match[2], `${match[1]}-${match[2]}-${RELEASE_DATE}`);
  match = /^\/aws\/service\/eks\/optimized-ami\/(\d+\.\d+)\/(.+)\/recommended$/.exec(path);
  if (match) return eks(match[1], eksImageName(match[1], match[2]));
  return undefined;
}

function metadataDocument(path: string, region: string): Metadata | undefined {
  const metadata = metadataAt(path);
  return metadata && { ...metadata, image_id: amiId(path, region) };
}

const BARE_AMI_ID = [/^\/aws\/service\/ami-(amazon-linux|windows)-latest\/[^/]+$/, /^\/aws\/service\/canonical\/.+\/ami-id$/];

/** The value AWS publishes under this name, or undefined for names the stand-in does not know. */
export function publicParameterValue(name: string, region: string): string | undefined {
  const document = metadataDocument(name, region);
  if (document) return JSON.stringify(document);
  const parent = name.slice(0, name.lastIndexOf("/"));
  const field = name.slice(parent.length + 1);
  const parentDocument = metadataDocument(parent, region);
  if (parentDocument) return field in parentDocument ? String(parentDocument[field]) : undefined;
  if (/^\/aws\/service\/bottlerocket\/[^/]+\/[^/]+\/latest$/.test(parent)) {
    return { image_id: amiId(parent, region), image_version: BOTTLEROCKET_VERSION }[field];
  }
  return BARE_AMI_ID.some((pattern) => pattern.test(name)) ? amiId(name, region) : undefined;
}

/** What GetParameter answers, as the provider sets it (insecure_value equals value for a String parameter). */
export function ssmParameterFacts(config: CtyObject, region: string): Record<string, CtyValue> {
  const name = typeof config.name === "string" ? config.name : "";
  const value = publicParameterValue(name, region) ?? plausibleValue("string", "value", { typeName: "aws_ssm_parameter", region });
  // Public parameters belong to no account, so their ARNs name none.
  const owner = name.startsWith("/aws/service/") ? "" : ACCOUNT_ID;
  const arn = `arn:${partitionOf(region).partition}:ssm:${region}:${owner}:parameter${name.startsWith("/") ? "" : "/"}${name}`;
  return { id: name, arn, type: "String", value, insecure_value: value, version: 1 };
}
