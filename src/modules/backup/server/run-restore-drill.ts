import "server-only";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { treeHeadsPath } from "@/server/key-paths";
import { filesDir, headsCopyPath, manifestPath } from "../domain/layout";
import { listSetIds, readSet } from "./backup-sets";
import { checkWalChain } from "./check-wal-chain";
import { restoreCluster, RestoreError } from "./restore-cluster";
import { freePort, startRestored, type RestoredServer } from "./start-restored";
import { verifyRestoredCluster, type Failure, type VerifyChecks } from "./verify-restored";

/**
 * The restore drill (docs/decisions/0039): the newest set's signed manifest, the WAL chain
 * from its first segment, a restore to its restore point in a scratch cluster on a free
 * port (archiving off: it never writes into the archive), and verifyRestoredCluster on it.
 * The scratch cluster is stopped and removed whatever happens. The report gives what was
 * checked, how long each step took, and the first failure named.
 */
export interface DrillChecks extends Partial<VerifyChecks> {
  walSegments?: number;
  walBytes?: number;
  dataFiles?: number;
  dataBytes?: number;
  walCheckMs?: number;
  restoreMs?: number;
  verifyMs?: number;
}

export interface DrillReport {
  ok: boolean;
  setId: string | null;
  checks: DrillChecks;
  firstFailure: Failure | null;
  durationMs: number;
}

export interface DrillOptions {
  backupRoot: string;
  setId?: string;
  /** an empty or absent folder for the scratch cluster; one made beside the backup root when absent */
  scratchDir?: string;
  /** the application's database in the cluster; found when it is the only one */
  database?: string;
}

/** The set to drill: the one named, or the newest with a manifest written (an unfinished set has none). */
async function drillSet(backupRoot: string, setId?: string): Promise<string | null> {
  if (setId) return setId;
  const ids = await listSetIds(backupRoot);
  return ids.filter((id) => existsSync(manifestPath(backupRoot, id))).pop() ?? null;
}

async function makeScratch(backupRoot: string): Promise<string> {
  // beside the backup (often the larger disk), else the system's temporary folder
  try {
    return await mkdtemp(path.join(path.dirname(path.resolve(backupRoot)), ".segel-drill-"));
  } catch {
    return mkdtemp(path.join(os.tmpdir(), "segel-drill-"));
  }
}

async function appDatabase(server: RestoredServer, wanted?: string): Promise<string> {
  if (wanted) return wanted;
  const client = new pg.Client({ connectionString: server.url("postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY datname",
    );
    const names = rows.map((r) => r.datname);
    if (names.length === 1) return names[0]!;
    if (names.includes("segel")) return "segel";
    throw new RestoreError(`the restored cluster holds ${names.length} databases (${names.join(", ")}): name one`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function runRestoreDrill(options: DrillOptions): Promise<DrillReport> {
  const started = Date.now();
  const checks: DrillChecks = {};
  const report = (setId: string | null, firstFailure: Failure | null): DrillReport => ({
    ok: firstFailure === null,
    setId,
    checks,
    firstFailure,
    durationMs: Date.now() - started,
  });

  const setId = await drillSet(options.backupRoot, options.setId);
  if (!setId)
    return report(null, { check: "manifest", detail: `no base set with a manifest in ${options.backupRoot}` });
  const set = await readSet(options.backupRoot, setId);
  if (!set.complete) return report(setId, { check: "manifest", detail: `set ${setId}: ${set.problem}` });
  const { manifest } = set;

  let at = Date.now();
  const wal = await checkWalChain(options.backupRoot, manifest.database.startWalFile);
  Object.assign(checks, { walSegments: wal.segments, walBytes: wal.bytes, walCheckMs: Date.now() - at });
  if (!wal.ok) return report(setId, { check: "wal", detail: wal.problem! });

  const scratch = options.scratchDir ?? (await makeScratch(options.backupRoot));
  let server: RestoredServer | null = null;
  try {
    at = Date.now();
    const restored = await restoreCluster({
      backupRoot: options.backupRoot,
      setId,
      target: { kind: "restorePoint" },
      into: path.join(scratch, "data"),
      archive: false,
    });
    server = await startRestored({ dir: restored.into, port: await freePort(), archive: false });
    Object.assign(checks, { dataFiles: restored.files, dataBytes: restored.bytes, restoreMs: Date.now() - at });

    at = Date.now();
    const live = treeHeadsPath();
    const verified = await verifyRestoredCluster({
      url: server.url(await appDatabase(server, options.database)),
      filesRoot: filesDir(options.backupRoot),
      manifest,
      // the heads beside the instance key (never in the backup) when this machine has them
      headsFile: existsSync(live) ? live : headsCopyPath(options.backupRoot),
    });
    Object.assign(checks, verified.checks, { verifyMs: Date.now() - at });
    return report(setId, verified.firstFailure);
  } catch (error) {
    return report(setId, { check: "restore", detail: (error as Error).message });
  } finally {
    await server?.stop().catch(() => {});
    // a folder the caller gave is kept; only what the drill put in it goes
    const made = options.scratchDir ? path.join(scratch, "data") : scratch;
    await rm(made, { recursive: true, force: true }).catch(() => {});
  }
}
