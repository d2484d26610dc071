import "server-only";
import { db } from "@/server/db";

// Until the winner is announced the public sees bidders only as "Peserta 1, 2, …"
// (procurement-domain.md, rules the system enforces); afterwards by name.
const REVEALED = new Set(["AWARDED", "COMPLETED"]);

/**
 * The public view of a tender's bidding: who takes part, numbered by registration time,
 * and, once the bids have been opened, how many stand (SUBMITTED). While bidding is open
 * the count would tell each bidder how crowded the field is and weaken competition
 * ("bersaing", Perpres 16/2018 art. 6), so before the opening it is not even read.
 * Null for a tender the public cannot see.
 */
export async function findPublicBidSummary(tenderId: string) {
  const tender = await db.tender.findUnique({ where: { id: tenderId }, select: { status: true, openedAt: true } });
  if (!tender || tender.status === "DRAFT") return null;
  const isRevealed = REVEALED.has(tender.status);
  const order = [{ registeredAt: "asc" as const }, { vendorId: "asc" as const }];
  // While the tender runs the names are not even read from the database.
  const names: (string | null)[] = isRevealed
    ? (await db.tenderParticipant.findMany({ where: { tenderId }, orderBy: order, select: { vendor: { select: { name: true } } } })).map((p) => p.vendor.name)
    : (await db.tenderParticipant.findMany({ where: { tenderId }, orderBy: order, select: { registeredAt: true } })).map(() => null);
  const bidCount = tender.openedAt ? await db.bid.count({ where: { tenderId, status: "SUBMITTED" } }) : null;
  return { bidCount, isRevealed, participants: names.map((name, i) => ({ number: i + 1, name })) };
}

export type PublicBidSummary = NonNullable<Awaited<ReturnType<typeof findPublicBidSummary>>>;
