import { createHash, timingSafeEqual, type Hash } from "node:crypto";

/**
 * A sealed bid file commits to its content the way the price does: with a random 256-bit
 * salt that is sealed, with the file key, the original name and the exact size, inside
 * the envelope to the tender's opening key. The receipt, the BidFile row and the audit
 * trail carry only the commitment, so a database dump before the opening confirms no
 * guess about the content (a templated price letter, say); after the opening the salt is
 * published and anyone can recompute it:
 *
 *   commitment = hex SHA-256( "segel/bid-file/v2" 0x00 || salt (32 bytes) || content )
 *
 * Pure and dependency-free, like verify-receipt.ts, so it can be checked offline.
 */
export const FILE_COMMITMENT_DOMAIN = Buffer.from("segel/bid-file/v2\0", "latin1");
export const FILE_SALT_BYTES = 32;

/** A running commitment: feed it the content, then digest("hex"). */
export function fileCommitmentHash(salt: Uint8Array): Hash {
  if (salt.length !== FILE_SALT_BYTES) throw new Error("file salt must be 32 bytes");
  return createHash("sha256").update(FILE_COMMITMENT_DOMAIN).update(salt);
}

export const fileCommitmentOf = (salt: Uint8Array, content: Uint8Array) =>
  fileCommitmentHash(salt).update(content).digest("hex");

export const sameCommitment = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The stored ciphertext is padded with zeros to a multiple of 64 KiB, so its length tells
 * a reader the size only to within 64 KiB (configuration, not law: a page of a price
 * letter and its variants all fall in the first bucket). The exact size is sealed.
 */
export const PAD_BLOCK_BYTES = 64 * 1024;
export const paddedSize = (sizeBytes: number) => Math.max(1, Math.ceil(sizeBytes / PAD_BLOCK_BYTES)) * PAD_BLOCK_BYTES;

/** What the file's envelope holds. v1 files (before salted commitments) sealed the key alone. */
export interface FileSecret {
  fileKey: Buffer;
  /** null for a v1 file, whose commitment is the plain SHA-256 of its content */
  salt: Buffer | null;
  fileName: string | null;
  sizeBytes: number | null;
}

// Fixed length, so the envelope's size does not tell the length of the file name.
const SECRET_BYTES = 1024;
const MAX_NAME_CHARS = 255;

export function encodeFileSecret(secret: {
  fileKey: Buffer;
  salt: Buffer;
  fileName: string;
  sizeBytes: number;
}): Buffer {
  const json = JSON.stringify({
    v: 2,
    key: secret.fileKey.toString("base64"),
    salt: secret.salt.toString("hex"),
    name: secret.fileName.slice(0, MAX_NAME_CHARS),
    size: secret.sizeBytes,
  });
  const bytes = Buffer.from(json, "utf8");
  if (bytes.length > SECRET_BYTES) throw new Error("file secret too long");
  return Buffer.concat([bytes, Buffer.alloc(SECRET_BYTES - bytes.length, 0x20)]);
}

/** Reads an opened envelope; throws on anything that is not a well-formed secret. */
export function decodeFileSecret(bytes: Buffer): FileSecret {
  if (bytes.length === 32) return { fileKey: Buffer.from(bytes), salt: null, fileName: null, sizeBytes: null };
  const parsed = JSON.parse(bytes.toString("utf8")) as {
    v?: unknown;
    key?: unknown;
    salt?: unknown;
    name?: unknown;
    size?: unknown;
  };
  const fileKey = typeof parsed.key === "string" ? Buffer.from(parsed.key, "base64") : Buffer.alloc(0);
  const salt =
    typeof parsed.salt === "string" && /^[0-9a-f]{64}$/.test(parsed.salt) ? Buffer.from(parsed.salt, "hex") : null;
  const size = parsed.size;
  if (
    parsed.v !== 2 ||
    fileKey.length !== 32 ||
    !salt ||
    typeof parsed.name !== "string" ||
    !Number.isSafeInteger(size) ||
    (size as number) <= 0
  ) {
    throw new Error("malformed file secret");
  }
  return { fileKey, salt, fileName: parsed.name, sizeBytes: size as number };
}

/** The commitment of a file as the opening reads it: salted (v2) or the plain SHA-256 (v1). */
export function commitmentHash(secret: Pick<FileSecret, "salt">): Hash {
  return secret.salt ? fileCommitmentHash(secret.salt) : createHash("sha256");
}
