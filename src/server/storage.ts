import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { AppError } from "./errors";
import { objectStore } from "./object-store";

export interface StoredFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  /** the first bytes, for checking the type by content */
  head: Buffer;
}

const HEAD_BYTES = 4100;
const objectKey = (storageKey: string) => `objects/${storageKey}`;

/** A request body or a Node stream, read as Node chunks. */
export function nodeReadable(body: ReadableStream<Uint8Array> | Readable): Readable {
  return body instanceof Readable
    ? body
    : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
}

/**
 * Streams a document to the object store while hashing it; resolves once it is stored
 * durably. Throws VALIDATION (fileTooLarge / fileEmpty) and leaves nothing behind: the
 * limit is checked chunk by chunk, before the store sees the chunk.
 */
export async function storeStream(body: ReadableStream<Uint8Array> | Readable, maxBytes: number): Promise<StoredFile> {
  const storageKey = randomUUID();
  const hash = createHash("sha256");
  const headChunks: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  async function* checked() {
    for await (const chunk of nodeReadable(body)) {
      const buf = Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > maxBytes)
        throw new AppError("VALIDATION", "fileTooLarge", { maxMb: Math.floor(maxBytes / 1_048_576) });
      if (headSize < HEAD_BYTES) {
        headChunks.push(buf.subarray(0, HEAD_BYTES - headSize));
        headSize += Math.min(buf.length, HEAD_BYTES - headSize);
      }
      hash.update(buf);
      yield buf;
    }
    if (size === 0) throw new AppError("VALIDATION", "fileEmpty");
  }
  await objectStore().put(objectKey(storageKey), checked());
  return { storageKey, sha256: hash.digest("hex"), sizeBytes: size, head: Buffer.concat(headChunks) };
}

export function openStored(storageKey: string): Readable {
  return objectStore().get(objectKey(storageKey));
}

export async function removeStored(storageKey: string): Promise<void> {
  await objectStore().remove(objectKey(storageKey));
}
