// `npm run segel -- backup <list|now|drill|restore|verify>` (docs/decisions/0039; the
// dispatch is in src/cli/segel.ts). Restores never write over a data directory: they go
// into a new one, and --replace moves the live one aside, never deleting it.
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { readBackupSettings } from "../server/backup-settings";
import { instanceKeyPath } from "../server/key-paths";
import { setIdAt, walDir } from "../modules/backup/domain/layout";
import { isManifestSigned, type BackupManifest } from "../modules/backup/domain/manifest";
import { adminUrl, BACKUP_ROLE, urlAs } from "./embedded-db.mjs";
import { BACKUP_USAGE, BackupArgsError, parseBackupArgs, type BackupArgs } from "./backup-args";

// The server modules are imported only once DATABASE_URL is set: the database client reads
// it when it loads. These commands never use that client (each connects where it must).
const load = {
  sets: () => import("../modules/backup/server/backup-sets"),
  drill: () => import("../modules/backup/server/run-restore-drill"),
  verify: () => import("../modules/backup/server/verify-restored"),
  backup: () => import("../modules/backup/server/take-base-backup"),
  key: () => import("../server/instance-key"),
  restore: () => import("./backup-restore"),
};

const root = path.resolve(import.meta.dirname, "../..");
const say = (line: string) => console.log(line);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

/** A refusal in plain words: exit code 2 when nothing was done, 1 when something failed. */
export class CommandRefusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2 = 2,
  ) {
    super(message);
  }
}

function needKey() {
  // a new key made here would fail every signature: the set's key must be this machine's
  if (!existsSync(instanceKeyPath()))
    throw new CommandRefusal(
      `The instance key (${instanceKeyPath()}) is not here: import it first (npm run segel -- keys import), or set SEGEL_INSTANCE_KEY_FILE.`,
    );
}

async function list(backupRoot: string) {
  needKey();
  const sets = await (await load.sets()).readAllSets(backupRoot);
  say(`Backup directory: ${backupRoot}`);
  if (sets.length === 0) say("  no base set yet");
  for (const set of sets) {
    if (!set.complete) {
      say(`  ${set.setId}  INCOMPLETE: ${set.problem}`);
      continue;
    }
    const m = set.manifest;
    const bytes = m.dataFiles.reduce((n, f) => n + f.size, 0);
    say(
      `  ${set.setId}  restore point ${m.database.restorePointTime}  ${mb(bytes)} in ${m.dataFiles.length} files, ` +
        `${m.storeObjects.length} store objects, migration ${m.migration}`,
    );
  }
  const wal = (await readdir(walDir(backupRoot)).catch(() => [] as string[])).filter((n) =>
    /^[0-9A-F]{24}\.gz$/.test(n),
  );
  say(`  WAL archive: ${wal.length} segments${wal.length ? `, newest ${wal.sort().at(-1)!.slice(0, 24)}` : ""}`);
}

function printChecks(checks: object) {
  for (const [name, value] of Object.entries(checks)) if (value !== undefined) say(`  ${name}: ${value}`);
}

async function drill(backupRoot: string, setId?: string): Promise<number> {
  needKey();
  say(`Restore drill of ${setId ?? "the newest set"} in ${backupRoot} ...`);
  const report = await (await load.drill()).runRestoreDrill({ backupRoot, setId });
  say(`Set ${report.setId ?? "-"}: ${report.ok ? "PASSED" : "FAILED"} in ${report.durationMs} ms`);
  printChecks(report.checks);
  if (report.firstFailure) say(`  first failure (${report.firstFailure.check}): ${report.firstFailure.detail}`);
  return report.ok ? 0 : 1;
}

