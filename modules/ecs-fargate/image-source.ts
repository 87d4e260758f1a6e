import { IResolvable } from "cdktf";
import { hclLines, raw } from "../../lib/hcl";
import { ObjectSpec, objectType } from "../../lib/object-type";
import { ALLOY_IMAGE } from "./lgtm/alloy/image";

export const IMAGE_SOURCE_MODES = ["docker_hub", "pull_through_cache", "registry_prefix"] as const;
export type ImageSourceMode = (typeof IMAGE_SOURCE_MODES)[number];

/**
 * Where tasks pull Docker Hub and ECR Public images from. Docker Hub allows 10 unauthenticated
 * pulls per hour per IP, and every task behind one NAT gateway shares that IP.
 */
export interface ImageSource {
  /**
   * `docker_hub`: pull directly (with `credentials_secret_arn` as Docker Hub credentials if given).
   * `pull_through_cache`: through ECR pull-through cache rules in this account and region, the only
   * way that works without NAT (VPC endpoints reach ECR, never Docker Hub or ECR Public).
   * `registry_prefix`: from a registry that mirrors the images under `registry_prefix`.
   */
  readonly mode?: ImageSourceMode;
  /** Secrets Manager ARN of Docker Hub credentials: `repositoryCredentials` in `docker_hub` mode (optional), the cache rule's upstream credentials in `pull_through_cache` mode (required; its name starts with `ecr-pullthroughcache/`). */
  readonly credentials_secret_arn?: string | null;
  /** Registry host and path that mirrors Docker Hub and ECR Public paths, e.g. `registry.example.com/mirror`; `registry_prefix` mode only. */
  readonly registry_prefix?: string | null;
  /** ECR repository prefix of the Docker Hub cache rule. */
  readonly docker_hub_cache_prefix?: string;
  /** ECR repository prefix of the ECR Public cache rule. */
  readonly ecr_public_cache_prefix?: string;
  /** Creates the two cache rules; false uses rules that already exist with these prefixes (a registry has one rule per prefix, so a second cluster in the account shares them). */
  readonly create_cache_rules?: boolean;
}

export const IMAGE_SOURCE: ObjectSpec = {
  mode: { type: "string", default: "docker_hub" },
  credentials_secret_arn: { type: "string", default: null },
  registry_prefix: { type: "string", default: null },
  docker_hub_cache_prefix: { type: "string", default: "docker-hub" },
  ecr_public_cache_prefix: { type: "string", default: "ecr-public" },
  create_cache_rules: { type: "bool", default: true },
};
export const IMAGE_SOURCE_TYPE = objectType(IMAGE_SOURCE);

/**
 * The images the module runs besides the services' own, pinned by exact tag. busybox and Fluent
 * Bit come from ECR Public (no Docker Hub rate limit); Alloy is published on Docker Hub only, and
 * the sidecar runs the same Alloy as the stack's collector, the version its components are checked against.
 */
export const HELPER_IMAGES = {
  config_files: "public.ecr.aws/docker/library/busybox:1.37.0",
  alloy: ALLOY_IMAGE,
  log_router: "public.ecr.aws/aws-observability/aws-for-fluent-bit:3.4.15",
} as const;

const DOCKER_HUB_HOSTS = "(docker[.]io|index[.]docker[.]io|registry-1[.]docker[.]io)";

/**
 * HCL: an image reference parsed once — `{ image, docker_hub, ecr_public }`, where `docker_hub` is
 * the repository path on Docker Hub (official images under `library/`, as ECR's cache expects) and
 * `ecr_public` the path on ECR Public, each null when the image lives elsewhere.
 */
export function imageReference(image: unknown): IResolvable {
  // Docker's rule: a first path component with a dot or colon, or "localhost", is a registry host.
  return hclLines`{
    image = ${image},
    docker_hub = (length(split("/", ${image})) == 1 ? format("library/%s", ${image})
      : !can(regex("^[^/]*[.:]|^localhost/", ${image})) ? ${image}
      : can(regex("^${raw(DOCKER_HUB_HOSTS)}/[^/]+$", ${image})) ? format("library/%s", regex("^[^/]+/(.+)$", ${image})[0])
      : can(regex("^${raw(DOCKER_HUB_HOSTS)}/", ${image})) ? regex("^[^/]+/(.+)$", ${image})[0]
      : null),
    ecr_public = can(regex("^public[.]ecr[.]aws/", ${image})) ? trimprefix(${image}, "public.ecr.aws/") : null
  }`;
}

/**
 * HCL: the image to run for a parsed reference (`ref`, an expression) under an image source
 * (`source`, an expression of {@link IMAGE_SOURCE_TYPE}); `registry` is this account's ECR host.
 */
export function sourcedImage(ref: unknown, source: unknown, registry: unknown): IResolvable {
  return hclLines`(${source}.mode == "pull_through_cache" ? (
      ${ref}.docker_hub != null ? format("%s/%s/%s", ${registry}, ${source}.docker_hub_cache_prefix, ${ref}.docker_hub)
      : ${ref}.ecr_public != null ? format("%s/%s/%s", ${registry}, ${source}.ecr_public_cache_prefix, ${ref}.ecr_public)
      : ${ref}.image)
    : ${source}.mode == "registry_prefix" ? (
      ${ref}.docker_hub != null ? format("%s/%s", ${source}.registry_prefix, ${ref}.docker_hub)
      : ${ref}.ecr_public != null ? format("%s/%s", ${source}.registry_prefix, ${ref}.ecr_public)
      : ${ref}.image)
    : ${ref}.image)`;
}

/** HCL: `repositoryCredentials` for a parsed reference: Docker Hub credentials for Docker Hub images in `docker_hub` mode, else null. */
export function repositoryCredentials(ref: unknown, source: unknown): IResolvable {
  return hclLines`(${source}.mode == "docker_hub" && ${source}.credentials_secret_arn != null && ${ref}.docker_hub != null
    ? { credentialsParameter = ${source}.credentials_secret_arn } : null)`;
}

