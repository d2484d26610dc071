import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "./errors";

/** Where stored files live: SEGEL_FILE_STORE, or .data/files beside the database. */
export function storeRoot(): string {
  return process.env.SEGEL_FILE_STORE ?? path.join(process.cwd(), ".data", "files");
}

const objectPath = (key: string) => path.join(storeRoot(), "objects", key.slice(0, 2), key);

export interface StoredFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  /** the first bytes, for checking the type by content */
  head: Buffer;
}

const HEAD_BYTES = 4100;

/**
 * Streams a body to the store while hashing it. The file is written under a temporary
 * name, fsynced, then renamed: a cut-off upload never leaves a half file under a key.
 * Throws VALIDATION (fileTooLarge / fileEmpty) and leaves nothing behind.
 */
export async function storeStream(body: ReadableStream<Uint8Array> | Readable, maxBytes: number): Promise<StoredFile> {
  const key = randomUUID();
  const tmpDir = path.join(storeRoot(), "tmp");
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, key);
  const file = await open(tmp, "wx", 0o600);
  const hash = createHash("sha256");
  const headChunks: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  try {
    const source = body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
    for await (const chunk of source) {
      const buf = Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > maxBytes) throw new AppError("VALIDATION", "fileTooLarge", { maxMb: Math.floor(maxBytes / 1_048_576) });
      if (headSize < HEAD_BYTES) {
        headChunks.push(buf.subarray(0, HEAD_BYTES - headSize));
        headSize += Math.min(buf.length, HEAD_BYTES - headSize);
      }
      hash.update(buf);
      await file.write(buf);
    }
    if (size === 0) throw new AppError("VALIDATION", "fileEmpty");
    await file.sync();
    await file.close();
    const final = objectPath(key);
    await mkdir(path.dirname(final), { recursive: true });
    await rename(tmp, final);
    return { storageKey: key, sha256: hash.digest("hex"), sizeBytes: size, head: Buffer.concat(headChunks) };
  } catch (error) {
    await file.close().catch(() => {});
    await rm(tmp, { force: true });
    throw error;
  }
}

export function openStored(storageKey: string): Readable {
  return createReadStream(objectPath(storageKey));
}

export async function removeStored(storageKey: string): Promise<void> {
  await rm(objectPath(storageKey), { force: true });
}
