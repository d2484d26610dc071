import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { filesDir } from "../domain/layout";
import type { ManifestFile } from "../domain/manifest";

/**
 * Puts the backed-up file-store objects (files/<area>/<id>) back into a LOCAL store folder,
 * in its layout (<store>/<area>/<first two of id>/<id>, src/server/object-store-local.ts).
 * Only adds what is missing: an object is immutable and named by key, so one already in
 * the store is the same object. Each copy is hashed on the way and checked against the
 * set's manifest, or for an object copied after the set against the hash recorded beside
 * the copy (store-copy.ts); a copy that differs is not put back and is named.
 */
export interface FileStoreRestore {
  restored: number;
  alreadyThere: number;
  bytes: number;
  /** plain words, one per object not put back */
  problems: string[];
}

const localPath = (storeRoot: string, area: string, id: string) => path.join(storeRoot, area, id.slice(0, 2), id);

async function expectedHash(copy: string, key: string, listed: Map<string, ManifestFile>): Promise<string | null> {
  const inManifest = listed.get(key);
  if (inManifest) return inManifest.sha256;
  const sidecar = path.join(path.dirname(copy), `.${path.basename(copy)}.sha256`);
  const text = (await readFile(sidecar, "utf8").catch(() => "")).trim();
  return /^[0-9a-f]{64}$/.test(text) ? text : null;
}

async function fsyncDir(dir: string) {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies `from` to a temp file in the store's tmp folder, fsynced; the caller renames it into place once its hash is right. */
async function copyToTemp(from: string, storeRoot: string): Promise<{ sha256: string; size: number; tmp: string }> {
  const tmp = path.join(storeRoot, "tmp", randomUUID());
  await mkdir(path.dirname(tmp), { recursive: true });
  const hash = createHash("sha256");
  let size = 0;
  const out = await open(tmp, "wx", 0o600);
  try {
    for await (const chunk of createReadStream(from)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      await out.write(chunk as Buffer);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return { sha256: hash.digest("hex"), size, tmp };
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
  const areas = await readdir(root).catch(() => [] as string[]);
  for (const area of areas.filter((a) => !a.startsWith(".")).sort()) {
    for (const id of (await readdir(path.join(root, area))).filter((n) => !n.startsWith(".")).sort()) {
      const key = `${area}/${id}`;
      const target = localPath(options.storeRoot, area, id);
      if (await stat(target).catch(() => null)) {
        result.alreadyThere += 1;
        continue;
      }
      const copy = path.join(root, area, id);
      const want = await expectedHash(copy, key, listed);
      const got = await copyToTemp(copy, options.storeRoot);
      if (want !== null && got.sha256 !== want) {
        await rm(got.tmp, { force: true });
        result.problems.push(`file ${key}: sha256 differs from the backup's record; not restored`);
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(got.tmp, target);
      await fsyncDir(path.dirname(target));
      result.restored += 1;
      result.bytes += got.size;
    }
  }
  // every object the set lists must now be in the store
  for (const key of listed.keys()) {
    const [area, id] = key.split("/") as [string, string];
    if (!(await stat(localPath(options.storeRoot, area, id)).catch(() => null)))
      if (!result.problems.some((p) => p.startsWith(`file ${key}:`)))
        result.problems.push(`file ${key}: in the set's manifest but not in the backup's files/`);
  }
  return result;
}
