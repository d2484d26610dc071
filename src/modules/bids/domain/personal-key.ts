import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { hashRaw, type Options } from "@node-rs/argon2";
import { encodeKey, generateX25519, publicKeyOf, toBytes } from "./x25519";

/**
 * A Pokja member's personal opening key: X25519, the private half encrypted with
 * AES-256-GCM under a key derived by argon2id from a passphrase only the member knows.
 * The server stores the ciphertext and forgets the passphrase, so the database alone
 * never yields the key.
 */
// OWASP Password Storage Cheat Sheet, first argon2id setting (m = 19 MiB, t = 2, p = 1);
// algorithm 2 is Argon2id (an ambient const enum that isolated modules cannot read).
const KDF: Options = {
  algorithm: 2 as Options["algorithm"],
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};
export const MIN_PASSPHRASE_LENGTH = 12;

export interface EncryptedPersonalKey {
  publicKey: string;
  encryptedPrivateKey: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  authTag: Uint8Array<ArrayBuffer>;
}

type StoredPersonalKey = { [K in keyof EncryptedPersonalKey]: K extends "publicKey" ? string : Uint8Array };

async function passphraseKey(passphrase: string, salt: Uint8Array): Promise<Buffer> {
  return hashRaw(passphrase.normalize("NFC"), { ...KDF, salt });
}

/** Encrypts `privateKey` (raw X25519) under the passphrase; the public key is the AAD. */
export async function encryptPersonalKey(privateKey: Buffer, passphrase: string): Promise<EncryptedPersonalKey> {
  const publicKey = encodeKey(publicKeyOf(privateKey));
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await passphraseKey(passphrase, salt), iv);
  // Binding the public key means a swapped public key in the row fails to unlock.
  cipher.setAAD(Buffer.from(publicKey));
  const encryptedPrivateKey = Buffer.concat([cipher.update(privateKey), cipher.final()]);
  return {
    publicKey,
    encryptedPrivateKey: toBytes(encryptedPrivateKey),
    salt: toBytes(salt),
    iv: toBytes(iv),
    authTag: toBytes(cipher.getAuthTag()),
  };
}

export async function createPersonalKey(passphrase: string): Promise<EncryptedPersonalKey> {
  const pair = generateX25519();
  try {
    return await encryptPersonalKey(pair.privateKey, passphrase);
  } finally {
    pair.privateKey.fill(0);
  }
}

/** The raw private key, or null when the passphrase is wrong (or the row was altered). */
export async function unlockPersonalKey(stored: StoredPersonalKey, passphrase: string): Promise<Buffer | null> {
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      await passphraseKey(passphrase, Buffer.from(stored.salt)),
      Buffer.from(stored.iv),
    );
    decipher.setAAD(Buffer.from(stored.publicKey));
    decipher.setAuthTag(Buffer.from(stored.authTag));
    return Buffer.concat([decipher.update(Buffer.from(stored.encryptedPrivateKey)), decipher.final()]);
  } catch {
    return null;
  }
}
