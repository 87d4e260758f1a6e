import { build, version as esbuildVersion } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { encodeMessage } from "./proto-codec";
import { compileProtocolSpec, PROTO_DIR, PROTO_FILES } from "./proto-spec";
import {
  BUNDLE_FILE,
  CODE_CACHE_FILE,
  ENCODED_SCHEMA_FILE,
  LOADER_FILE,
  PLANNING_INDEX_FILE,
  PROTOCOL_SPEC_FILE,
  WRITE_CODE_CACHE_ENV,
} from "./runtime-files";
import { planningIndex, providerSchemaResponse } from "./schema-compile";
import { AWS_PROVIDER_SOURCE, type ProviderSchemaDocument } from "./schema-types";

/**
 * Builds the stand-in into a terraform filesystem mirror:
 *
 *   <cache>/aws-<key>/mirror/registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/terraform-provider-aws_v<version>
 *   <cache>/aws-<key>/runtime/{start.js, provider.js, provider.js.cache, protocol.json, provider-schema.pb, planning-index.json}
 *
 * The provider "binary" is a two-line shell script that execs node on the
 * loader (start.js, which runs provider.js with its V8 code cache), so the
 * package terraform hashes and installs stays tiny. The key hashes
 * everything the build depends on, the version served included (one schema
 * may be served under several); builds go to a staging directory renamed
 * into place, so parallel test workers either reuse a finished mirror or
 * race harmlessly to create identical ones.
 */
export interface ProviderMirror {
  /** Directory to name in provider_installation { filesystem_mirror { path = ... } }. */
  mirrorDir: string;
  /** The bundle, its code cache and the precompiled protocol and schema files. */
  runtimeDir: string;
}

export const DEFAULT_CACHE_DIR = join(tmpdir(), "lgtm-tf-harness");
const SOURCE_DIR = __dirname;
const READY_MARKER = "ready";

function terraformPlatform(): string {
  const arch = { x64: "amd64", arm64: "arm64", ia32: "386" }[process.arch as string] ?? process.arch;
  return `${process.platform}_${arch}`;
}

function buildKey(schemaPath: string, version: string): string {
  const hash = createHash("sha256").update(`${version}\n`);
  const sources = readdirSync(SOURCE_DIR).filter((file) => file.endsWith(".ts")).sort();
  for (const file of sources) hash.update(file).update(readFileSync(join(SOURCE_DIR, file)));
  for (const file of PROTO_FILES) hash.update(file).update(readFileSync(join(PROTO_DIR, file)));
  hash.update(readFileSync(schemaPath));
  hash.update([process.execPath, process.version, esbuildVersion, terraformPlatform()].join("\n"));
  return hash.digest("hex").slice(0, 16);
}

export function readSchemaDocument(schemaPath: string): ProviderSchemaDocument {
  const raw = readFileSync(schemaPath);
  const text = (schemaPath.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  const document = JSON.parse(text) as { provider_schemas?: Record<string, ProviderSchemaDocument> };
  const aws = document.provider_schemas?.[AWS_PROVIDER_SOURCE];
  if (!aws) throw new Error(`${schemaPath} has no provider_schemas["${AWS_PROVIDER_SOURCE}"]`);
  return aws;
}

async function buildInto(staging: string, finalDir: string, schemaPath: string, version: string): Promise<void> {
  const runtimeDir = join(staging, "runtime");
  mkdirSync(runtimeDir, { recursive: true });
  const bundleOptions = { bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, logLevel: "silent" } as const;
  await build({ ...bundleOptions, entryPoints: [join(SOURCE_DIR, "main.ts")], outfile: join(runtimeDir, BUNDLE_FILE) });
  await build({ ...bundleOptions, entryPoints: [join(SOURCE_DIR, "code-cache-loader.ts")], outfile: join(runtimeDir, LOADER_FILE) });
  writeCodeCache(runtimeDir);
  const protocol = compileProtocolSpec(PROTO_DIR);
  writeFileSync(join(runtimeDir, PROTOCOL_SPEC_FILE), JSON.stringify(protocol));

  const document = readSchemaDocument(schemaPath);
  const schemaResponse = encodeMessage(protocol, "tfplugin6.GetProviderSchema.Response", providerSchemaResponse(document));
  writeFileSync(join(runtimeDir, ENCODED_SCHEMA_FILE), schemaResponse);
  writeFileSync(join(runtimeDir, PLANNING_INDEX_FILE), JSON.stringify(planningIndex(document)));

  const packageDir = join(staging, "mirror", "registry.terraform.io", "hashicorp", "aws", version, terraformPlatform());
  mkdirSync(packageDir, { recursive: true });
  const launcher = join(packageDir, `terraform-provider-aws_v${version}`);
  const loader = join(finalDir, "runtime", LOADER_FILE);
  writeFileSync(launcher, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(loader)} "$@"\n`);
  chmodSync(launcher, 0o755);
  writeFileSync(join(staging, READY_MARKER), "");
}

/**
 * Runs the loader once without terraform's magic cookie: the provider loads
 * all its modules, refuses to serve, and the loader saves the code cache as
 * the process exits.
 */
function writeCodeCache(runtimeDir: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, [WRITE_CODE_CACHE_ENV]: "1" };
  delete env.TF_PLUGIN_MAGIC_COOKIE;
  spawnSync(process.execPath, [join(runtimeDir, LOADER_FILE)], { env, stdio: "ignore" });
  if (!existsSync(join(runtimeDir, CODE_CACHE_FILE))) throw new Error("the provider's code cache was not written");
}

const builds = new Map<string, Promise<ProviderMirror>>();

/** The mirror serving schemaPath as hashicorp/aws `version`, built unless already there. */
export function ensureProviderMirror(schemaPath: string, version: string, cacheDir = DEFAULT_CACHE_DIR): Promise<ProviderMirror> {
  const finalDir = join(cacheDir, `aws-${buildKey(schemaPath, version)}`);
  const mirror = { mirrorDir: join(finalDir, "mirror"), runtimeDir: join(finalDir, "runtime") };
  if (existsSync(join(finalDir, READY_MARKER))) return Promise.resolve(mirror);

  let pending = builds.get(finalDir);
  if (!pending) {
    pending = (async () => {
      const staging = join(cacheDir, `.staging-${process.pid}-${randomBytes(4).toString("hex")}`);
      try {
        await buildInto(staging, finalDir, schemaPath, version);
        renameSync(staging, finalDir);
      } catch (caught) {
        // Another process finished the same build first: theirs is identical.
        if (!existsSync(join(finalDir, READY_MARKER))) throw caught;
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
      return mirror;
    })();
    builds.set(finalDir, pending);
  }
  return pending;
}
