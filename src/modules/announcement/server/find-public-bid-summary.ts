import "server-only";
import { db } from "@/server/db";

// Until the winner is announced the public sees bidders only as "Peserta 1, 2, …"
// (procurement-domain.md, rules the system enforces); afterwards by name.
const REVEALED = new Set(["AWARDED", "COMPLETED"]);

/** Participants shown per page of the announcement. Configuration, not law. */
export const PARTICIPANTS_PER_PAGE = 100;

/**
 * The public view of a tender's bidding: who takes part, numbered by registration time, a
 * page at a time (a popular tender has thousands), and, once the bids have been opened, how
 * many stand (SUBMITTED). While bidding is open the count would tell each bidder how crowded
 * the field is and weaken competition ("bersaing", Perpres 16/2018 art. 6), so before the
 * opening it is not even read. Null for a tender the public cannot see. A page past the
 * last shows the last.
 */
export async function findPublicBidSummary(tenderId: string, requestedPage = 1) {
  const tender = await db.tender.findUnique({ where: { id: tenderId }, select: { status: true, openedAt: true } });
  if (!tender || tender.status === "DRAFT") return null;
  const isRevealed = REVEALED.has(tender.status);
  const participantCount = await db.tenderParticipant.count({ where: { tenderId } });
  const pageCount = Math.max(1, Math.ceil(participantCount / PARTICIPANTS_PER_PAGE));
  const page = Math.min(Math.max(Math.trunc(requestedPage), 1), pageCount);
  const window = {
    where: { tenderId },
    orderBy: [{ registeredAt: "asc" as const }, { vendorId: "asc" as const }],
    skip: (page - 1) * PARTICIPANTS_PER_PAGE,
    take: PARTICIPANTS_PER_PAGE,
  };
  // While the tender runs the names are not even read from the database.
  const names: (string | null)[] = isRevealed
    ? (await db.tenderParticipant.findMany({ ...window, select: { vendor: { select: { name: true } } } })).map(
        (p) => p.vendor.name,
      )
    : (await db.tenderParticipant.findMany({ ...window, select: { registeredAt: true } })).map(() => null);
  const bidCount = tender.openedAt ? await db.bid.count({ where: { tenderId, status: "SUBMITTED" } }) : null;
  const first = (page - 1) * PARTICIPANTS_PER_PAGE + 1;
  return {
    bidCount,
    isRevealed,
    participantCount,
    page,
    pageCount,
    participants: names.map((name, i) => ({ number: first + i, name })),
  };
}

export type PublicBidSummary = NonNullable<Awaited<ReturnType<typeof findPublicBidSummary>>>;
