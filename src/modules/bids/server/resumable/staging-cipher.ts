import "server-only";
import { createCipheriv, createHash, timingSafeEqual } from "node:crypto";
import { Transform } from "node:stream";
import { AppError } from "@/server/errors";
import { STAGING_KEY_BYTES } from "../../upload-protocol";

/**
 * The cipher of staged upload chunks (docs/decisions/0019). AES-256-CTR keyed by the
 * browser's per-upload staging key, with the counter taken from the chunk's byte offset,
 * so a chunk resumed at any offset lines up with what is already staged, and reading the
 * staged object from offset 0 through the same cipher gives the plaintext back. The key
 * is unique to one upload, and a byte position always carries the same byte of the same
 * file, so no keystream ever covers two different plaintexts.
 */
const BLOCK = 16;

export function parseStagingKey(value: string | null): Buffer {
  const key = value && /^[A-Za-z0-9_-]{43}$/.test(value) ? Buffer.from(value, "base64url") : null;
  if (!key || key.length !== STAGING_KEY_BYTES) throw new AppError("VALIDATION", "uploadStagingKey");
  return key;
}

/** The browser's SHA-256 of the whole file (32 bytes, base64url). */
export function parseContentHash(value: string | null): Buffer {
  const hash = value && /^[A-Za-z0-9_-]{43}$/.test(value) ? Buffer.from(value, "base64url") : null;
  if (!hash || hash.length !== 32) throw new AppError("VALIDATION", "uploadContentHash");
  return hash;
}

/**
 * Passes the bytes through and fails at the end, before the consumer sees the stream end,
 * unless they hash to `expected`: uploadBidFile then seals nothing.
 */
export function verifyingHash(expected: Buffer): Transform {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const ok = timingSafeEqual(hash.digest(), expected);
      done(ok ? null : new AppError("VALIDATION", "uploadCorrupted"));
    },
  });
}

/** What the staging area keeps to recognise the key: a one-way check value, never the key. */
export function stagingKeyCheck(key: Buffer): string {
  return createHash("sha256").update("segel/staging-key/v1\0").update(key).digest("hex");
}

export function matchesKeyCheck(key: Buffer, check: string | null | undefined): boolean {
  const expected = Buffer.from(check ?? "", "hex");
  const actual = Buffer.from(stagingKeyCheck(key), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A stream transform that en- or decrypts (CTR is symmetric) bytes starting at `offset`. */
export function stagingCipherAt(key: Buffer, offset: number): Transform {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new AppError("VALIDATION", "uploadOffsetInvalid");
  const counter = Buffer.alloc(BLOCK);
  counter.writeBigUInt64BE(BigInt(Math.floor(offset / BLOCK)), 8);
  const cipher = createCipheriv("aes-256-ctr", key, counter);
  // Skip into the block: the keystream bytes before `offset` are spent on nothing.
  cipher.update(Buffer.alloc(offset % BLOCK));
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, cipher.update(chunk));
    },
    flush(done) {
      done(null, cipher.final());
    },
  });
}
