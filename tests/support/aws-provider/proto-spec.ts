import { loadSync } from "@grpc/proto-loader";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A compact, fully resolved description of the plugin's .proto files: every
 * message's fields in field-number order, and every service's methods. It is
 * made when the mirror is built (parsing .proto with proto-loader), so that
 * a plugin start reads one small JSON file and encodes with proto-codec.ts
 * instead of loading protobufjs, which took about half of its start-up time.
 */

export type ScalarKind = "string" | "bytes" | "bool" | "int64" | "uint64" | "int32" | "uint32" | "enum";

export interface ValueSpec {
  kind: ScalarKind | "message";
  /** Full name of the message type, for kind "message". */
  type?: string;
}

export interface FieldSpec extends ValueSpec {
  name: string;
  number: number;
  repeated?: boolean;
  /** map<string, V>: the entry value (keys are always strings here). */
  mapValue?: ValueSpec;
}

export interface MethodSpec {
  name: string;
  requestType: string;
  responseType: string;
  requestStream: boolean;
  responseStream: boolean;
}

export interface ProtocolSpec {
  messages: Record<string, FieldSpec[]>;
  services: Record<string, MethodSpec[]>;
}

export const PROTO_DIR = join(__dirname, "proto");
export const PROTO_FILES = ["tfplugin6.proto", "go-plugin.proto", "health.proto"];

// The subset of google.protobuf.DescriptorProto that proto-loader hands out.
interface FieldDescriptor {
  name: string;
  number: number;
  label: string;
  type: string;
  typeName: string;
}
interface MessageDescriptor {
  name: string;
  field: FieldDescriptor[];
  nestedType: MessageDescriptor[];
  options: { mapEntry?: boolean } | null;
}

// proto-loader does not say which message types a method takes, so read the rpc lines of our own files.
const RPC = /rpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)/g;

const SCALARS: Record<string, ScalarKind> = {
  TYPE_STRING: "string",
  TYPE_BYTES: "bytes",
  TYPE_BOOL: "bool",
  TYPE_INT64: "int64",
  TYPE_UINT64: "uint64",
  TYPE_INT32: "int32",
  TYPE_UINT32: "uint32",
  TYPE_ENUM: "enum",
};

export function compileProtocolSpec(protoDir: string): ProtocolSpec {
  const definition = loadSync(
    PROTO_FILES.map((file) => join(protoDir, file)),
    { keepCase: true },
  );
  const descriptors = new Map<string, MessageDescriptor>();
  const collect = (fullName: string, descriptor: MessageDescriptor) => {
    descriptors.set(fullName, descriptor);
    for (const nested of descriptor.nestedType) collect(`${fullName}.${nested.name}`, nested);
  };
  for (const [name, entry] of Object.entries(definition)) {
    if ("format" in entry && entry.format === "Protocol Buffer 3 DescriptorProto") collect(name, entry.type as MessageDescriptor);
  }

  // Proto scoping: a name used in scope a.b.C is looked up as a.b.C.X, a.b.X, a.X, X.
  const resolve = (typeName: string, scope: string): string => {
    if (typeName.startsWith(".")) return typeName.slice(1);
    const parts = scope.split(".");
    for (let i = parts.length; i >= 0; i--) {
      const candidate = [...parts.slice(0, i), typeName].join(".");
      if (descriptors.has(candidate)) return candidate;
    }
    throw new Error(`cannot resolve message type ${typeName} in ${scope}`);
  };

  const valueSpec = (field: FieldDescriptor, scope: string): ValueSpec => {
    if (field.type === "TYPE_MESSAGE") return { kind: "message", type: resolve(field.typeName, scope) };
    const kind = SCALARS[field.type];
    if (!kind) throw new Error(`unsupported field type ${field.type} (${scope}.${field.name})`);
    return { kind };
  };

  const messages: ProtocolSpec["messages"] = {};
  const services: ProtocolSpec["services"] = {};
  for (const [fullName, descriptor] of descriptors) {
    if (descriptor.options?.mapEntry) continue;
    // Field-number order, the order encoders (protobufjs and Go's) write fields in.
    const fields = [...descriptor.field].sort((a, b) => a.number - b.number);
    messages[fullName] = fields.map((field) => {
      const spec: FieldSpec = { name: field.name, number: field.number, ...valueSpec(field, fullName) };
      if (field.label !== "LABEL_REPEATED") return spec;
      const entry = spec.type ? descriptors.get(spec.type) : undefined;
      if (!entry?.options?.mapEntry) return { ...spec, repeated: true };
      const [key, value] = entry.field;
      if (key.type !== "TYPE_STRING") throw new Error(`only map<string, V> is supported (${fullName}.${field.name})`);
      return { name: field.name, number: field.number, kind: "message", mapValue: valueSpec(value, spec.type!) };
    });
  }

  for (const file of PROTO_FILES) {
    const text = readFileSync(join(protoDir, file), "utf8");
    const packageName = /^package\s+([\w.]+);/m.exec(text)?.[1] ?? "";
    for (const [, serviceName, body] of text.matchAll(/^service\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
      services[`${packageName}.${serviceName}`] = [...body.matchAll(RPC)].map(([, name, requestStream, request, responseStream, response]) => ({
        name,
        requestType: resolve(request, packageName),
        responseType: resolve(response, packageName),
        requestStream: Boolean(requestStream),
        responseStream: Boolean(responseStream),
      }));
    }
  }
  return { messages, services };
}
