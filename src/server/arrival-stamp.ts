// When a request reached Segel (docs/decisions/0020): src/cli/serve.ts marks each request
// the moment Node hands it over, before any queueing on the connection pool or a lock, with
// this process's monotonic clock (performance.now()); the use case later maps that mark
// to the database clock (receivedInDbTime). The mark travels to the app in one header,
// MACed with a key that exists only in this process's memory: serve.ts drops whatever a
// client sent under that name, and a value that does not verify (a client talking to
// `next start` directly, say) counts as no mark at all. Framework-free: serve.ts imports it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const ARRIVAL_HEADER = "x-segel-arrival";

// Shared by serve.ts and the Next bundles of the same process; never leaves memory.
const KEY_SLOT = Symbol.for("segel.arrival-stamp-key");
type Slot = { [KEY_SLOT]?: Buffer };

const macOf = (key: Buffer, mark: string) => createHmac("sha256", key).update(mark).digest("base64url");

/** serve.ts: replaces any client-sent value with this process's mark of now. */
export function stampArrival(req: IncomingMessage, now = performance.now()): void {
  const slot = globalThis as Slot;
  const key = (slot[KEY_SLOT] ??= randomBytes(32));
  const mark = now.toFixed(3);
  req.headers[ARRIVAL_HEADER] = `${mark}.${macOf(key, mark)}`;
}

/**
 * The arrival mark of this request if serve.ts of this very process set it, else null.
 * A mark from the future, or from a process without a key, is no mark.
 */
export function readArrivalMark(value: string | null | undefined, now = performance.now()): number | null {
  const key = (globalThis as Slot)[KEY_SLOT];
  const match = /^(\d{1,15}\.\d{3})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!key || !match) return null;
  const expected = Buffer.from(macOf(key, match[1]!));
  const given = Buffer.from(match[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const mark = Number(match[1]);
  return mark <= now ? mark : null;
}
