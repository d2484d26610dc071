import "server-only";
import pg from "pg";
import { databaseUrl } from "@/server/env";

/** The locks' keys: one worker takes base backups and drills at a time, and one copies the
 * file store at a time (several workers copying the same new object is work done twice). */
export const BACKUP_JOB_LOCK = "segel.backupJob";
export const STORE_COPY_LOCK = "segel.backupStoreCopy";

/**
 * Runs `work` holding a session advisory lock on a connection of its own, or returns null at
 * once when another worker holds it. A session lock (not a transaction's) because a base
 * backup or a drill takes minutes and must not hold a transaction open; and it ends with the
 * connection, so a worker killed half way frees it for the next.
 */
export async function withBackupJobLock<T>(work: () => Promise<T>, key = BACKUP_JOB_LOCK): Promise<T | null> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [
      key,
    ]);
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
