import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import * as der from "./der";

export interface ServerIdentity {
  certificatePem: string;
  certificateDer: Buffer;
  privateKeyPem: string;
}

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
};

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
}

function distinguishedName(): Buffer {
  const attribute = (oid: string, value: string) =>
    der.set(der.sequence(der.objectIdentifier(oid), der.utf8String(value)));
  return der.sequence(attribute(OID.organization, "lgtm-fargate test harness"), attribute(OID.commonName, "localhost"));
}

/**
 * A fresh EC P-256 certificate for "localhost", made the way go-plugin makes
 * its own AutoMTLS certificates: self-signed, usable as its own CA, for both
 * server and client auth. Terraform pins exactly this certificate, so it only
 * has to live as long as the process; the key never touches the disk.
 */
export function createServerIdentity(now = new Date()): ServerIdentity {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const signatureAlgorithm = der.sequence(der.objectIdentifier(OID.ecdsaWithSha256));
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + 30 * 24 * 3600_000);

  const tbsCertificate = der.sequence(
    der.contextTag(0, der.smallInteger(2), true), // X.509 v3
    der.unsignedInteger(randomBytes(16)),
    signatureAlgorithm,
    distinguishedName(),
    der.sequence(der.utcTime(notBefore), der.utcTime(notAfter)),
    distinguishedName(),
    publicKey.export({ type: "spki", format: "der" }),
    der.contextTag(
      3,
      der.sequence(
        extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
        // digitalSignature (0), keyEncipherment (2), keyCertSign (5)
        extension(OID.keyUsage, true, der.namedBits([0, 2, 5])),
        extension(OID.extKeyUsage, false, der.sequence(der.objectIdentifier(OID.serverAuth), der.objectIdentifier(OID.clientAuth))),
        // dNSName is [2] IMPLICIT IA5String
        extension(OID.subjectAltName, false, der.sequence(der.contextTag(2, Buffer.from("localhost", "ascii"), false))),
      ),
      true,
    ),
  );

  // crypto.sign yields the DER ECDSA-Sig-Value that X.509 expects.
  const signature = sign("sha256", tbsCertificate, privateKey);
  const certificateDer = der.sequence(tbsCertificate, signatureAlgorithm, der.bitString(signature));
  const base64Lines = certificateDer.toString("base64").match(/.{1,64}/g) ?? [];
  return {
    certificateDer,
    certificatePem: `-----BEGIN CERTIFICATE-----\n${base64Lines.join("\n")}\n-----END CERTIFICATE-----\n`,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
