import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../src/cli/embedded-db.mjs";

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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
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
