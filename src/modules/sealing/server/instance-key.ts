import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import path from "node:path";
import { readOrCreateKeyFile } from "@/server/key-file";
import { keyFingerprint } from "@/modules/bids/domain/verify-receipt";

/**
 * The instance's Ed25519 receipt-signing key lives in a PEM file OUTSIDE the database, so
 * a database dump or a restored backup cannot forge receipts. Created on first use with
 * mode 0600. Back the file up separately: receipts stay verifiable with the public key
 * alone, but new receipts need the same key to keep one fingerprint.
 */
export interface InstanceKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** raw 32-byte public key, base64 */
  publicKeyRaw: string;
  fingerprint: string;
}

export function instanceKeyPath(): string {
  return process.env.SEGEL_INSTANCE_KEY_FILE ?? path.join(process.cwd(), ".data", "instance-ed25519.pem");
}

const loaded = new Map<string, Promise<InstanceKey>>();

async function load(file: string): Promise<InstanceKey> {
  const pem = await readOrCreateKeyFile(file, () => generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString());
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${file} does not hold an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    publicKeyRaw: Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url").toString("base64"),
    fingerprint: keyFingerprint(publicKey),
  };
}

export function getInstanceKey(): Promise<InstanceKey> {
  const file = instanceKeyPath();
  let key = loaded.get(file);
  if (!key) {
    key = load(file);
    key.catch(() => loaded.delete(file));
    loaded.set(file, key);
  }
  return key;
}
