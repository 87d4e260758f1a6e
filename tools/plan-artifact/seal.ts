import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

/**
 * A plan file holds every value of the plan and of the prior state, sensitive ones included, in
 * clear; so does its JSON. Artifacts are readable by anyone who can read the repository, so plan
 * files leave the job only sealed: AES-256-GCM under a key derived (scrypt) from a repository
 * secret, which also proves at apply time that the file was not altered.
 */
const MAGIC = Buffer.from("lgtm-plan-sealed-v1\n");
const SALT = 16;
const IV = 12;
const TAG = 16;

/** Short secrets can be guessed offline from an artifact; `openssl rand -base64 32` gives 44 characters. */
export const MIN_SECRET_LENGTH = 32;

function keyFor(secret: string, salt: Buffer): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the plan artifact secret must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`);
  }
  return scryptSync(secret, salt, 32);
}

export function seal(plain: Buffer, secret: string): Buffer {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret, salt), iv);
  cipher.setAAD(MAGIC);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), encrypted]);
}

export function unseal(sealed: Buffer, secret: string): Buffer {
  if (!sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not a sealed plan file");
  let offset = MAGIC.length;
  const take = (length: number) => sealed.subarray(offset, (offset += length));
  const salt = take(SALT);
  const iv = take(IV);
  const tag = take(TAG);
  const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, salt), iv);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(offset)), decipher.final()]);
  } catch {
    throw new Error("the sealed plan file was altered, or sealed with another secret");
  }
}
