import "server-only";
import { createHash } from "node:crypto";
import { access, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { getInstanceKey } from "@/server/instance-key";
import { headsCopyPath, manifestPath, setDataDir, setDir, setIdAt, signaturePath } from "../domain/layout";
import { signManifest, type BackupManifest, type ManifestFile } from "../domain/manifest";
import { copyDataDir } from "./copy-data-dir";
import { countRowsAtRestorePoint, type CountOptions } from "./count-rows";
import { fsyncPath, writeFileDurably } from "./durable-file";
import { copyHeadsFile } from "./copy-heads";
import { oneRow } from "./sql-row";
import { copyNewStoreObjects } from "./store-copy";
import { archiverStatus, awaitArchived } from "./wal-archive";

/**
 * One base backup of the embedded cluster (docs/decisions/0039), run by the worker and by
 * `backup now`. backupUrl signs in as segel_backup on the application's database; the
 * backup functions run on ONE connection, since a non-exclusive backup belongs to its
 * session (and ends by itself if the session dies). The set is complete only once its
 * signed manifest is written, last; any failure removes the set's folder and stops the
 * backup on the server.
 */
export interface BaseBackupOptions {
  backupUrl: string;
  /** the live data directory (SEGEL_PG_DATA_DIR), readable by the worker */
  dataDir: string;
  backupRoot: string;
  /** names the set (its start time); the wall clock when absent */
  now?: Date;
  /** how long to wait for the restore point's WAL segment to be archived (configuration, not law) */
  archiveWaitMs?: number;
  counting?: CountOptions;
}

export interface BaseBackupResult {
  setId: string;
  manifest: BackupManifest;
  dataFiles: number;
  dataBytes: number;
  storeObjects: number;
  storeObjectsCopied: number;
  storeBytesCopied: number;
  durationsMs: { total: number; copy: number; count: number; archive: number; store: number };
}

function labelField(label: string, field: string): string {
  const line = label.split("\n").find((l) => l.startsWith(`${field}: `));
  if (!line) throw new Error(`the backup label has no "${field}" line`);
  return line.slice(field.length + 2);
}

async function segelVersion(): Promise<string> {
  const text = await readFile(path.join(process.cwd(), "package.json"), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

/** Writes the label pg_backup_stop returned into the set's data/, and lists it like the rest. */
async function writeLabelFile(dir: string, name: string, text: string): Promise<ManifestFile> {
  await writeFileDurably(path.join(dir, name), text);
  const bytes = Buffer.from(text, "utf8");
  return { path: name, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

async function writeManifest(backupRoot: string, manifest: BackupManifest): Promise<void> {
  const { privateKey } = await getInstanceKey();
  const signature = signManifest(manifest, privateKey);
  // the manifest, then its signature: a set is complete only with both, and valid together
  await writeFileDurably(manifestPath(backupRoot, manifest.setId), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFileDurably(signaturePath(backupRoot, manifest.setId), `${signature}\n`);
}

export async function takeBaseBackup(options: BaseBackupOptions): Promise<BaseBackupResult> {
  const { backupUrl, dataDir, backupRoot, archiveWaitMs = 120_000 } = options;
  const startedAt = options.now ?? new Date();
  const setId = setIdAt(startedAt);
  const clock = Date.now();
  await access(path.join(dataDir, "PG_VERSION")).catch((error) => {
    throw new Error(`${dataDir} is not a PostgreSQL data directory (no PG_VERSION)`, { cause: error });
  });
  await mkdir(path.dirname(setDir(backupRoot, setId)), { recursive: true });
  // not recursive: a set of the same second (another backup running) is refused, not shared
  await mkdir(setDir(backupRoot, setId), { mode: 0o700 });

  const client = new pg.Client({ connectionString: backupUrl, application_name: "segel-backup" });
  let inBackup = false;
  try {
    await client.connect();
    const serverVersion = oneRow(await client.query<{ v: string }>("SHOW server_version"), "SHOW").v;
    const { lsn: startLsn } = oneRow(
      await client.query<{ lsn: string }>("SELECT pg_backup_start($1, true)::text AS lsn", [`segel-${setId}`]),
      "pg_backup_start",
    );
    inBackup = true;
    const copyStart = Date.now();
    const copied = await copyDataDir(dataDir, setDataDir(backupRoot, setId));
    const copyMs = Date.now() - copyStart;
    // false: not PostgreSQL's unbounded wait for the archive; ours below is bounded and
    // covers this segment, since the restore point's segment comes after it
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
      "SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    inBackup = false;
    const { lsn: stopLsn, labelfile, spcmapfile } = oneRow(stop, "pg_backup_stop");
    const dataFiles = [...copied.files];
    dataFiles.push(await writeLabelFile(setDataDir(backupRoot, setId), "backup_label", labelfile));
    if (spcmapfile) dataFiles.push(await writeLabelFile(setDataDir(backupRoot, setId), "tablespace_map", spcmapfile));
    const startWalFile = /\(file ([0-9A-F]{24})\)/.exec(labelField(labelfile, "START WAL LOCATION"))?.[1];
    if (!startWalFile) throw new Error("the backup label names no start WAL file");
    const timeline = Number(labelField(labelfile, "START TIMELINE"));

    const countStart = Date.now();
    const counted = await countRowsAtRestorePoint(client, `segel-${setId}`, options.counting);
    const countMs = Date.now() - countStart;

    const archiveStart = Date.now();
    // the restore point's segment, switched and archived: a restore can reach the point now
    const archived = await awaitArchived(counted.restorePointLsn, { timeoutMs: archiveWaitMs, client });
    if (!archived.archived) {
      const status = await archiverStatus(client);
      const failure = status.lastFailedWal
        ? `; the archiver last failed on ${status.lastFailedWal} at ${status.lastFailedAt?.toISOString()}`
        : "";
      throw new Error(
        `WAL segment ${archived.segment} was not archived within ${archiveWaitMs} ms ` +
          `(last archived: ${status.lastArchivedWal ?? "none"})${failure}`,
      );
    }
    const archiveMs = Date.now() - archiveStart;

    const storeStart = Date.now();
    const store = await copyNewStoreObjects(backupRoot);
    const storeMs = Date.now() - storeStart;
    const auditHeads = await copyHeadsFile(headsCopyPath(backupRoot));

    const manifest: BackupManifest = {
      version: 1,
      setId,
      segelVersion: await segelVersion(),
      migration: counted.migration,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      database: {
        serverVersion,
        timeline,
        startLsn,
        stopLsn,
        startWalFile,
        restorePoint: counted.restorePoint,
        restorePointLsn: counted.restorePointLsn,
        restorePointTime: counted.restorePointTime,
      },
      rowCounts: counted.rowCounts,
      dataFiles,
      storeObjects: store.objects,
      auditHeads,
    };
    await writeManifest(backupRoot, manifest);
    await fsyncPath(setDir(backupRoot, setId));
    return {
      setId,
      manifest,
      dataFiles: dataFiles.length,
      dataBytes: dataFiles.reduce((sum, f) => sum + f.size, 0),
      storeObjects: store.objects.length,
      storeObjectsCopied: store.copied,
      storeBytesCopied: store.bytes,
      durationsMs: { total: Date.now() - clock, copy: copyMs, count: countMs, archive: archiveMs, store: storeMs },
    };
  } catch (error) {
    // the server must not stay in backup mode, and no half set may look like a set
    if (inBackup) await client.query("SELECT pg_backup_stop(false)").catch(() => {});
    await rm(setDir(backupRoot, setId), { recursive: true, force: true }).catch(() => {});
    throw new Error(`base backup ${setId} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}
