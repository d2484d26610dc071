import pg from "pg";
import * as embedded from "../../../src/cli/embedded-db.mjs";

export const BACKUP_ROLE = "segel_backup";

type WithBackupLogin = { allowBackupLogin?: (ownerUrl: string, password: string) => Promise<void> };

/**
 * segel_backup with a login, as `npm start` makes it on the embedded cluster: A's
 * allowBackupLogin. Until that lands, the same grants the design names, made here.
 */
export async function allowBackupRole(ownerUrl: string, password: string): Promise<void> {
  const own = (embedded as WithBackupLogin).allowBackupLogin;
  if (own) return own(ownerUrl, password);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${BACKUP_ROLE} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    await client.query(`GRANT pg_read_all_data, pg_maintain TO ${BACKUP_ROLE}`);
    for (const fn of [
      "pg_backup_start(text, boolean)",
      "pg_backup_stop(boolean)",
      "pg_create_restore_point(text)",
      "pg_switch_wal()",
    ])
      await client.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${BACKUP_ROLE}`);
    await client.query(`GRANT EXECUTE ON FUNCTION pg_switch_wal() TO ${embedded.APP_ROLE}`);
  } finally {
    await client.end();
  }
}
