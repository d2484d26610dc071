import "server-only";
import { createHash } from "node:crypto";
import { lstat, mkdir, open, readdir } from "node:fs/promises";
import path from "node:path";
import type { ManifestFile } from "../domain/manifest";
import { fsyncPath } from "./durable-file";

/**
 * Copies a live PostgreSQL data directory between pg_backup_start and pg_backup_stop, file
 * by file, hashing what it writes (docs/decisions/0039). Files change under the copy: that
 * is what the WAL from the backup's start replays over, so a torn page is fine and a file
 * that vanishes (a dropped table) is skipped, as pg_basebackup does.
 *
 * Left out, as PostgreSQL's documentation says ("Making a Base Backup Using the Low Level
 * API") and pg_basebackup does: the contents of the folders below (kept empty), the server's
 * pid and options files, temporary files, and relation cache files rebuilt at start.
 */
const EMPTY_DIRS = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const SKIP_TOP_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "backup_manifest",
  "current_logfiles.tmp",
  "postgresql.auto.conf.tmp",
]);
/** pg_wal's own folders, which a server starting on the copy expects. */
const WAL_SUBDIRS = ["archive_status", "summaries"];

/** Several files at a time: a data directory is mostly small files, where waiting on each
 * one's open, read and write dominates (in tests about twice as fast as one at a time).
 * Configuration, not law. */
const COPY_PARALLEL = 4;
const SYNC_PARALLEL = 8;
const WHOLE_FILE_BYTES = 8 * 1024 * 1024;

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const skipAnywhere = (name: string) => name.startsWith("pgsql_tmp") || name === "pg_internal.init";

export interface DataDirCopy {
  files: ManifestFile[];
  bytes: number;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** One file, hashed as it is copied; null when it vanished before it could be read. Small
 * files (most of a data directory) are read whole, large ones streamed. */
async function copyFile(from: string, to: string, rel: string): Promise<ManifestFile | null> {
  let input;
  try {
    input = await open(from, "r");
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const hash = createHash("sha256");
  let size = 0;
  const out = await open(to, "wx", 0o600);
  try {
    if ((await input.stat()).size <= WHOLE_FILE_BYTES) {
      const buf = await input.readFile();
      hash.update(buf);
      size = buf.length;
      await out.writeFile(buf);
    } else
      for await (const chunk of input.createReadStream({ autoClose: false, highWaterMark: 1 << 20 })) {
        const buf = chunk as Buffer;
        hash.update(buf);
        size += buf.length;
        await out.write(buf);
      }
  } finally {
    await out.close();
    await input.close();
  }
  return { path: rel, size, sha256: hash.digest("hex") };
}

/**
 * Copies `dataDir` into `target` (which must not exist yet) and returns every file copied
 * with its size and hash, paths relative to `target` with "/". The folders are made first,
 * then the files copied several at a time. A link (a tablespace in pg_tblspc) fails the
 * copy when its turn comes: its files live elsewhere and would be missing from the set.
 */
export async function copyDataDir(dataDir: string, target: string): Promise<DataDirCopy> {
  const found: { rel: string; link: boolean }[] = [];
  const dirs: string[] = [];

  async function walk(rel: string) {
    const to = path.join(target, rel);
    await mkdir(to, { mode: 0o700 });
    dirs.push(to);
    const top = rel === "";
    if (!top && EMPTY_DIRS.has(rel)) {
      if (rel === "pg_wal") for (const sub of WAL_SUBDIRS) await mkdir(path.join(to, sub), { mode: 0o700 });
      return;
    }
    let entries: string[];
    try {
      entries = (await readdir(path.join(dataDir, rel))).sort();
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const name of entries) {
      if (skipAnywhere(name) || (top && SKIP_TOP_FILES.has(name))) continue;
      const childRel = top ? name : `${rel}/${name}`;
      let info;
      try {
        info = await lstat(path.join(dataDir, childRel));
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      if (info.isDirectory()) await walk(childRel);
      else if (info.isSymbolicLink() || info.isFile()) found.push({ rel: childRel, link: info.isSymbolicLink() });
    }
  }

  await walk("");
  const copied: (ManifestFile | null)[] = new Array(found.length).fill(null);
  await inParallel(
    found.map((entry, i) => ({ entry, i })),
    COPY_PARALLEL,
    async ({ entry, i }) => {
      if (entry.link)
        throw new Error(
          `${entry.rel} is a link (a tablespace?): a base backup of Segel copies one data directory only`,
        );
      copied[i] = await copyFile(path.join(dataDir, entry.rel), path.join(target, entry.rel), entry.rel);
    },
  );
  const files = copied.filter((f): f is ManifestFile => f !== null);
  // every file, then each folder's entries, durable before the manifest names them: synced
  // together at the end, several at a time, the file system merges the flushes (in tests
  // about a third faster than a sync after each file)
  await inParallel(
    files.map((f) => path.join(target, f.path)),
    SYNC_PARALLEL,
    fsyncPath,
  );
  await inParallel(dirs.reverse(), SYNC_PARALLEL, fsyncPath);
  return { files, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}
