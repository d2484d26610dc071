import "server-only";
import { createCipheriv, createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/server/errors";
import { storeRoot } from "@/server/storage";
import { fileCommitmentHash, paddedSize } from "../domain/file-seal";

/**
 * Bid files are encrypted while they stream in: plaintext exists only in memory, chunk by
 * chunk, and never touches the disk; only the salted commitment of the content is kept
 * (domain/file-seal.ts), and the ciphertext is padded to a 64 KiB multiple. The type is
 * judged from the first bytes BEFORE any file is created. The ciphertext goes to a temporary file that is fsynced and renamed,
 * and the directory is fsynced, so a bid the vendor is told was saved survives a crash,
 * and a cut-off upload leaves nothing.
 */
const HEAD_BYTES = 64 * 1024;

const sealedPath = (key: string) => path.join(storeRoot(), "sealed", key.slice(0, 2), key);

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

async function fsyncDir(dir: string) {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function storeSealedStream(body: ReadableStream<Uint8Array> | Readable, options: SealOptions): Promise<SealedFile> {
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  const commitment = fileCommitmentHash(options.salt);
  const cipherHash = createHash("sha256");
  const cipher = createCipheriv("aes-256-gcm", options.fileKey, options.iv);
  const key = randomUUID();
  const tmp = path.join(storeRoot(), "tmp", `sealed-${key}`);
  // held in an object so the closures below and the cleanup see the same handle
  const out: { file: FileHandle | null } = { file: null };
  let head: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  let mime: string | null = null;

  const writeSealed = async (plain: Buffer) => {
    commitment.update(plain);
    const sealed = cipher.update(plain);
    cipherHash.update(sealed);
    await out.file!.write(sealed);
  };
  // Judged once, on the first HEAD_BYTES (or the whole file if smaller); only then is a file opened.
  const judgeHead = async () => {
    const first = Buffer.concat(head);
    mime = await options.detectType(first);
    if (!mime) throw new AppError("VALIDATION", "fileTypeNotAllowed");
    await mkdir(path.dirname(tmp), { recursive: true });
    out.file = await open(tmp, "wx", 0o600);
    await writeSealed(first);
    head = [];
  };

  try {
    for await (const chunk of source) {
      const buf = Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > options.maxBytes) throw options.tooLarge();
      if (mime) {
        await writeSealed(buf);
        continue;
      }
      head.push(buf);
      headSize += buf.length;
      if (headSize >= HEAD_BYTES) await judgeHead();
    }
    if (size === 0) throw new AppError("VALIDATION", "fileEmpty");
    if (!mime) await judgeHead();
    const stored = paddedSize(size);
    const padding = cipher.update(Buffer.alloc(stored - size));
    const rest = Buffer.concat([padding, cipher.final()]);
    cipherHash.update(rest);
    const handle = out.file!;
    await handle.write(rest);
    await handle.sync();
    out.file = null;
    await handle.close();
    const final = sealedPath(key);
    await mkdir(path.dirname(final), { recursive: true });
    await rename(tmp, final);
    await fsyncDir(path.dirname(final));
    return { storageKey: key, commitment: commitment.digest("hex"), ciphertextSha256: cipherHash.digest("hex"), sizeBytes: size, storedBytes: stored, authTag: cipher.getAuthTag(), mime: mime! };
  } catch (error) {
    await out.file?.close().catch(() => {});
    await rm(tmp, { force: true });
    throw error;
  } finally {
    head = [];
  }
}

export function readSealed(storageKey: string): Readable {
  return createReadStream(sealedPath(storageKey));
}

export async function removeSealed(storageKey: string): Promise<void> {
  await rm(sealedPath(storageKey), { force: true });
}
