import {
  Server,
  ServerCredentials,
  type ServerDuplexStream,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from "@grpc/grpc-js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PluginProtocol } from "./protocol";
import { createServerIdentity } from "./self-signed-cert";

// hashicorp/go-plugin's handshake, as terraform configures it for providers.
const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
const CORE_PROTOCOL_VERSION = 1;
const APP_PROTOCOL_VERSION = 6;
const SERVING = 1;

function refuseToStart(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * Serves the provider the way a go-plugin plugin does: gRPC on a unix
 * socket, mutual TLS pinned to the certificate terraform passed in
 * PLUGIN_CLIENT_CERT, our own certificate in the handshake line, plus the
 * controller/stdio/broker/health services go-plugin's client talks to.
 */
export function servePlugin(protocol: PluginProtocol, provider: UntypedServiceImplementation): void {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    refuseToStart("This is a terraform provider plugin (an offline stand-in for hashicorp/aws); terraform starts it, not you.");
  }
  const offered = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? "").split(",");
  if (!offered.includes(String(APP_PROTOCOL_VERSION))) {
    refuseToStart(`The aws stand-in speaks plugin protocol ${APP_PROTOCOL_VERSION} only; terraform offered ${offered.join(",")}.`);
  }

  const server = new Server({ "grpc.max_receive_message_length": -1, "grpc.max_send_message_length": -1 });
  const openStreams = new Set<ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>>();
  const socketDirectory = mkdtempSync(join(tmpdir(), "tf-aws-stand-in-"));
  process.on("exit", () => rmSync(socketDirectory, { recursive: true, force: true }));

  const shutDown = () => {
    for (const stream of openStreams) stream.end();
    server.tryShutdown(() => process.exit(0));
    setTimeout(() => process.exit(0), 250);
  };

  server.addService(protocol.provider, provider);
  server.addService(protocol.controller, {
    Shutdown: (_call: unknown, callback: (error: null, response: object) => void) => {
      callback(null, {});
      setImmediate(shutDown);
    },
  });
  // Nothing is ever written to these streams; they stay open so go-plugin's client sees healthy services.
  server.addService(protocol.stdio, {
    StreamStdio: (call: ServerWritableStream<unknown, unknown>) => {
      openStreams.add(call);
      call.on("cancelled", () => openStreams.delete(call));
    },
  });
  server.addService(protocol.broker, {
    StartStream: (call: ServerDuplexStream<unknown, unknown>) => {
      openStreams.add(call);
      call.on("data", () => undefined);
      call.on("end", () => {
        openStreams.delete(call);
        call.end();
      });
    },
  });
  server.addService(protocol.health, {
    Check: (_call: unknown, callback: (error: null, response: object) => void) => callback(null, { status: SERVING }),
  });

  const clientCertificate = process.env.PLUGIN_CLIENT_CERT;
  const identity = clientCertificate ? createServerIdentity() : undefined;
  const credentials = identity
    ? ServerCredentials.createSsl(
        Buffer.from(clientCertificate!),
        [{ private_key: Buffer.from(identity.privateKeyPem), cert_chain: Buffer.from(identity.certificatePem) }],
        true,
      )
    : ServerCredentials.createInsecure();

  const socketPath = join(socketDirectory, "plugin.sock");
  server.bindAsync(`unix://${socketPath}`, credentials, (bindError) => {
    if (bindError) refuseToStart(`The aws stand-in could not listen on ${socketPath}: ${bindError.message}`);
    // go-plugin decodes the certificate with base64.RawStdEncoding: no padding.
    const certificate = identity ? identity.certificateDer.toString("base64").replace(/=+$/, "") : "";
    process.stdout.write(`${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|unix|${socketPath}|grpc|${certificate}\n`);
  });

  process.on("SIGTERM", shutDown);
  // Ctrl-C reaches the whole process group; like go-plugin plugins, leave it to terraform (it calls StopProvider).
  process.on("SIGINT", () => undefined);
  // Terraform always ends us through Shutdown; if it dies instead, do not linger.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && shutDown(), 1000).unref();
}