async function verify(args: Extract<BackupArgs, { command: "verify" }>): Promise<number> {
  needKey();
  if (!existsSync(args.files)) throw new CommandRefusal(`--files ${args.files}: no such folder.`);
  let manifest: BackupManifest | undefined;
  if (args.manifest) {
    manifest = JSON.parse(await readFile(args.manifest, "utf8").catch(() => "null")) ?? undefined;
    if (!manifest) throw new CommandRefusal(`--manifest ${args.manifest}: not a readable manifest.json.`);
    // a manifest is trusted only with its signature beside it
    const sig = path.join(path.dirname(args.manifest), "manifest.sig");
    const signature = existsSync(sig) ? readFileSync(sig, "utf8").trim() : "";
    if (!isManifestSigned(manifest, signature, (await (await load.key()).getInstanceKey()).publicKey)) {
      say(`FAILED (manifest): ${args.manifest} does not match ${sig} under this instance's key.`);
      return 1;
    }
  }
  const { verifyRestoredCluster } = await load.verify();
  const report = await verifyRestoredCluster({ url: args.url, filesRoot: args.files, manifest, headsFile: args.heads });
  say(report.ok ? "PASSED" : "FAILED");
  printChecks(report.checks);
  if (report.firstFailure) say(`  first failure (${report.firstFailure.check}): ${report.firstFailure.detail}`);
  return report.ok ? 0 : 1;
}

/** The backup role's URL as `npm start` gives it to the worker: from the environment, or .data/secrets.json. */
function backupUrl(): string {
  if (process.env.SEGEL_BACKUP_DATABASE_URL) return process.env.SEGEL_BACKUP_DATABASE_URL;
  if (process.env.DATABASE_URL)
    throw new CommandRefusal(
      "With DATABASE_URL set, Segel does not manage the server's backups: use its own tools (docs/backup-external-postgres.md).",
    );
  const file = path.join(root, ".data", "secrets.json");
  const secrets = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  if (!secrets.databaseBackupPassword)
    throw new CommandRefusal("No backup role yet: start Segel once (npm start), then run this again.");
  const port = Number(process.env.SEGEL_PG_PORT ?? 54329);
  return urlAs(adminUrl(port, "segel"), BACKUP_ROLE, secrets.databaseBackupPassword);
}

async function now(backupRoot: string): Promise<number> {
  needKey();
  const dataDir = process.env.SEGEL_PG_DATA_DIR ?? path.join(root, ".data", "postgres");
  say(`Base backup of ${dataDir} into ${backupRoot} ...`);
  try {
    const { takeBaseBackup } = await load.backup();
    const result = await takeBaseBackup({ backupUrl: backupUrl(), dataDir, backupRoot });
    say(
      `Set ${result.setId}: ${result.dataFiles} data files (${mb(result.dataBytes)}), ${result.storeObjects} store objects ` +
        `(${result.storeObjectsCopied} new), in ${result.durationsMs.total} ms. Restore point ${result.manifest.database.restorePointTime}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CommandRefusal) throw error;
    throw new CommandRefusal(`The base backup failed: ${(error as Error).message} (is Segel running?)`, 1);
  }
}

export async function runBackupCommand(args: string[]): Promise<number> {
  let parsed: BackupArgs;
  try {
    parsed = parseBackupArgs(args);
  } catch (error) {
    if (!(error instanceof BackupArgsError)) throw error;
    console.error(`${error.message}\n\n${BACKUP_USAGE}`);
    return 2;
  }
  process.env.DATABASE_URL ??= adminUrl(Number(process.env.SEGEL_PG_PORT ?? 54329), "segel");
  try {
    const settings = readBackupSettings();
    switch (parsed.command) {
      case "list":
        await list(settings.dir);
        return 0;
      case "now":
        return await now(settings.dir);
      case "drill":
        return await drill(settings.dir, parsed.setId);
      case "verify":
        return await verify(parsed);
      case "restore":
        needKey();
        return await (
          await load.restore()
        ).restoreCommandRun({ ...parsed, backupRoot: settings.dir, root, stamp: setIdAt(new Date()), say });
    }
  } catch (error) {
    if (error instanceof CommandRefusal) {
      console.error(error.message);
      return error.code;
    }
    console.error(`backup ${parsed.command} failed: ${(error as Error).message}`);
    return 1;
  }
}
