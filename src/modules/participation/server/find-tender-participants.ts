import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";

/** The most participants the Pokja's page lists; the count is always whole. Configuration, not law. */
export const POKJA_PARTICIPANT_LIST_LIMIT = 500;

/**
 * Who takes part in the tender, for its Pokja: the registered vendors by name, and the
 * bids that stand (SUBMITTED). Before the opening only their number: which company has
 * bid is not read for anyone until the bids are opened; after it, the list. Anyone
 * outside the tender's Pokja gets NOT_FOUND.
 */
export async function findTenderParticipants(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.setup");
  const tender = await db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: { openedAt: true } });
  const submitted = { tenderId, status: "SUBMITTED" as const };
  const [participantCount, participants, submittedCount, bids] = await Promise.all([
    db.tenderParticipant.count({ where: { tenderId } }),
    db.tenderParticipant.findMany({
      where: { tenderId },
      orderBy: [{ registeredAt: "asc" }, { vendorId: "asc" }],
      take: POKJA_PARTICIPANT_LIST_LIMIT,
      select: { registeredAt: true, vendor: { select: { id: true, name: true, npwp: true } } },
    }),
    db.bid.count({ where: submitted }),
    tender.openedAt === null
      ? null
      : db.bid.findMany({
          where: submitted,
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          select: { id: true, submittedAt: true, vendor: { select: { name: true } } },
        }),
  ]);
  return {
    participantCount,
    participants: participants.map((p) => ({
      vendorId: p.vendor.id,
      name: p.vendor.name,
      npwp: p.vendor.npwp,
      registeredAt: p.registeredAt,
    })),
    submittedCount,
    submittedBids: bids?.map((b) => ({ id: b.id, vendorName: b.vendor.name, submittedAt: b.submittedAt })) ?? null,
  };
}

export type TenderParticipants = Awaited<ReturnType<typeof findTenderParticipants>>;
