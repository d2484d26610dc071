import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { appendFile, chmod, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { restoreCommand } from "@/cli/embedded-db.mjs";
import { setDataDir, walDir } from "../domain/layout";
import type { BackupManifest, ManifestFile } from "../domain/manifest";
import { chooseSet } from "./backup-sets";
import { checkWalChain } from "./check-wal-chain";
import { chownTree, isRoot, makeTraversable, postgresIds } from "./postgres-user";

/**
 * Restores a base set into a NEW data directory (docs/decisions/0039): every file copied
 * from base/<setId>/data with its SHA-256 checked against the signed manifest on the way,
 * the directories the base backup leaves out made empty again, and PostgreSQL told to
 * recover from the WAL archive up to the target, then promote. Starting it is
 * startRestored's (start-restored.ts); nothing here touches a running cluster.
 */
export type RestoreTarget = { kind: "latest" } | { kind: "time"; at: Date } | { kind: "restorePoint" };

export interface RestoreOptions {
  backupRoot: string;
  setId?: string;
  target: RestoreTarget;
  into: string;
  /** true when the restored cluster will archive again (a real restore); false for a drill */
  archive: boolean;
}

export interface RestoreResult {
  setId: string;
  manifest: BackupManifest;
  into: string;
  files: number;
  bytes: number;
  durationMs: number;
}

/** A restore that cannot go on, in plain words; nothing outside `into` was changed. */
export class RestoreError extends Error {}

/** What initdb makes (PostgreSQL 18) and a base backup may leave out or leave empty. */
const EMPTY_DIRS = [
  "pg_commit_ts",
  "pg_dynshmem",
  "pg_logical/mappings",
  "pg_logical/snapshots",
  "pg_multixact/members",
  "pg_multixact/offsets",
  "pg_notify",
  "pg_replslot",
  "pg_serial",
  "pg_snapshots",
  "pg_stat",
  "pg_stat_tmp",
  "pg_subtrans",
  "pg_tblspc",
  "pg_twophase",
  "pg_wal/archive_status",
  "pg_wal/summaries",
  "pg_xact",
];

const COPY_PARALLEL = 4;

async function assertEmptyTarget(into: string) {
  const entries = await readdir(into).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  if (entries.length > 0) throw new RestoreError(`${into} is not empty: a restore only writes into a new directory.`);
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

/** Copies one file, hashing the bytes as they pass; a difference from the manifest is a RestoreError. */
async function copyChecked(from: string, to: string, expected: ManifestFile): Promise<number> {
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { mode: 0o600, flags: "wx" }));
  const sha256 = hash.digest("hex");
  if (size !== expected.size || sha256 !== expected.sha256)
    throw new RestoreError(
      `data file ${expected.path} of the set differs from its manifest (${size} bytes, sha256 ${sha256.slice(0, 12)}...; ` +
        `the manifest says ${expected.size} bytes, ${expected.sha256.slice(0, 12)}...)`,
    );
  return size;
}

async function copyDataFiles(from: string, into: string, files: ManifestFile[]): Promise<number> {
  const listed = new Map(files.map((f) => [f.path, f]));
  const onDisk = await listFiles(from).catch(() => {
    throw new RestoreError(`the set's data directory ${from} cannot be read`);
  });
  const unlisted = onDisk.find((rel) => !listed.has(rel));
  if (unlisted) throw new RestoreError(`data file ${unlisted} is in the set but not in its manifest`);
  const present = new Set(onDisk);
  const missing = files.find((f) => !present.has(f.path));
  if (missing) throw new RestoreError(`data file ${missing.path} is in the manifest but missing from the set`);
  let bytes = 0;
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      // read `bytes` only after the await: `bytes += await …` would add to a stale value
      const copied = await copyChecked(
        path.join(from, ...file.path.split("/")),
        path.join(into, ...file.path.split("/")),
        file,
      );
      bytes += copied;
    }
  };
  await Promise.all(Array.from({ length: COPY_PARALLEL }, worker));
  return bytes;
}

/** A string setting's value in postgresql.conf syntax. */
const confValue = (value: string) => `'${value.replaceAll("'", "''")}'`;

function recoverySettings(options: RestoreOptions, manifest: BackupManifest): string[] {
  const lines = [
    "# segel restore: recovery from the WAL archive (removed after the restore finishes)",
    `restore_command = ${confValue(restoreCommand(walDir(options.backupRoot)))}`,
    "recovery_target_action = 'promote'",
  ];
  if (options.target.kind === "restorePoint") {
    lines.push(`recovery_target_name = ${confValue(manifest.database.restorePoint)}`);
    // the restore point lies on the set's own timeline, never on one that branched off later
    lines.push("recovery_target_timeline = 'current'");
  }
  if (options.target.kind === "time")
    // PostgreSQL's timestamptz input: "2026-12-07 00:02:46.897+00" (it refuses the ISO "T...Z" form here)
    lines.push(
      `recovery_target_time = ${confValue(options.target.at.toISOString().replace("T", " ").replace("Z", "+00"))}`,
    );
  // a scratch cluster must never write into the live archive, whatever the copied settings say
  if (!options.archive) lines.push("archive_mode = 'off'");
  return lines;
}

/** The WAL archive must be readable by the server that restores from it. */
async function letPostgresReadArchive(backupRoot: string) {
  if (!isRoot()) return;
  const dir = walDir(backupRoot);
  const { uid } = await postgresIds();
  if ((await stat(dir)).uid !== uid) await chownTree(dir);
  await makeTraversable(path.dirname(dir));
}

export async function restoreCluster(options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const into = path.resolve(options.into);
  await assertEmptyTarget(into);
  const before = options.target.kind === "time" ? options.target.at : undefined;
  const { setId, manifest } = await chooseSet(options.backupRoot, { setId: options.setId, before });
  if (before && new Date(manifest.database.restorePointTime) > before)
    throw new RestoreError(
      `set ${setId} reaches its restore point at ${manifest.database.restorePointTime}, after ${before.toISOString()}: choose an older set.`,
    );
  // Recovery to the latest state stops at the first missing or damaged segment and promotes
  // as if that were the end: a silent loss. A time target fails loudly there on its own.
  if (options.target.kind === "latest") {
    const chain = await checkWalChain(options.backupRoot, manifest.database.startWalFile);
    if (!chain.ok)
      throw new RestoreError(
        `the WAL archive is broken after set ${setId} (${chain.problem}): a restore to the latest state would stop there without saying so. Restore to a time before it with --to, or repair the archive first.`,
      );
  }
  await mkdir(into, { recursive: true, mode: 0o700 });
  const bytes = await copyDataFiles(setDataDir(options.backupRoot, setId), into, manifest.dataFiles);
  for (const dir of EMPTY_DIRS) await mkdir(path.join(into, dir), { recursive: true, mode: 0o700 });
  await appendFile(path.join(into, "recovery.signal"), "");
  await appendFile(path.join(into, "postgresql.auto.conf"), `\n${recoverySettings(options, manifest).join("\n")}\n`);
  await chmod(into, 0o700);
  if (isRoot()) {
    await chownTree(into);
    await makeTraversable(path.dirname(into));
    await letPostgresReadArchive(options.backupRoot);
  }
  return { setId, manifest, into, files: manifest.dataFiles.length, bytes, durationMs: Date.now() - started };
}
