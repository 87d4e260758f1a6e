import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeMessage, encodeMessage } from "./proto-codec";
import type { ProtocolSpec } from "./proto-spec";
import { PROTOCOL_SPEC_FILE } from "./runtime-files";

export interface PluginProtocol {
  spec: ProtocolSpec;
  provider: ServiceDefinition;
  controller: ServiceDefinition;
  stdio: ServiceDefinition;
  broker: ServiceDefinition;
  health: ServiceDefinition;
}

type Message = Record<string, unknown>;

function serviceDefinition(spec: ProtocolSpec, serviceName: string): ServiceDefinition {
  const methods = spec.services[serviceName];
  if (!methods) throw new Error(`the protocol has no service ${serviceName}`);
  return Object.fromEntries(
    methods.map((method): [string, MethodDefinition<Message, Message>] => [
      method.name,
      {
        path: `/${serviceName}/${method.name}`,
        requestStream: method.requestStream,
        responseStream: method.responseStream,
        requestSerialize: (value) => encodeMessage(spec, method.requestType, value),
        requestDeserialize: (bytes) => decodeMessage(spec, method.requestType, bytes),
        // A handler may answer with bytes encoded ahead of time (the provider schema).
        responseSerialize: (value) => (Buffer.isBuffer(value) ? value : encodeMessage(spec, method.responseType, value)),
        responseDeserialize: (bytes) => decodeMessage(spec, method.responseType, bytes),
      },
    ]),
  );
}

export function pluginProtocol(spec: ProtocolSpec): PluginProtocol {
  return {
    spec,
    provider: serviceDefinition(spec, "tfplugin6.Provider"),
    controller: serviceDefinition(spec, "plugin.GRPCController"),
    stdio: serviceDefinition(spec, "plugin.GRPCStdio"),
    broker: serviceDefinition(spec, "plugin.GRPCBroker"),
    health: serviceDefinition(spec, "grpc.health.v1.Health"),
  };
}

export function readPluginProtocol(runtimeDir: string): PluginProtocol {
  return pluginProtocol(JSON.parse(readFileSync(join(runtimeDir, PROTOCOL_SPEC_FILE), "utf8")) as ProtocolSpec);
}
