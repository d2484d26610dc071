import "server-only";
import { headers } from "next/headers";
import { ARRIVAL_HEADER, readArrivalMark } from "./arrival-stamp";
import type { Tx } from "./db";

/**
 * This request's arrival mark (performance.now() when serve.ts received it), or now when
 * nothing in front of Next marked it (`next dev`, a direct `next start`).
 */
export async function requestArrivalMark(): Promise<number> {
  const now = performance.now();
  let value: string | null = null;
  try {
    value = (await headers()).get(ARRIVAL_HEADER);
  } catch {
    // outside a request (an action called directly by a test or a script): no mark
  }
  return readArrivalMark(value, now) ?? now;
}

/**
 * Maps an arrival mark to the database clock (decision 0006) with one fresh reading on a
 * connection the caller already holds: the database's time is read at some instant between
 * `before` and `after`, and the time since the mark is taken from the midpoint, so the
 * error is at most half that round trip, however long the request queued before it.
 * `receivedAt` is never after `now`.
 */
export async function receivedInDbTime(tx: Tx, mark: number): Promise<{ receivedAt: Date; now: Date }> {
  const before = performance.now();
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', segel_now()) AS now`;
  const after = performance.now();
  const now = row!.now;
  const elapsed = Math.max(0, (before + after) / 2 - mark);
  return { receivedAt: new Date(Math.min(now.getTime(), Math.round(now.getTime() - elapsed))), now };
}
