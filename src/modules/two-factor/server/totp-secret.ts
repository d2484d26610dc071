import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getInstanceSubkey } from "@/server/instance-subkey";

// A key of its own, derived from the instance key that lives outside the database
// (src/server/instance-subkey.ts): a database dump alone cannot make a single code.
const KEY_INFO = "segel totp secret v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM of the Base32 secret, stored as nonce | ciphertext | tag. The user's id is the
 * associated data, so a ciphertext copied into another user's row does not decrypt: an insider
 * who can write the table cannot give a victim the secret of an authenticator they hold.
 */
export async function sealTotpSecret(userId: string, secret: string): Promise<Uint8Array<ArrayBuffer>> {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", await getInstanceSubkey(KEY_INFO), nonce);
  cipher.setAAD(Buffer.from(userId.toLowerCase()));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()]));
}

/** The Base32 secret, or null when the stored bytes do not decrypt for this user. */
export async function openTotpSecret(userId: string, sealed: Uint8Array): Promise<string | null> {
  const bytes = Buffer.from(sealed);
  if (bytes.length <= NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", await getInstanceSubkey(KEY_INFO), bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(userId.toLowerCase()));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const body = bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
