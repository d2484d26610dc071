import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import {
  ACCESS_LOG_ACTIONS,
  SECOND_FACTOR_PASSED,
  secondFactorOf,
  sessionIdOf,
  toAccessEntry,
  type AccessEntry,
  type AccessEvent,
  type SecondFactorMethod,
} from "../domain/access-entry";
import { accessLogOwner, type AccessLogOwner } from "./access-owner";

export const ACCESS_LOG_PAGE_SIZE = 25;

export interface AccessLogPage {
  owner: AccessLogOwner;
  entries: AccessEntry[];
  /** the cursor of the next (older) page, or null on the last page */
  olderThan: string | null;
}

const EVENT_FIELDS = { seq: true, occurredAt: true, action: true, ip: true, userAgent: true, data: true } as const;

/**
 * A user's sign-ins, refused sign-ins (also a stranger's tries against the account) and
 * refused second factors, newest first, a page at a time. The audit trail is the one
 * source (docs/decisions/0038): the events are recorded on the user, and the index on
 * (entityType, entityId, seq) reads a page without sorting the user's whole history, so
 * 10,000 failed tries cost a page like any other. Keyset pages (`olderThan` a seq) keep
 * every page as cheap as the first.
 */
export async function findAccessLog(
  actor: Actor,
  options: { userId?: string; olderThan?: bigint | null; pageSize?: number } = {},
): Promise<AccessLogPage> {
  const owner = await accessLogOwner(actor, options.userId);
  const pageSize = Math.min(Math.max(options.pageSize ?? ACCESS_LOG_PAGE_SIZE, 1), 100);
  const onUser = { entityType: "User", entityId: owner.id };
  const rows = await db.auditEvent.findMany({
    where: {
      ...onUser,
      action: { in: [...ACCESS_LOG_ACTIONS] },
      ...(options.olderThan ? { seq: { lt: options.olderThan } } : {}),
    },
    orderBy: { seq: "desc" },
    take: pageSize + 1,
    select: EVENT_FIELDS,
  });
  const events: AccessEvent[] = rows.slice(0, pageSize).map((row) => ({ ...row, seq: row.seq.toString() }));
  const passed = await secondFactorsPassed(onUser, events);
  return {
    owner,
    entries: events.map((event) => toAccessEntry(event, passed)),
    olderThan: rows.length > pageSize ? events.at(-1)!.seq : null,
  };
}

/** For the page's sign-ins: which second factor later passed for each one's session. */
async function secondFactorsPassed(
  onUser: { entityType: string; entityId: string },
  events: AccessEvent[],
): Promise<Map<string, SecondFactorMethod>> {
  const signIns = events.filter((e) => e.action === "auth.signIn");
  const sessionIds = signIns.map(sessionIdOf).filter((id): id is string => id !== null);
  if (sessionIds.length === 0) return new Map();
  // A second factor comes after its sign-in: start the index range at the page's oldest one.
  const oldest = signIns.reduce((min, e) => (BigInt(e.seq) < min ? BigInt(e.seq) : min), BigInt(signIns[0]!.seq));
  const rows = await db.auditEvent.findMany({
    where: {
      ...onUser,
      action: SECOND_FACTOR_PASSED,
      seq: { gt: oldest },
      OR: sessionIds.map((id) => ({ data: { path: ["sessionId"], equals: id } })),
    },
    select: EVENT_FIELDS,
  });
  const passed = new Map<string, SecondFactorMethod>();
  for (const row of rows) {
    const factor = secondFactorOf({ ...row, seq: row.seq.toString() });
    if (factor) passed.set(factor.sessionId, factor.method);
  }
  return passed;
}
