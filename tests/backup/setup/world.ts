import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { portAnswers, startCluster, type RunningCluster } from "./cluster";

/**
 * What the global setup built, read in a test file's fork from its environment; and the
 * data directory the cluster runs from now (a kill-and-restore test moves it: recorded
 * in <root>/current-data-dir, so the next file starts the cluster from there).
 */
export function world() {
  const env = process.env;
  const root = env.SEGEL_TEST_BACKUP_ROOT!;
  const marker = path.join(root, "current-data-dir");
  return {
    root,
    port: Number(env.SEGEL_TEST_PG_PORT),
    adminUrl: env.SEGEL_TEST_ADMIN_URL!,
    appUrl: env.DATABASE_URL!,
    backupUrl: env.SEGEL_BACKUP_DATABASE_URL!,
    backupDir: env.SEGEL_BACKUP_DIR!,
    walDir: path.join(env.SEGEL_BACKUP_DIR!, "wal"),
    fileStore: env.SEGEL_FILE_STORE!,
    dataDir: existsSync(marker) ? readFileSync(marker, "utf8").trim() : env.SEGEL_PG_DATA_DIR!,
  };
}

/** The owner's (superuser's) URL of a database on the tier's cluster. */
export function ownerUrl(database = "segel"): string {
  const url = new URL(world().adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Says the cluster now runs from `dataDir` (a restore started it there), for the next file. */
export function recordCurrentDataDir(dataDir: string): void {
  writeFileSync(path.join(world().root, "current-data-dir"), dataDir);
  process.env.SEGEL_PG_DATA_DIR = dataDir;
}

/**
 * Starts the tier's cluster from `dataDir` on the tier's port, archiving into the tier's
 * wal/, and records it as the current data directory (SEGEL_PG_DATA_DIR follows).
 */
export async function startClusterFrom(dataDir: string): Promise<RunningCluster> {
  const w = world();
  const cluster = await startCluster({ dataDir, port: w.port, archiveDir: w.walDir });
  recordCurrentDataDir(dataDir);
  return cluster;
}

/** The cluster answers, started again from the current data directory if a test left it down. */
export async function ensureClusterRunning(): Promise<void> {
  const w = world();
  if (!(await portAnswers(w.port))) await startClusterFrom(w.dataDir);
  process.env.SEGEL_PG_DATA_DIR = w.dataDir;
}

/** One statement on a URL with a client of its own. */
export async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // no parameters: the simple protocol, so a test may send several statements at once
    return (values.length ? await client.query<T>(text, values) : await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The one row a statement returns; throws when it returns none. */
export async function sqlOne<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const [row] = await sql<T>(url, text, values);
  if (!row) throw new Error(`no row from: ${text}`);
  return row;
}
