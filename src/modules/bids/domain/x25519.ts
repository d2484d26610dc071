import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

/**
 * X25519 keys travel as raw 32 bytes (public keys as base64 text in the database).
 * Node imports raw X25519 keys only through DER, so the fixed PKCS#8 / SPKI headers of
 * RFC 8410 are put in front.
 */
const PKCS8_HEADER = Buffer.from("302e020100300506032b656e04220420", "hex");
const SPKI_HEADER = Buffer.from("302a300506032b656e032100", "hex");

export const X25519_KEY_BYTES = 32;

export function privateKeyObject(raw: Uint8Array): KeyObject {
  if (raw.length !== X25519_KEY_BYTES) throw new Error("X25519 private key must be 32 bytes");
  return createPrivateKey({ key: Buffer.concat([PKCS8_HEADER, raw]), format: "der", type: "pkcs8" });
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  if (raw.length !== X25519_KEY_BYTES) throw new Error("X25519 public key must be 32 bytes");
  return createPublicKey({ key: Buffer.concat([SPKI_HEADER, raw]), format: "der", type: "spki" });
}

const rawOf = (der: Buffer) => der.subarray(der.length - X25519_KEY_BYTES);

export function publicKeyOf(privateRaw: Uint8Array): Buffer {
  return rawOf(createPublicKey(privateKeyObject(privateRaw)).export({ format: "der", type: "spki" }));
}

export function generateX25519(): { privateKey: Buffer; publicKey: Buffer } {
  const pair = generateKeyPairSync("x25519");
  return {
    privateKey: rawOf(pair.privateKey.export({ format: "der", type: "pkcs8" })),
    publicKey: rawOf(pair.publicKey.export({ format: "der", type: "spki" })),
  };
}

/** A copy on its own ArrayBuffer: the shape Prisma's Bytes columns take. */
export const toBytes = (raw: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(raw);

export const encodeKey = (raw: Uint8Array) => Buffer.from(raw).toString("base64");

export function decodePublicKey(text: string): Buffer {
  const raw = Buffer.from(text, "base64");
  if (raw.length !== X25519_KEY_BYTES) throw new Error("not an X25519 public key");
  return raw;
}
