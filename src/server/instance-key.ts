import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { loadKey } from "@/server/key-file";
import { keyFingerprint } from "@/modules/bids/domain";

/**
 * The instance's Ed25519 receipt-signing key lives in a PEM file OUTSIDE the database, so
 * a database dump or a restored backup cannot forge receipts. Created on first use with
 * mode 0600, except in cluster mode, where every instance reads the one shared file and
 * none makes its own (docs/decisions/0017). Back the file up separately: receipts stay
 * verifiable with the public key alone, but new receipts need the same key to keep one
 * fingerprint.
 */
export interface InstanceKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** raw 32-byte public key, base64 */
  publicKeyRaw: string;
  fingerprint: string;
}

function parse(pem: string, file: string): InstanceKey {
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

const newKeyPem = () => generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();

export function getInstanceKey(): Promise<InstanceKey> {
  return loadKey({ setting: "SEGEL_INSTANCE_KEY_FILE", make: newKeyPem, parse });
}
