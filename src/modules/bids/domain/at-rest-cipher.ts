import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM with the instance's at-rest key, for the two secrets that must outlive one
 * request AFTER the bid deadline: a member's unlocked share (until k members approved)
 * and the opened tender key (for the evaluation). The `context` (e.g. which tender and
 * member) is the AAD, so a wrapped value copied onto another row does not unwrap there.
 * Layout: version(1) | iv(12) | tag(16) | ciphertext.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const AT_REST_KEY_BYTES = 32;

const aad = (context: string) => Buffer.concat([Buffer.of(VERSION), Buffer.from(context, "utf8")]);

export function wrapWithKey(key: Uint8Array, plain: Uint8Array, context: string): Buffer {
  if (key.length !== AT_REST_KEY_BYTES) throw new Error("at-rest key must be 32 bytes");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws when the value was altered, belongs to another context, or was wrapped with another key. */
export function unwrapWithKey(key: Uint8Array, wrapped: Uint8Array, context: string): Buffer {
  const buf = Buffer.from(wrapped);
  if (buf.length <= 1 + IV_BYTES + TAG_BYTES || buf[0] !== VERSION) throw new Error("malformed at-rest value");
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(aad(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** AAD contexts: one per kind of secret and row. */
export const shareContext = (tenderId: string, userId: string) => `segel/opening-share/v1:${tenderId}:${userId}`;
export const openedKeyContext = (tenderId: string) => `segel/opened-key/v1:${tenderId}`;
/** Two envelopes: the price key's shares and the price key kept after the price opening. */
export const priceShareContext = (tenderId: string, userId: string) => `segel/price-share/v1:${tenderId}:${userId}`;
export const priceKeyContext = (tenderId: string) => `segel/price-key/v1:${tenderId}`;
