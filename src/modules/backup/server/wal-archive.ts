import "server-only";
import { db } from "@/server/db";

/**
 * The WAL archive as PostgreSQL sees it (pg_stat_archiver), and waiting for the segment
 * that holds a commit to reach it: a bid's acknowledgement (docs/decisions/0039).
 *
 * The queries go through any client with pg's `query` (pg.Client, pg.Pool); by default the
 * portal's own connection (segel_app, which may call pg_switch_wal on the embedded cluster).
 */
export interface SqlClient {
  query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

/** The portal's Prisma connection as a SqlClient. */
const portalSql: SqlClient = {
  async query<Row>(text: string, values: unknown[] = []) {
    return { rows: await db.$queryRawUnsafe<Row[]>(text, ...values) };
  },
};

export interface ArchiverStatus {
  lastArchivedWal: string | null;
  lastArchivedAt: Date | null;
  lastFailedWal: string | null;
  lastFailedAt: Date | null;
  failedCount: number;
  archivedCount: number;
  /** the segment being written now: everything before it can be archived */
  currentWal: string;
}

export async function archiverStatus(client: SqlClient = portalSql): Promise<ArchiverStatus> {
  const { rows } = await client.query<{
    last_archived_wal: string | null;
    last_archived_time: Date | null;
    last_failed_wal: string | null;
    last_failed_time: Date | null;
    failed_count: string | number;
    archived_count: string | number;
    current_wal: string;
  }>(
    `SELECT last_archived_wal, last_archived_time, last_failed_wal, last_failed_time,
            failed_count, archived_count, pg_walfile_name(pg_current_wal_lsn()) AS current_wal
       FROM pg_stat_archiver`,
  );
  const row = rows[0];
  if (!row) throw new Error("pg_stat_archiver returned no row");
  return {
    lastArchivedWal: row.last_archived_wal,
    lastArchivedAt: row.last_archived_time,
    lastFailedWal: row.last_failed_wal,
    lastFailedAt: row.last_failed_time,
    failedCount: Number(row.failed_count),
    archivedCount: Number(row.archived_count),
    currentWal: row.current_wal,
  };
}

/** Where the WAL ends now: read right after a commit, a position at or past that commit. */
export async function currentInsertLsn(client: SqlClient = portalSql): Promise<string> {
  const { rows } = await client.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
  return rows[0]!.lsn;
}

const SEGMENT = /^([0-9A-F]{8})([0-9A-F]{16})/;

/**
 * True when the archiver's last archived file (a segment, or a `.backup` / `.partial` file
 * named after one) is `segment` or later on the same timeline: it archives in order, so a
 * later one means this one is archived too. A later timeline says nothing of this one.
 */
export function isSegmentArchived(segment: string, lastArchived: string | null): boolean {
  const want = SEGMENT.exec(segment);
  const got = lastArchived ? SEGMENT.exec(lastArchived) : null;
  if (!want || !got || want[1] !== got[1]) return false;
  // a .backup file names the segment where a backup began, which may be archived before it
  if (lastArchived!.length > 24 && !lastArchived!.endsWith(".partial")) return got[2]! > want[2]!;
  return got[2]! >= want[2]!;
}

/** A segment's first page header (SizeOfXLogLongPHD on 64-bit builds). */
const LONG_PAGE_HEADER = 40;

/** Poll interval: short, since a bid waits on it (configuration, not law). */
const POLL_MS = 25;

interface SwitchState {
  inFlight: Promise<void> | null;
  next: Promise<void> | null;
}
const switches = new WeakMap<SqlClient, SwitchState>();

/**
 * One pg_switch_wal() for everyone who asks at the same moment: a caller arriving while a
 * switch is running may have committed after it began, so it joins the NEXT switch, which
 * all such callers share. A crowd of bids at the deadline costs two switches, not hundreds.
 */
export function requestWalSwitch(client: SqlClient = portalSql): Promise<void> {
  let state = switches.get(client);
  if (!state) switches.set(client, (state = { inFlight: null, next: null }));
  const s = state;
  if (!s.inFlight) {
    s.inFlight = client
      .query("SELECT pg_switch_wal()::text")
      .then(() => undefined)
      .finally(() => {
        s.inFlight = null;
      });
    return s.inFlight;
  }
  s.next ??= s.inFlight
    .catch(() => undefined)
    .then(() => {
      s.next = null;
      return requestWalSwitch(client);
    });
  return s.next;
}

export interface AwaitArchivedOptions {
  timeoutMs: number;
  client?: SqlClient;
}

/**
 * Waits (at most `timeoutMs`) until the WAL segment holding `lsn` is archived: asks for a
 * (coalesced) segment switch if that segment is still being written, then polls
 * pg_stat_archiver. Never throws for a slow archive: `archived: false` says so; a database
 * error is thrown for the caller to log.
 */
export async function awaitArchived(
  lsn: string,
  { timeoutMs, client = portalSql }: AwaitArchivedOptions,
): Promise<{ archived: boolean; waitedMs: number; segment: string }> {
  const started = Date.now();
  // Read right after a switch, the insert position is just past the new segment's 40-byte
  // header, in a segment holding nothing yet: the commit is in the one before. Asking for
  // that empty segment would wait for a switch PostgreSQL skips (nothing to switch) until
  // archive_timeout, so the segment is the one holding the last byte before that header
  // (PostgreSQL 18 names a position exactly on a boundary by the segment it starts).
  const { rows } = await client.query<{ segment: string; open: boolean }>(
    `SELECT pg_walfile_name($1::pg_lsn - ${LONG_PAGE_HEADER + 1}) AS segment,
            pg_walfile_name($1::pg_lsn - ${LONG_PAGE_HEADER + 1}) >= pg_walfile_name(pg_current_wal_insert_lsn()) AS open`,
    [lsn],
  );
  const { segment, open } = rows[0]!;
  // PostgreSQL's word only: a file of that name in the archive may be another cluster's
  // (the archive_command then refuses to replace it, and this segment is NOT archived)
  const done = async () => isSegmentArchived(segment, (await archiverStatus(client)).lastArchivedWal);
  if (await done()) return { archived: true, waitedMs: Date.now() - started, segment };
  if (open) await requestWalSwitch(client);
  for (;;) {
    if (await done()) return { archived: true, waitedMs: Date.now() - started, segment };
    if (Date.now() - started >= timeoutMs) return { archived: false, waitedMs: Date.now() - started, segment };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
