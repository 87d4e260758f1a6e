// Entry point of the bundled stand-in provider (see README.md next to this file).
import { servePlugin } from "./plugin-server";
import { createProviderService } from "./provider-service";
import { readPluginProtocol } from "./protocol";
import { SchemaStore } from "./schema-store";

// In the bundle, __dirname is the runtime directory holding the precompiled protocol and schema files.
servePlugin(readPluginProtocol(__dirname), createProviderService(new SchemaStore(__dirname)));
