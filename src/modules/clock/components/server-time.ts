import { estimateOffset, type ClockSample } from "../domain/server-offset";

/**
 * The server's clock as this browser estimates it. Deadlines are decided by the database
 * clock (docs/decisions/0006), and a vendor's laptop may be minutes off, so the browser
 * never uses its own clock's reading: it asks /api/time once, takes the answer as the
 * server's time at the middle of the round trip, and keeps only the difference. The
 * browser clock's rate is trusted between measurements; a tab woken from sleep measures
 * again (a laptop's clock may have been corrected meanwhile).
 */

let current: ClockSample | null = null;
let pending: Promise<ClockSample | null> | null = null;

async function measureOnce(): Promise<ClockSample | null> {
  const sentAt = Date.now();
  const response = await fetch("/api/time", { cache: "no-store" });
  const receivedAt = Date.now();
  if (!response.ok) return null;
  const { now } = (await response.json()) as { now: string };
  const serverMs = Date.parse(now);
  return Number.isFinite(serverMs) ? estimateOffset(serverMs, sentAt, receivedAt) : null;
}

/**
 * Measures (at most one request in flight for the whole page) and keeps the tighter of
 * two samples, so one slow answer does not skew the clock by its whole delay.
 */
export function measureServerClock(): Promise<ClockSample | null> {
  pending ??= (async () => {
    try {
      const first = await measureOnce();
      const second = first && first.errorMs > 250 ? await measureOnce() : null;
      const best =
        [first, second].filter((s): s is ClockSample => s !== null).sort((a, b) => a.errorMs - b.errorMs)[0] ?? null;
      if (best) current = best;
      return current;
    } catch {
      // offline for a moment: keep the last estimate (or the page's own time) and try again later
      return current;
    } finally {
      pending = null;
    }
  })();
  return pending;
}

/** The last measured offset, or null before the first answer. */
export function lastServerClock(): ClockSample | null {
  return current;
}
