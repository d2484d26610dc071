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

const skipAnywhere = (name: string) => name.startsWith("pgsql_tmp") || name === "pg_internal.init";

export interface DataDirCopy {
  files: ManifestFile[];
  bytes: number;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** One file, streamed and hashed; null when it vanished before it could be opened. */
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
    for await (const chunk of input.createReadStream({ autoClose: false, highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      size += buf.length;
      await out.write(buf);
    }
    await out.sync();
  } finally {
    await out.close();
    await input.close();
  }
  return { path: rel, size, sha256: hash.digest("hex") };
}

/**
 * Copies `dataDir` into `target` (which must not exist yet) and returns every file copied
 * with its size and hash, paths relative to `target` with "/". A tablespace (a link in
 * pg_tblspc) is refused: its files live elsewhere and would be missing from the set.
 */
export async function copyDataDir(dataDir: string, target: string): Promise<DataDirCopy> {
  const files: ManifestFile[] = [];
  let bytes = 0;
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
      const from = path.join(dataDir, childRel);
      let info;
      try {
        info = await lstat(from);
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      if (info.isDirectory()) await walk(childRel);
      else if (info.isSymbolicLink())
        throw new Error(`${childRel} is a link (a tablespace?): a base backup of Segel copies one data directory only`);
      else if (info.isFile()) {
        const copied = await copyFile(from, path.join(target, childRel), childRel);
        if (copied) {
          files.push(copied);
          bytes += copied.size;
        }
      }
    }
  }

  await walk("");
  // each folder's new entries, durable before the manifest names them
  for (const dir of dirs.reverse()) await fsyncPath(dir);
  return { files, bytes };
}
