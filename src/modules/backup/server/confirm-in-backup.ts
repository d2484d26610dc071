import "server-only";
import { readBackupSettings } from "@/server/backup-settings";
import { logger } from "@/server/logger";
import { copyStoreObject } from "./store-copy";
import { awaitArchived, currentInsertLsn, type SqlClient } from "./wal-archive";

export interface InBackup {
  /** true when every file was copied and the commit's WAL segment archived in time */
  inBackup: boolean;
  /** off: this start does not archive (SEGEL_BACKUP=0, or an external DATABASE_URL) */
  status: "off" | "confirmed" | "timeout" | "failed";
  waitedMs: number;
}

type Env = Record<string, string | undefined>;

/**
 * A bid's acknowledgement waits for its backup (docs/decisions/0039): after the commit, its
 * sealed files are copied to the backup's files/ and the WAL segment holding the commit is
 * archived, both within the settings' bidAckTimeoutMs. Only when `npm start` turned archiving
 * on for the embedded database (SEGEL_BACKUP_ARCHIVING=1, set for every process).
 *
 * Never fails the bid: the bid is durable on the primary already. A timeout or an error is
 * logged as an error and answered `inBackup: false`; the worker's archiver check raises the
 * alert on the backup page.
 *
 * `lsn`: the commit's position (pg_current_wal_insert_lsn() read after it); read here when
 * not given. `client`: another connection than the portal's (tests, the bench).
 */
export async function confirmInBackup({
  storeKeys = [],
  lsn,
  client,
  env = process.env,
}: {
  storeKeys?: readonly string[];
  lsn?: string;
  client?: SqlClient;
  env?: Env;
}): Promise<InBackup> {
  const started = Date.now();
  if (env.SEGEL_BACKUP_ARCHIVING !== "1") return { inBackup: false, status: "off", waitedMs: 0 };
  try {
    const settings = readBackupSettings(env);
    if (!settings.enabled) return { inBackup: false, status: "off", waitedMs: 0 };
    const at = lsn ?? (await currentInsertLsn(client));
    // the copies and the archive proceed side by side: the wait is the longer of the two,
    // and neither is left running behind the answer
    const [copies, waited] = await Promise.allSettled([
      Promise.all(storeKeys.map((key) => copyStoreObject(settings.dir, key))),
      awaitArchived(at, { timeoutMs: settings.bidAckTimeoutMs, ...(client ? { client } : {}) }),
    ]);
    if (copies.status === "rejected") throw copies.reason;
    if (waited.status === "rejected") throw waited.reason;
    const archive = waited.value;
    const waitedMs = Date.now() - started;
    if (archive.archived) return { inBackup: true, status: "confirmed", waitedMs };
    logger.error(
      { lsn: at, segment: archive.segment, waitedMs, timeoutMs: settings.bidAckTimeoutMs },
      "a commit's WAL segment was not archived in time: acknowledged, but not yet in the backup",
    );
    return { inBackup: false, status: "timeout", waitedMs };
  } catch (error) {
    const waitedMs = Date.now() - started;
    logger.error({ err: error, storeKeys, lsn, waitedMs }, "confirming a commit in the backup failed");
    return { inBackup: false, status: "failed", waitedMs };
  }
}
