import "server-only";
import { createReadStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { localObjectStore } from "@/server/object-store-local";
import { filesDir } from "../domain/layout";
import type { ManifestFile } from "../domain/manifest";
import { sha256Of } from "./verify-files";

/**
 * Puts the backed-up file-store objects (files/<area>/<id>) back into a LOCAL store folder,
 * in its layout (<store>/<area>/<first two of id>/<id>, src/server/object-store-local.ts).
 * Only adds what is missing: an object is immutable and named by key, so one already in
 * the store is the same object. Each copy is hashed first and checked against the set's
 * manifest, or for an object copied after the set against the hash recorded beside the
 * copy (store-copy.ts); a copy that differs is not put back and is named. A good one is
 * written by the local store's own put (temp name, fsync, rename).
 */
export interface FileStoreRestore {
  restored: number;
  alreadyThere: number;
  bytes: number;
  /** plain words, one per object not put back */
  problems: string[];
}

async function expectedHash(copy: string, key: string, listed: Map<string, ManifestFile>): Promise<string | null> {
  const inManifest = listed.get(key);
  if (inManifest) return inManifest.sha256;
  const sidecar = path.join(path.dirname(copy), `.${path.basename(copy)}.sha256`);
  const text = (await readFile(sidecar, "utf8").catch(() => "")).trim();
  return /^[0-9a-f]{64}$/.test(text) ? text : null;
}

export async function restoreFileStore(options: {
  backupRoot: string;
  storeRoot: string;
  /** the set's storeObjects, when restoring a set */
  storeObjects?: ManifestFile[];
}): Promise<FileStoreRestore> {
  const listed = new Map((options.storeObjects ?? []).map((f) => [f.path, f]));
  const result: FileStoreRestore = { restored: 0, alreadyThere: 0, bytes: 0, problems: [] };
  const root = filesDir(options.backupRoot);
  const store = localObjectStore(options.storeRoot);
  const areas = await readdir(root).catch(() => [] as string[]);
  for (const area of areas.filter((a) => !a.startsWith(".")).sort()) {
    for (const id of (await readdir(path.join(root, area))).filter((n) => !n.startsWith(".")).sort()) {
      const key = `${area}/${id}`;
      if ((await store.size(key)) !== null) {
        result.alreadyThere += 1;
        continue;
      }
      const copy = path.join(root, area, id);
      const want = await expectedHash(copy, key, listed);
      const got = await sha256Of(copy);
      if (want !== null && got.sha256 !== want) {
        result.problems.push(`file ${key}: sha256 differs from the backup's record; not restored`);
        continue;
      }
      // the store's own durable write: a temp name, fsync, rename, the folder fsynced
      await store.put(key, createReadStream(copy));
      result.restored += 1;
      result.bytes += got.size;
    }
  }
  // every object the set lists must now be in the store
  for (const key of listed.keys()) {
    if ((await store.size(key)) === null)
      if (!result.problems.some((p) => p.startsWith(`file ${key}:`)))
        result.problems.push(`file ${key}: in the set's manifest but not in the backup's files/`);
  }
  return result;
}
