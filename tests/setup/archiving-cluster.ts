import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, freePort } from "../../src/cli/embedded-db.mjs";

/**
 * A throwaway embedded PostgreSQL that archives its WAL to `<dir>/backup/wal`, for the tests
 * of archiving (the integration tier's shared cluster does not archive). Stop it after.
 */
export interface ArchivingCluster {
  dir: string;
  backupRoot: string;
  walDir: string;
  dataDir: string;
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

export async function startArchivingCluster(prefix = "segel-archiving-"): Promise<ArchivingCluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const backupRoot = path.join(dir, "backup");
  const walDir = path.join(backupRoot, "wal");
  const dataDir = path.join(dir, "data");
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), durable: false, archiveDir: walDir });
  return {
    dir,
    backupRoot,
    walDir,
    dataDir,
    url: (database = "postgres") => server.url(database),
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export { freePort } from "../../src/cli/embedded-db.mjs";
