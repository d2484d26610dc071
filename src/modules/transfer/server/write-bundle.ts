import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { Header } from "tar";
import { objectStore } from "@/server/object-store";
import { DATA_ENTRY, FILES_PREFIX, MANIFEST_ENTRY, SIGNATURE_ENTRY } from "../domain/bundle-format";
import type { BundleObject } from "./collect-tender-rows";

/** Where the stored objects are read from: the live file store, or a backup's copy of it. */
export interface ObjectSource {
  /** bytes stored, or null when there is no such object */
  size(key: string): Promise<number | null>;
  open(key: string): Readable;
}

export function storeSource(): ObjectSource {
  const store = objectStore();
  return { size: (key) => store.size(key), open: (key) => store.get(key) };
}

/**
 * A backup's copy of the file store (src/modules/backup/domain/layout.ts): `<root>/files/<area>/<id>`.
 * `dir` is that files folder, or the backup root holding it.
 */
export function backupFilesSource(dir: string): ObjectSource {
  const nested = path.join(dir, "files");
  const root = existsSync(nested) && statSync(nested).isDirectory() ? nested : dir;
  const fileOf = (key: string) => {
    const [area, id, ...rest] = key.split("/");
    if (!area || !id || rest.length > 0 || area.startsWith(".") || id.startsWith("."))
      throw new Error(`not a store key: ${key}`);
    return path.join(root, area, id);
  };
  return {
    size: async (key) => {
      const info = await stat(fileOf(key)).catch(() => null);
      return info?.isFile() ? info.size : null;
    },
    open: (key) => createReadStream(fileOf(key)),
  };
}

const BLOCK = 512;
const EPOCH = new Date(0);

function header(entryPath: string, size: number, mtime: Date): Buffer {
  const h = new Header({
    path: entryPath,
    mode: 0o644,
    size,
    mtime,
    type: "File",
    uid: 0,
    gid: 0,
    uname: "",
    gname: "",
  });
  h.encode();
  return h.block!;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

export interface BundleParts {
  manifest: Buffer;
  signature: Buffer;
  data: Buffer;
  objects: readonly BundleObject[];
  exportedAt: Date;
}

/**
 * The bundle as a stream of chunks: an uncompressed POSIX tar with manifest.json,
 * manifest.sig, data.json, then files/<sha256> per object, in the manifest's order. The
 * manifest is signed before the files stream, so each file's SHA-256 comes from its row and
 * is checked here while it streams: a stored object that no longer matches its row fails the
 * bundle (the caller discards what was written) instead of shipping bytes the manifest
 * does not vouch for. One chunk of one file is in memory at a time, whatever the file's size.
 */
export async function* bundleChunks(parts: BundleParts, source: ObjectSource): AsyncGenerator<Buffer> {
  for (const [name, bytes] of [
    [MANIFEST_ENTRY, parts.manifest],
    [SIGNATURE_ENTRY, parts.signature],
    [DATA_ENTRY, parts.data],
  ] as const) {
    yield header(name, bytes.length, parts.exportedAt);
    yield bytes;
    yield padding(bytes.length);
  }
  const written = new Set<string>();
  for (const object of parts.objects) {
    if (written.has(object.sha256)) continue; // the same bytes stored twice travel once
    written.add(object.sha256);
    yield header(`${FILES_PREFIX}${object.sha256}`, object.size, EPOCH);
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of source.open(object.storageKey)) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > object.size) break;
      hash.update(bytes);
      yield bytes;
    }
    const sha256 = hash.digest("hex");
    if (size !== object.size || sha256 !== object.sha256)
      throw new Error(
        `stored object ${object.storageKey} changed while it was exported (size ${size}, expected ${object.size}; SHA-256 ${sha256.slice(0, 12)}…, expected ${object.sha256.slice(0, 12)}…)`,
      );
    yield padding(object.size);
  }
  yield Buffer.alloc(BLOCK * 2); // end of archive
}
