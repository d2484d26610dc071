// The file `npm run segel -- keys export` writes: the instance key and the at-rest key,
// encrypted together under an operator's passphrase (docs/decisions/0039). Kept apart from
// the backup sets, so a stolen backup alone opens nothing and forges no receipt.
//
//   { "format": "segel-keys", "version": 1,
//     "fingerprint": "sha256:...",            the instance key's public fingerprint, in clear
//     "kdf": { "name": "scrypt", "N": 131072, "r": 8, "p": 1, "salt": "<base64>" },
//     "cipher": { "name": "aes-256-gcm", "nonce": "<base64>", "tag": "<base64>" },
//     "ciphertext": "<base64>" }
//
// The clear header (everything but the ciphertext and the tag) is the GCM additional data:
// a changed fingerprint or weakened kdf parameters make the file fail to open.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  scryptSync,
} from "node:crypto";
import { keyFingerprint } from "../modules/bids/domain";

export const MIN_PASSPHRASE_LENGTH = 15;
/** scrypt cost: about half a second and 128 MiB on a server (configuration, not law) */
const DEFAULT_N = 2 ** 17;
const R = 8;
const P = 1;

export interface KeyFiles {
  /** the instance key file's bytes (PEM, Ed25519) */
  instanceKey: Buffer;
  /** the at-rest key file's bytes */
  atRestKey: Buffer;
}

export interface KeysBundle {
  format: "segel-keys";
  version: 1;
  fingerprint: string;
  kdf: { name: "scrypt"; N: number; r: number; p: number; salt: string };
  cipher: { name: "aes-256-gcm"; nonce: string; tag: string };
  ciphertext: string;
}

/** Wrong passphrase, or a file changed since it was written: GCM cannot tell them apart. */
export class KeysBundleError extends Error {}

/** The public key fingerprint of an instance key file (as receipts carry it). */
export function instanceKeyFingerprint(pem: Buffer): string {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new KeysBundleError("The instance key is not an Ed25519 key.");
  return keyFingerprint(createPublicKey(privateKey));
}

export function passphraseIssue(passphrase: string): string | null {
  return [...passphrase].length < MIN_PASSPHRASE_LENGTH
    ? `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`
    : null;
}

function deriveKey(passphrase: string, kdf: KeysBundle["kdf"]): Buffer {
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below that for N = 2^17
  return scryptSync(passphrase.normalize("NFC"), Buffer.from(kdf.salt, "base64"), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r,
  });
}

const header = (bundle: Omit<KeysBundle, "ciphertext" | "cipher"> & { cipher: { name: string; nonce: string } }) =>
  Buffer.from(
    JSON.stringify([
      bundle.format,
      bundle.version,
      bundle.fingerprint,
      bundle.kdf,
      bundle.cipher.name,
      bundle.cipher.nonce,
    ]),
  );

export function sealKeys(files: KeyFiles, passphrase: string, options: { N?: number } = {}): KeysBundle {
  const issue = passphraseIssue(passphrase);
  if (issue) throw new KeysBundleError(issue);
  const kdf = {
    name: "scrypt" as const,
    N: options.N ?? DEFAULT_N,
    r: R,
    p: P,
    salt: randomBytes(16).toString("base64"),
  };
  const nonce = randomBytes(12);
  const clear = {
    format: "segel-keys" as const,
    version: 1 as const,
    fingerprint: instanceKeyFingerprint(files.instanceKey),
    kdf,
  };
  const key = deriveKey(passphrase, kdf);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(header({ ...clear, cipher: { name: "aes-256-gcm", nonce: nonce.toString("base64") } }));
  const plaintext = Buffer.from(
    JSON.stringify({
      instanceKey: files.instanceKey.toString("base64"),
      atRestKey: files.atRestKey.toString("base64"),
    }),
  );
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  key.fill(0);
  return {
    ...clear,
    cipher: { name: "aes-256-gcm", nonce: nonce.toString("base64"), tag: cipher.getAuthTag().toString("base64") },
    ciphertext: ciphertext.toString("base64"),
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads a bundle's JSON, naming what is wrong with it. */
export function parseKeysBundle(text: string): KeysBundle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeysBundleError("This is not a Segel keys file (not JSON).");
  }
  const b = value as Partial<KeysBundle> | null;
  if (!b || b.format !== "segel-keys") throw new KeysBundleError("This is not a Segel keys file.");
  if (b.version !== 1) throw new KeysBundleError(`Keys file version ${String(b.version)} is not known here.`);
  const kdf = b.kdf;
  // bounds: a file can not make the import spend unbounded memory, nor be made trivially weak
  if (
    !kdf ||
    kdf.name !== "scrypt" ||
    !Number.isInteger(kdf.N) ||
    kdf.N < 2 ** 14 ||
    kdf.N > 2 ** 20 ||
    (kdf.N & (kdf.N - 1)) !== 0 ||
    kdf.r !== R ||
    kdf.p !== P ||
    typeof kdf.salt !== "string" ||
    !BASE64.test(kdf.salt)
  )
    throw new KeysBundleError("The keys file's key derivation parameters are not ones Segel writes.");
  const c = b.cipher;
  if (
    !c ||
    c.name !== "aes-256-gcm" ||
    ![c.nonce, c.tag, b.ciphertext].every((s) => typeof s === "string" && BASE64.test(s))
  )
    throw new KeysBundleError("The keys file's cipher fields are malformed.");
  if (typeof b.fingerprint !== "string" || !/^sha256:[0-9a-f]{64}$/.test(b.fingerprint))
    throw new KeysBundleError("The keys file's fingerprint is malformed.");
  return b as KeysBundle;
}

/** Decrypts; a wrong passphrase or any change to the file is one KeysBundleError. */
export function openKeys(bundle: KeysBundle, passphrase: string): KeyFiles {
  const key = deriveKey(passphrase, bundle.kdf);
  // the full 16-byte tag only: a shortened one would be far easier to forge
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(bundle.cipher.nonce, "base64"), {
    authTagLength: 16,
  });
  decipher.setAAD(header(bundle));
  let plaintext: Buffer;
  try {
    decipher.setAuthTag(Buffer.from(bundle.cipher.tag, "base64"));
    plaintext = Buffer.concat([decipher.update(Buffer.from(bundle.ciphertext, "base64")), decipher.final()]);
  } catch {
    throw new KeysBundleError("The passphrase does not open this keys file (or the file was changed since export).");
  } finally {
    key.fill(0);
  }
  const inner = JSON.parse(plaintext.toString("utf8")) as { instanceKey: string; atRestKey: string };
  plaintext.fill(0);
  const files = {
    instanceKey: Buffer.from(inner.instanceKey, "base64"),
    atRestKey: Buffer.from(inner.atRestKey, "base64"),
  };
  if (instanceKeyFingerprint(files.instanceKey) !== bundle.fingerprint)
    throw new KeysBundleError("The instance key inside does not match the file's fingerprint.");
  return files;
}
