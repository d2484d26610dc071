import "server-only";
import type pg from "pg";
import { oneRow } from "./sql-row";

const SEGMENT = /^([0-9A-F]{8})([0-9A-F]{16})$/;

/** True when `archived` (pg_stat_archiver.last_archived_wal) is `segment` or later: the
 * archiver works in order, so a later segment means this one is archived too. */
export function isArchivedBy(segment: string, archived: string | null): boolean {
  const want = SEGMENT.exec(segment);
  const got = archived ? SEGMENT.exec(archived) : null;
  if (!want || !got) return false;
  const [, wantTimeline = "", wantPosition = ""] = want;
  const [, gotTimeline = "", gotPosition = ""] = got;
  if (gotTimeline !== wantTimeline) return gotTimeline > wantTimeline;
  return gotPosition >= wantPosition;
}

const POLL_MS = 100;

/**
 * Waits until the server's archiver has archived `segment`, polling pg_stat_archiver, for
 * at most `timeoutMs`; then fails naming the archiver's last failure, if any.
 */
export async function awaitSegmentArchived(client: pg.Client, segment: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { last, failed, failedAt } = oneRow(
      await client.query<{ last: string | null; failed: string | null; failedAt: Date | null }>(
        `SELECT last_archived_wal AS last, last_failed_wal AS failed, last_failed_time AS "failedAt" FROM pg_stat_archiver`,
      ),
      "pg_stat_archiver",
    );
    if (isArchivedBy(segment, last)) return;
    if (Date.now() >= deadline) {
      const failure = failed ? `; the archiver last failed on ${failed} at ${failedAt?.toISOString()}` : "";
      throw new Error(
        `WAL segment ${segment} was not archived within ${timeoutMs} ms (last archived: ${last ?? "none"})${failure}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
