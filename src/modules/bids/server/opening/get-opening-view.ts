import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import type { OpenedBid, OpeningRecord } from "../../domain/opening-record";
import { openingRefusal } from "../../domain/opening-rules";
import { OPENING_TENDER_SELECT, openingStateOf, refusalMessage } from "./opening-state";

// Before the deadline the page shows the deadline itself; these it has no other way to say.
const BLOCKED_BY_SHOWN: readonly string[] = [
  "openingBidsSettling",
  "openingAwaitsExtension",
  "openingTenderNotOpenable",
  "openingKeyNotReady",
];

/**
 * The opening desk of one Pokja member: the deadline by the database clock, who has
 * approved (k of n), whether this member may approve now, and after the opening what it
 * found. The findings come from the `tender.opened` audit event: the MAC-protected, logged record
 * is the one the Berita Acara was drawn from.
 */
export async function getOpeningView(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.open");
  const [tender, approvals, shares, now] = await Promise.all([
    db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: { ...OPENING_TENDER_SELECT, endReason: true, openedKeyWrapped: true },
    }),
    db.openingApproval.findMany({
      where: { tenderId },
      orderBy: { approvedAt: "asc" },
      select: { userId: true, approvedAt: true },
    }),
    db.tenderKeyShare.findMany({ where: { tenderId }, select: { userId: true } }),
    dbNow(),
  ]);
  const users = await db.user.findMany({
    where: { id: { in: approvals.map((a) => a.userId) } },
    select: { id: true, name: true },
  });
  const state = openingStateOf(tender);
  const hasApproved = approvals.some((a) => a.userId === actor.userId);
  const hasShare = shares.some((s) => s.userId === actor.userId);
  const opened = tender.openedAt ? await findOpeningRecord(tenderId) : null;
  const refusal = openingRefusal(state, now);

  return {
    tender: {
      id: tender.id,
      code: tender.code,
      name: tender.paket.name,
      agencyName: tender.paket.agency.name,
      timeZone: state.timeZone,
      status: tender.status,
      openedAt: tender.openedAt,
      endReason: tender.endReason,
    },
    deadline: state.deadline,
    isAfterDeadline: state.deadline !== null && now.getTime() >= state.deadline.getTime(),
    threshold: tender.openingKey?.threshold ?? 0,
    shareholders: shares.length,
    approvals: approvals.map((a) => ({
      name: users.find((u) => u.id === a.userId)?.name ?? "-",
      approvedAt: a.approvedAt,
      isMe: a.userId === actor.userId,
    })),
    hasApproved,
    hasShare,
    canApprove: !hasApproved && hasShare && refusal === null,
    /** why nobody can approve now, when the page has no other way to say it (an errors.json key and its values) */
    blockedBy: refusal && BLOCKED_BY_SHOWN.includes(refusal.key) ? refusalMessage(refusal, state, actor.locale) : null,
    opening: opened && { ...opened, canReadFiles: tender.openedKeyWrapped !== null },
  };
}

export type OpeningView = Awaited<ReturnType<typeof getOpeningView>>;

/** The data of a tender's latest opening event (the record its Berita Acara was drawn from), or null. */
export async function findOpeningEvent<T>(
  tenderId: string,
  action: "tender.opened" | "tender.priceOpened",
): Promise<(T & { beritaAcara?: { documentId: string } }) | null> {
  const event = await db.auditEvent.findFirst({
    where: { entityType: "Tender", entityId: tenderId, action },
    orderBy: { seq: "desc" },
    select: { data: true },
  });
  return event ? (event.data as unknown as T & { beritaAcara?: { documentId: string } }) : null;
}

/** What the opening found, from the `tender.opened` audit event; null before the opening. */
export async function findOpeningRecord(
  tenderId: string,
): Promise<{ bids: OpenedBid[]; beritaAcaraId: string | null; failure: OpeningRecord["failure"] } | null> {
  const record = await findOpeningEvent<OpeningRecord>(tenderId, "tender.opened");
  if (!record) return null;
  return {
    bids: record.bids ?? [],
    beritaAcaraId: record.beritaAcara?.documentId ?? null,
    failure: record.failure ?? null,
  };
}
