import { loadSync, type PackageDefinition, type ServiceDefinition } from "@grpc/proto-loader";
import { join } from "node:path";

/**
 * The .proto files sit in proto/ next to this file in the source tree and
 * next to the bundle in the provider mirror, so __dirname finds them in both.
 */
export const PROTO_DIR = join(__dirname, "proto");
export const PROTO_FILES = ["tfplugin6.proto", "go-plugin.proto", "health.proto"];

export interface PluginProtocol {
  provider: ServiceDefinition;
  controller: ServiceDefinition;
  stdio: ServiceDefinition;
  broker: ServiceDefinition;
  health: ServiceDefinition;
}

export function loadPluginProtocol(protoDir = PROTO_DIR): PluginProtocol {
  const definition: PackageDefinition = loadSync(
    PROTO_FILES.map((file) => join(protoDir, file)),
    // snake_case field names as on the wire; enums and int64 as plain numbers.
    { keepCase: true, longs: Number, enums: Number, defaults: false, oneofs: true },
  );
  const service = (name: string) => definition[name] as ServiceDefinition;
  return {
    provider: service("tfplugin6.Provider"),
    controller: service("plugin.GRPCController"),
    stdio: service("plugin.GRPCStdio"),
    broker: service("plugin.GRPCBroker"),
    health: service("grpc.health.v1.Health"),
  };
}
