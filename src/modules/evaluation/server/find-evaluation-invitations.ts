import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";

const INVITATION = { id: true, kind: true, at: true, place: true, note: true, sentAt: true } as const;

/** Every invitation of the tender with the invited bidders, for its Pokja (else NOT_FOUND). */
export async function findPokjaInvitations(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.evaluate");
  const rows = await db.evaluationInvitation.findMany({
    where: { tenderId },
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    select: {
      ...INVITATION,
      sentBy: { select: { name: true } },
      bids: { select: { bid: { select: { vendor: { select: { name: true } } } } } },
    },
  });
  return rows.map(({ bids, sentBy, ...r }) => ({
    ...r,
    sentByName: sentBy.name,
    vendorNames: bids.map((b) => b.bid.vendor.name).sort(),
  }));
}

/** The invitations of the tender that name the actor's own company's bid; nobody else's. */
export async function findOwnInvitations(actor: Actor, tenderId: string) {
  if (!actor.vendorId) return [];
  return db.evaluationInvitation.findMany({
    where: { tenderId, bids: { some: { bid: { vendorId: actor.vendorId } } } },
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    select: INVITATION,
  });
}

export type InvitationView = Awaited<ReturnType<typeof findOwnInvitations>>[number] & {
  sentByName?: string;
  vendorNames?: string[];
};
