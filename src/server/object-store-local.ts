import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { ObjectStore } from "./object-store";

/** `sealed/<id>` lives at <root>/sealed/<first two of id>/<id>, as it always has. */
function filePath(root: string, key: string): string {
  const [area, id, ...rest] = key.split("/");
  if (!area || !id || rest.length > 0 || id.startsWith(".")) throw new Error(`not a store key: ${key}`);
  return path.join(root, area, id.slice(0, 2), id);
}

async function fsyncDir(dir: string) {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Files on this machine's disk. A file is written under a temporary name, fsynced,
 * renamed, and its directory fsynced: a file reported stored survives a crash, and a
 * cut-off body leaves nothing. The temporary file is opened at the first chunk, so a
 * body refused before its first byte (a sealed file of the wrong type) creates no file.
 */
export function localObjectStore(root: string): ObjectStore {
  return {
    async put(key, body) {
      const final = filePath(root, key);
      const tmp = path.join(root, "tmp", randomUUID());
      const out: { file: FileHandle | null } = { file: null };
      const openTmp = async () => {
        await mkdir(path.dirname(tmp), { recursive: true });
        return open(tmp, "wx", 0o600);
      };
      try {
        for await (const chunk of body) {
          out.file ??= await openTmp();
          await out.file.write(chunk);
        }
        const handle = out.file ?? (await openTmp());
        out.file = null;
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await mkdir(path.dirname(final), { recursive: true });
        await rename(tmp, final);
        await fsyncDir(path.dirname(final));
      } catch (error) {
        await out.file?.close().catch(() => {});
        await rm(tmp, { force: true });
        throw error;
      }
    },
    get: (key) => createReadStream(filePath(root, key)),
    remove: (key) => rm(filePath(root, key), { force: true }),
    async size(key) {
      try {
        return (await stat(filePath(root, key))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async list(area) {
      if (!/^[a-z][a-z-]*$/.test(area)) throw new Error(`not a store area: ${area}`);
      const dir = path.join(root, area);
      // an area nothing was ever stored in has no folder
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") return [];
          throw error;
        },
      );
      return entries.filter((entry) => entry.isFile()).map((entry) => `${area}/${entry.name}`);
    },
  };
}

/**
 * The health check's look (src/server/object-store.ts `checkObjectStore`): writes and
 * removes one byte where `put` makes its temporary files, so a read-only or full disk, or a
 * root that cannot be made, fails here as a put would. Throws when the store cannot write.
 */
export async function checkLocalStore(root: string): Promise<void> {
  const probe = path.join(root, "tmp", `health-${randomUUID()}`);
  await mkdir(path.dirname(probe), { recursive: true });
  try {
    await writeFile(probe, "1", { flag: "wx", mode: 0o600 });
  } finally {
    await rm(probe, { force: true });
  }
}
