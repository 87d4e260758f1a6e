// Entry point of the bundled stand-in provider (see README.md next to this file).
import { servePlugin } from "./plugin-server";
import { createProviderService } from "./provider-service";
import { loadPluginProtocol } from "./protocol";
import { SchemaStore } from "./schema-store";

// In the bundle, __dirname is the runtime directory holding the precompiled schema files.
servePlugin(loadPluginProtocol(), createProviderService(new SchemaStore(__dirname)));
