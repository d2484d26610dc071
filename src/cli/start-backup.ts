// The backup part of `npm start` (docs/decisions/0039): whether the embedded server archives,
// and which process holds what.
import pg from "pg";
import { adminUrl } from "./embedded-db.mjs";

/** The backup connection and the live data directory: the worker's alone (docs/decisions/0039). */
export interface BackupAccess {
  url: string;
  password: string;
  pgDataDir: string;
}

/** Whether the server on `port` archives: one left running by an earlier start without
 * archiving keeps its settings until it restarts, and is said so rather than trusted. */
export async function isArchiving(pgPort: number, say: (line: string) => void): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(pgPort) });
  await client.connect();
  try {
    const { rows } = await client.query<{ archive_mode: string }>("SHOW archive_mode");
    if (rows[0]?.archive_mode === "on") return true;
    say(
      `The PostgreSQL already running on port ${pgPort} does not archive its WAL: stop it and start again to back up.`,
    );
    return false;
  } finally {
    await client.end();
  }
}

/**
 * Splits the environment: the web processes get `env` with only SEGEL_BACKUP_ARCHIVING=1
 * (a bid's acknowledgement waits for the archive then); the returned copy, for the worker,
 * adds the backup role's URL and the live data directory. Anything of those names the
 * operator set is dropped, so no web process ever holds them.
 */
export function withBackupAccess<Env extends Record<string, string | undefined>>(
  env: Env,
  backup: BackupAccess | undefined,
): Env {
  delete env.SEGEL_BACKUP_DATABASE_URL;
  delete env.SEGEL_PG_DATA_DIR;
  if (!backup) {
    delete env.SEGEL_BACKUP_ARCHIVING;
    return env;
  }
  (env as Record<string, string | undefined>).SEGEL_BACKUP_ARCHIVING = "1";
  return { ...env, SEGEL_BACKUP_DATABASE_URL: backup.url, SEGEL_PG_DATA_DIR: backup.pgDataDir };
}
