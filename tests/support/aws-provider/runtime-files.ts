// Names of the files the mirror build writes into the runtime directory,
// shared by the build (build-mirror.ts) and the plugin that reads them.

/** The launcher's entry: runs the bundle with its code cache (code-cache-loader.ts). */
export const LOADER_FILE = "start.js";
/** main.ts and everything it imports, bundled by esbuild. */
export const BUNDLE_FILE = "provider.js";
export const CODE_CACHE_FILE = "provider.js.cache";
/** proto/*.proto compiled to field tables (proto-spec.ts). */
export const PROTOCOL_SPEC_FILE = "protocol.json";
/** The GetProviderSchema response, encoded once. */
export const ENCODED_SCHEMA_FILE = "provider-schema.pb";
/** Each type's schema as its own JSON string (schema-compile.ts). */
export const PLANNING_INDEX_FILE = "planning-index.json";

/** Set by the mirror build for the one loader run whose purpose is to write the code cache. */
export const WRITE_CODE_CACHE_ENV = "LGTM_AWS_STAND_IN_WRITE_CODE_CACHE";
