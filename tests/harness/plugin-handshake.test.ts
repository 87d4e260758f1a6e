import { Client, credentials, type MethodDefinition } from "@grpc/grpc-js";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProviderMirror } from "../support/aws-provider/build-mirror";
import { readPluginProtocol, type PluginProtocol } from "../support/aws-provider/protocol";
import { createServerIdentity } from "../support/aws-provider/self-signed-cert";
import { servedProvider } from "../support/terraform-runner";

// The go-plugin contract, checked from the client side the way terraform
// checks it: the handshake line, mutual TLS pinned to both certificates,
// the health and controller services, and a prompt exit on Shutdown.

function findLauncher(dir: string): string {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.startsWith("terraform-provider-aws_v")) return join(entry.parentPath, entry.name);
  }
  throw new Error(`no provider launcher under ${dir}`);
}

const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString("base64")}\n-----END CERTIFICATE-----\n`;

describe("the stand-in as a go-plugin plugin", () => {
  const clientIdentity = createServerIdentity(); // terraform's AutoMTLS client certificate is made the same way
  let plugin: ChildProcessWithoutNullStreams;
  let protocol: PluginProtocol;
  let handshake: string[];
  let startMs: number;
  let client: Client;

  const call = <T>(method: MethodDefinition<object, T>, request: object) =>
    new Promise<T>((resolve, reject) =>
      client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, (error, response) =>
        error ? reject(error) : resolve(response!),
      ),
    );

  beforeAll(async () => {
    const { schemaPath, version } = servedProvider();
    const mirror = await ensureProviderMirror(schemaPath, version);
    protocol = readPluginProtocol(mirror.runtimeDir);
    const started = performance.now();
    plugin = spawn(findLauncher(mirror.mirrorDir), [], {
      env: {
        ...process.env,
        TF_PLUGIN_MAGIC_COOKIE: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
        PLUGIN_PROTOCOL_VERSIONS: "5,6",
        PLUGIN_CLIENT_CERT: clientIdentity.certificatePem,
      },
    });
    const line = await new Promise<string>((resolve) => plugin.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString("utf8"))));
    startMs = Math.round(performance.now() - started);
    handshake = line.trim().split("|");
    const serverCertificate = pem(Buffer.from(handshake[5], "base64"));
    client = new Client(
      `unix://${handshake[3]}`,
      credentials.createSsl(Buffer.from(serverCertificate), Buffer.from(clientIdentity.privateKeyPem), Buffer.from(clientIdentity.certificatePem)),
      { "grpc.ssl_target_name_override": "localhost", "grpc.default_authority": "localhost" },
    );
  }, 60_000);

  afterAll(() => {
    client?.close();
    if (plugin?.exitCode === null) plugin.kill();
  });

  it("prints go-plugin's handshake line with its certificate unpadded", () => {
    console.info(`plugin start to handshake line: ${startMs} ms`);
    expect(handshake.slice(0, 3)).toEqual(["1", "6", "unix"]);
    expect(handshake[4]).toBe("grpc");
    expect(handshake[5]).not.toMatch(/=$/);
    expect(new X509Certificate(Buffer.from(handshake[5], "base64")).checkHost("localhost")).toBe("localhost");
  });

  it("answers over mutual TLS: health and provider metadata", async () => {
    expect(await call(protocol.health.Check as MethodDefinition<object, { status: number }>, { service: "plugin" })).toEqual({ status: 1 });
    const metadata = await call(protocol.provider.GetMetadata as MethodDefinition<object, { resources: { type_name: string }[] }>, {});
    expect(metadata.resources.map((resource) => resource.type_name)).toContain("aws_ecs_service");
  });

  it("exits promptly when terraform calls Shutdown", async () => {
    const exited = new Promise<number | null>((resolve) => plugin.once("exit", (code) => resolve(code)));
    const started = performance.now();
    await call(protocol.controller.Shutdown as MethodDefinition<object, object>, {}).catch(() => undefined);
    expect(await exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
