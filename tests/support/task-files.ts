import { gunzipSync } from "node:zlib";

/** The parts of an ECS container definition the config-file delivery uses. */
interface ContainerDefinition {
  readonly name: string;
  readonly command?: string[] | null;
  readonly environment?: { name: string; value: string }[];
  readonly mountPoints?: { sourceVolume: string; containerPath: string }[];
}

/**
 * The config files a task definition delivers, by the absolute path its containers read them at,
 * as the container definitions JSON of a plan holds them: each file's content from the init
 * container's environment (gzip, then base64), its path from the init script (which volume and
 * file name) and the mount point of that volume in the container that reads it.
 */
export function deliveredFiles(containerDefinitions: string): Record<string, string> {
  const containers = JSON.parse(containerDefinitions) as ContainerDefinition[];
  const init = containers.find((container) => container.name === "config-files");
  if (!init) return {};
  const script = init.command![2];
  const files: Record<string, string> = {};
  for (const variable of init.environment ?? []) {
    const target = new RegExp(`"\\$${variable.name}" \\| base64 -d \\| gunzip > /config/([^/ ]+)/([^ ]+)`).exec(script);
    if (!target) throw new Error(`The init script writes no file from ${variable.name}.`);
    const [, volume, name] = target;
    const mount = containers.flatMap((container) => (container === init ? [] : container.mountPoints ?? [])).find((point) => point.sourceVolume === volume);
    if (!mount) throw new Error(`No container mounts volume ${volume}.`);
    files[`${mount.containerPath}/${name}`] = gunzipSync(Buffer.from(variable.value, "base64")).toString("utf8");
  }
  return files;
}
