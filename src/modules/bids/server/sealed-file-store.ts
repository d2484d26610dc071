import "server-only";
import { createCipheriv, createHash, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { AppError } from "@/server/errors";
import { objectStore } from "@/server/object-store";
import { nodeReadable } from "@/server/storage";
import { fileCommitmentHash, paddedSize } from "../domain/file-seal";

/**
 * Bid files are encrypted while they stream in: plaintext exists only in memory, chunk by
 * chunk, and never reaches the store; only the salted commitment of the content is kept
 * (domain/file-seal.ts), and the ciphertext is padded to a 64 KiB multiple. The type is
 * judged from the first bytes BEFORE the first byte goes to the store. The object store
 * reports the file stored only once it is durable (fsync and rename on the local disk,
 * a completed PUT or multipart upload in S3), so a bid the vendor is told was saved
 * survives a crash, and a cut-off upload leaves nothing.
 */
const HEAD_BYTES = 64 * 1024;

/** The file store key of a sealed file (`sealed/<storageKey>`): what a backup copies. */
export const sealedKey = (storageKey: string) => `sealed/${storageKey}`;

export interface SealedFile {
  storageKey: string;
  /** the salted commitment to the content (never a plain hash of it) */
  commitment: string;
  ciphertextSha256: string;
  /** the content's exact size: sealed in the envelope, never stored in clear */
  sizeBytes: number;
  /** what is stored, padding included */
  storedBytes: number;
  authTag: Buffer;
  mime: string;
}

export interface SealOptions {
  fileKey: Buffer;
  iv: Buffer;
  salt: Buffer;
  maxBytes: number;
  tooLarge: () => AppError;
  /** the accepted MIME type judged from the head, or null to refuse */
  detectType: (head: Buffer) => Promise<string | null>;
}

export async function storeSealedStream(
  body: ReadableStream<Uint8Array> | Readable,
  options: SealOptions,
): Promise<SealedFile> {
  const commitment = fileCommitmentHash(options.salt);
  const cipherHash = createHash("sha256");
  const cipher = createCipheriv("aes-256-gcm", options.fileKey, options.iv);
  const storageKey = randomUUID();
  let head: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  let mime: string | null = null;

  const seal = (plain: Buffer) => {
    commitment.update(plain);
    const sealed = cipher.update(plain);
    cipherHash.update(sealed);
    return sealed;
  };
  // Judged once, on the first HEAD_BYTES (or the whole file if smaller); only then is anything stored.
  const judgeHead = async () => {
    const first = Buffer.concat(head);
    head = [];
    mime = await options.detectType(first);
    if (!mime) throw new AppError("VALIDATION", "fileTypeNotAllowed");
    return seal(first);
  };
  async function* ciphertext() {
    try {
      for await (const chunk of nodeReadable(body)) {
        const buf = Buffer.from(chunk as Uint8Array);
        size += buf.length;
        if (size > options.maxBytes) throw options.tooLarge();
        if (mime) {
          yield seal(buf);
          continue;
        }
        head.push(buf);
        headSize += buf.length;
        if (headSize >= HEAD_BYTES) yield await judgeHead();
      }
      if (size === 0) throw new AppError("VALIDATION", "fileEmpty");
      if (!mime) yield await judgeHead();
      const padding = cipher.update(Buffer.alloc(paddedSize(size) - size));
      const rest = Buffer.concat([padding, cipher.final()]);
      cipherHash.update(rest);
      yield rest;
    } finally {
      head = [];
    }
  }

  await objectStore().put(sealedKey(storageKey), ciphertext());
  return {
    storageKey,
    commitment: commitment.digest("hex"),
    ciphertextSha256: cipherHash.digest("hex"),
    sizeBytes: size,
    storedBytes: paddedSize(size),
    authTag: cipher.getAuthTag(),
    mime: mime!,
  };
}

/** The stored ciphertext, from whichever store the settings name: the read-back proof reads through here. */
export function readSealed(storageKey: string): Readable {
  return objectStore().get(sealedKey(storageKey));
}

export async function removeSealed(storageKey: string): Promise<void> {
  await objectStore().remove(sealedKey(storageKey));
}
