import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { objectStore } from "@/server/object-store";
import type { ManifestFile } from "../domain/manifest";
import { filesDir, storeObjectPath } from "../domain/layout";
import { replaceDurably, writeFileDurably } from "./durable-file";

/**
 * The file store's backup (docs/decisions/0039): every object is immutable and named by its
 * key, so it is copied once to files/<area>/<id> and never again.
 *
 * Each copy's SHA-256 is kept beside it in a sidecar `.<id>.sha256` (the hash of the bytes as
 * they were written), so a manifest can list thousands of objects without re-reading them
 * all every tick. A dot name is never a store key (storeObjectPath refuses ids starting
 * with "."), so whoever lists files/<area>/ skips dot files. The drill re-hashes the copies
 * against the manifest: a copy damaged after it was written is caught there, not here.
 */

/** The areas whose objects outlive a request: documents and logos (`objects`), sealed bid
 * files (`sealed`). Staging uploads are transient and not backed up; PDFs are generated on
 * request, never stored. */
export const DURABLE_AREAS = ["objects", "sealed"] as const;

/** A temporary copy left by a crash is removed once it is this old (configuration, not law). */
const STALE_TEMP_MS = 60 * 60 * 1000;

const sidecarPath = (copy: string) => path.join(path.dirname(copy), `.${path.basename(copy)}.sha256`);

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The copy's recorded hash; a missing or unreadable sidecar is rebuilt from the copy. */
async function recordedHash(copy: string): Promise<string> {
  const sidecar = sidecarPath(copy);
  const text = await readFile(sidecar, "utf8").catch(() => "");
  if (/^[0-9a-f]{64}$/.test(text.trim())) return text.trim();
  const sha256 = await hashFile(copy);
  await writeFileDurably(sidecar, sha256);
  return sha256;
}

/** Streams the object from the store into the copy, hashing what is written. */
async function copyFromStore(key: string, copy: string): Promise<ManifestFile> {
  const hash = createHash("sha256");
  let size = 0;
  await replaceDurably(copy, async (tmp) => {
    const handle = await open(tmp, "wx", 0o600);
    try {
      for await (const chunk of objectStore().get(key)) {
        const buf = chunk as Buffer;
        hash.update(buf);
        size += buf.length;
        await handle.write(buf);
      }
    } finally {
      await handle.close();
    }
  });
  const sha256 = hash.digest("hex");
  // the sidecar's rename fsyncs the folder, making the copy's rename durable too
  await writeFileDurably(sidecarPath(copy), sha256);
  return { path: key, size, sha256 };
}

/**
 * Copies one object (`<area>/<id>`) to the backup, durably (temp file in the same folder,
 * fsync, rename, fsync the folder), and returns its size and hash. Idempotent: a copy
 * already there with the source's size is kept without reading the source again; one of a
 * different size (a cut-off copy) is replaced. Two callers copying the same key at once
 * (a bid's acknowledgement and the worker's tick) each write their own temp file and the
 * last rename wins with the same bytes.
 */
export async function copyStoreObject(backupRoot: string, key: string): Promise<ManifestFile> {
  const copy = storeObjectPath(backupRoot, key);
  await mkdir(path.dirname(copy), { recursive: true });
  const [sourceSize, copySize] = await Promise.all([objectStore().size(key), sizeOf(copy)]);
  if (sourceSize === null) throw new Error(`store object ${key} is missing from the file store`);
  if (copySize === sourceSize) return { path: key, size: copySize, sha256: await recordedHash(copy) };
  return copyFromStore(key, copy);
}

/** The copies already under files/<area>/, by id, removing temp files a crash left behind. */
async function existingCopies(backupRoot: string, area: string, now: number): Promise<Set<string>> {
  const dir = path.join(filesDir(backupRoot), area);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const ids = new Set<string>();
  for (const name of names) {
    if (!name.startsWith(".")) ids.add(name);
    else if (name.startsWith(".tmp-")) {
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(path.join(dir, name), { force: true });
    }
  }
  return ids;
}

/**
 * Copies every object of the durable areas that has no copy yet (the worker's tick, and a
 * base backup before it writes its manifest). Returns what it copied and the full list of
 * copies (new and old, with their recorded hashes): a manifest's `storeObjects`.
 */
export async function copyNewStoreObjects(
  backupRoot: string,
  options: { areas?: readonly string[] } = {},
): Promise<{ copied: number; bytes: number; objects: ManifestFile[] }> {
  const areas = options.areas ?? DURABLE_AREAS;
  const now = Date.now();
  let copied = 0;
  let bytes = 0;
  const objects: ManifestFile[] = [];
  for (const area of areas) {
    const have = await existingCopies(backupRoot, area, now);
    const keys = (await objectStore().list(area)).sort();
    for (const key of keys) {
      const id = key.slice(area.length + 1);
      if (have.has(id)) {
        const copy = storeObjectPath(backupRoot, key);
        objects.push({ path: key, size: (await stat(copy)).size, sha256: await recordedHash(copy) });
        continue;
      }
      const file = await copyStoreObject(backupRoot, key);
      copied += 1;
      bytes += file.size;
      objects.push(file);
    }
  }
  return { copied, bytes, objects };
}
