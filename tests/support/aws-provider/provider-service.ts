import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import { decodeDynamicValue, encodeDynamicValue, isObject, type CtyValue, type DynamicValueMessage } from "./cty";
import { readDataSource } from "./data-sources";
import { conformToBlock } from "./nested-values";
import { planResource } from "./plan";
import { PolicyDocumentError } from "./policy-document";
import { DEFAULT_SETTINGS, readProviderSettings, type ProviderSettings } from "./provider-config";
import { callProviderFunction, FunctionCallError } from "./provider-functions";
import { functionMessages, SERVER_CAPABILITIES } from "./schema-compile";
import type { SchemaKind, SchemaStore } from "./schema-store";
import type { TypeSchema } from "./schema-types";

interface Diagnostic {
  severity: number;
  summary: string;
  detail: string;
}

const ERROR = 1;
const error = (summary: string, detail = ""): Diagnostic => ({ severity: ERROR, summary, detail });

/** Thrown inside a handler to answer with an error diagnostic instead of a result. */
class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.summary);
  }
}

// Requests arrive as plain objects decoded by proto-loader, shaped by tfplugin6.proto.
type Request = Record<string, any>;
type Handler = (request: Request) => object;

/**
 * Wraps a handler so that a DiagnosticError (or any unexpected error) becomes
 * the response's diagnostics: terraform then prints it like a real provider
 * error instead of a bare gRPC failure.
 */
function unary(handler: Handler) {
  return (call: ServerUnaryCall<Request, object>, callback: sendUnaryData<object>) => {
    try {
      callback(null, handler(call.request));
    } catch (caught) {
      const diagnostic =
        caught instanceof DiagnosticError
          ? caught.diagnostic
          : error("The aws stand-in failed", caught instanceof Error ? (caught.stack ?? caught.message) : String(caught));
      callback(null, { diagnostics: [diagnostic] });
    }
  };
}

const decode = (value: DynamicValueMessage | undefined): CtyValue => decodeDynamicValue(value);
const NO_DIAGNOSTICS = { diagnostics: [] };

export function createProviderService(schemas: SchemaStore): UntypedServiceImplementation {
  let settings: ProviderSettings = DEFAULT_SETTINGS;

  const schemaOf = (kind: SchemaKind, typeName: string): TypeSchema => {
    const schema = schemas.typeSchema(kind, typeName);
    if (!schema) throw new DiagnosticError(error(`The aws stand-in has no schema for ${typeName}`));
    return schema;
  };

  const readLike = (kind: SchemaKind, request: Request): CtyValue => {
    const config = decode(request.config);
    if (!isObject(config)) return config;
    try {
      return readDataSource(request.type_name, schemaOf(kind, request.type_name).block, config, settings);
    } catch (caught) {
      if (caught instanceof PolicyDocumentError) throw new DiagnosticError(error(caught.message));
      throw caught;
    }
  };

  return {
    GetMetadata: unary(() => {
      const index = schemas.planningIndex();
      const names = (record: Record<string, unknown>) => Object.keys(record).map((type_name) => ({ type_name }));
      return {
        server_capabilities: SERVER_CAPABILITIES,
        resources: names(index.resources),
        data_sources: names(index.data_sources),
        ephemeral_resources: names(index.ephemeral_resources),
        functions: Object.keys(index.functions).map((name) => ({ name })),
      };
    }),
    // Answered with bytes encoded when the mirror was built (see protocol.ts).
    GetProviderSchema: unary(() => schemas.encodedProviderSchema()),
    GetFunctions: unary(() => ({ functions: functionMessages(schemas.planningIndex().functions) })),
    GetResourceIdentitySchemas: unary(() => ({ identity_schemas: {} })),

    ValidateProviderConfig: unary(() => NO_DIAGNOSTICS),
    ValidateResourceConfig: unary(() => NO_DIAGNOSTICS),
    ValidateDataResourceConfig: unary(() => NO_DIAGNOSTICS),
    ValidateEphemeralResourceConfig: unary(() => NO_DIAGNOSTICS),

    ConfigureProvider: unary((request) => {
      settings = readProviderSettings(decode(request.config));
      return NO_DIAGNOSTICS;
    }),

    UpgradeResourceState: unary((request) => {
      const json = request.raw_state?.json as Buffer | undefined;
      if (!json || json.length === 0) {
        throw new DiagnosticError(error("The aws stand-in cannot upgrade legacy flatmap state"));
      }
      const state = JSON.parse(json.toString("utf8")) as CtyValue;
      return { upgraded_state: encodeDynamicValue(conformToBlock(schemaOf("resources", request.type_name).block, state)) };
    }),

    // There is no AWS to refresh from: what terraform stored is what exists.
    ReadResource: unary((request) => ({ new_state: request.current_state, private: request.private })),

    PlanResourceChange: unary((request) => {
      const planned = planResource(
        schemaOf("resources", request.type_name).block,
        decode(request.proposed_new_state),
        decode(request.prior_state),
        decode(request.config),
        settings,
      );
      return { planned_state: encodeDynamicValue(planned), requires_replace: [], planned_private: request.prior_private };
    }),

    ApplyResourceChange: unary(() => {
      throw new DiagnosticError(
        error(
          "The aws stand-in cannot apply changes",
          "This is the offline stand-in for hashicorp/aws from tests/support/aws-provider: it validates and plans only. Apply with the real provider.",
        ),
      );
    }),

    ImportResourceState: unary((request) => {
      throw new DiagnosticError(error(`The aws stand-in cannot import ${request.type_name}: it has no AWS account to read from`));
    }),

    ReadDataSource: unary((request) => ({ state: encodeDynamicValue(readLike("data_sources", request)) })),

    OpenEphemeralResource: unary((request) => ({ result: encodeDynamicValue(readLike("ephemeral_resources", request)) })),
    CloseEphemeralResource: unary(() => NO_DIAGNOSTICS),

    CallFunction: unary((request) => {
      const args = ((request.arguments ?? []) as DynamicValueMessage[]).map(decode);
      try {
        return { result: encodeDynamicValue(callProviderFunction(request.name, args)) };
      } catch (caught) {
        if (!(caught instanceof FunctionCallError)) throw caught;
        return { error: { text: caught.message, function_argument: caught.argumentIndex } };
      }
    }),

    StopProvider: unary(() => ({})),
  };
}
