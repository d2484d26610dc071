import { createCipheriv, createDecipheriv, diffieHellman, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { generateX25519, privateKeyObject, publicKeyObject, publicKeyOf, X25519_KEY_BYTES } from "./x25519";

/**
 * An envelope seals a small secret (a file key, a price, a key share) to an X25519 public
 * key, ECIES style: a fresh ephemeral key pair, ECDH with the recipient, HKDF-SHA256 to an
 * AES-256-GCM key. Layout: version(1) | ephemeral public(32) | iv(12) | tag(16) | ciphertext.
 * Only the recipient's private key opens it; or, right after sealing, the ephemeral
 * private key, which is how the server proves an envelope opens without the recipient.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + X25519_KEY_BYTES + IV_BYTES + TAG_BYTES;
const INFO = Buffer.from("segel/envelope/v1");

export interface SealedEnvelope {
  envelope: Buffer;
  /** Keep in memory only: with it the sealer can re-open the envelope (see openAsSealer). */
  ephemeralPrivateKey: Buffer;
}

// Both public keys go into the HKDF salt, so an envelope is bound to its recipient.
function wrappingKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", shared, Buffer.concat([ephemeralPublic, recipientPublic]), INFO, 32));
}

export function sealKey(recipientPublic: Uint8Array, secret: Uint8Array): SealedEnvelope {
  const ephemeral = generateX25519();
  const shared = diffieHellman({
    privateKey: privateKeyObject(ephemeral.privateKey),
    publicKey: publicKeyObject(recipientPublic),
  });
  const key = wrappingKey(shared, ephemeral.publicKey, Buffer.from(recipientPublic));
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.of(VERSION));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  const envelope = Buffer.concat([Buffer.of(VERSION), ephemeral.publicKey, iv, cipher.getAuthTag(), ciphertext]);
  return { envelope, ephemeralPrivateKey: ephemeral.privateKey };
}

function parse(envelope: Uint8Array) {
  const buf = Buffer.from(envelope);
  if (buf.length <= HEADER_BYTES || buf[0] !== VERSION) throw new Error("malformed envelope");
  let at = 1;
  const take = (n: number) => buf.subarray(at, (at += n));
  return {
    ephemeralPublic: take(X25519_KEY_BYTES),
    iv: take(IV_BYTES),
    tag: take(TAG_BYTES),
    ciphertext: buf.subarray(at),
  };
}

function decrypt(key: Buffer, parts: ReturnType<typeof parse>): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, parts.iv);
  decipher.setAAD(Buffer.of(VERSION));
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
}

/** Opens an envelope with the recipient's private key; throws when it is not theirs or was altered. */
export function openKey(recipientPrivate: Uint8Array, envelope: Uint8Array): Buffer {
  const parts = parse(envelope);
  const shared = diffieHellman({
    privateKey: privateKeyObject(recipientPrivate),
    publicKey: publicKeyObject(parts.ephemeralPublic),
  });
  return decrypt(wrappingKey(shared, parts.ephemeralPublic, publicKeyOf(recipientPrivate)), parts);
}

/**
 * Re-opens an envelope from the sealer's side: ECDH(ephemeral private, recipient public)
 * is the same secret the recipient will compute. Success proves the stored envelope
 * carries this secret to that recipient, without the recipient's private key.
 */
export function openAsSealer(ephemeralPrivate: Uint8Array, recipientPublic: Uint8Array, envelope: Uint8Array): Buffer {
  const parts = parse(envelope);
  if (!timingSafeEqual(publicKeyOf(ephemeralPrivate), parts.ephemeralPublic))
    throw new Error("envelope was not sealed with this ephemeral key");
  const shared = diffieHellman({
    privateKey: privateKeyObject(ephemeralPrivate),
    publicKey: publicKeyObject(recipientPublic),
  });
  return decrypt(wrappingKey(shared, parts.ephemeralPublic, Buffer.from(recipientPublic)), parts);
}

/** True when the envelope opens (as sealer) to exactly `expected`. */
export function provesSealed(
  ephemeralPrivate: Uint8Array,
  recipientPublic: Uint8Array,
  envelope: Uint8Array,
  expected: Uint8Array,
): boolean {
  try {
    const opened = openAsSealer(ephemeralPrivate, recipientPublic, envelope);
    return opened.length === expected.length && timingSafeEqual(opened, Buffer.from(expected));
  } catch {
    return false;
  }
}
