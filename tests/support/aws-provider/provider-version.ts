// The hashicorp/aws version the stand-in is installed as. Terraform only
// sees the version in the mirror's directory names, so any schema can be
// served under the version it was exported from.

// A version terraform accepts in a mirror: major.minor.patch, optionally a prerelease.
const PROVIDER_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const SCHEMA_FILE_NAME = /^aws-provider-schema-(.+)\.json(\.gz)?$/;

export const isProviderVersion = (version: string): boolean => PROVIDER_VERSION.test(version);

/** "6.42.0" for …/aws-provider-schema-6.42.0.json.gz; undefined when the name carries no version. */
export function versionInSchemaFileName(schemaPath: string): string | undefined {
  const version = SCHEMA_FILE_NAME.exec(schemaPath.split(/[\\/]/).pop()!)?.[1];
  return version !== undefined && isProviderVersion(version) ? version : undefined;
}
