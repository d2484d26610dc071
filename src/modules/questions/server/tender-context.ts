import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/modules/auth/domain";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";

/** What the question, answer and addendum use cases need to know about a tender. */
export const TENDER_CONTEXT = {
  id: true,
  code: true,
  status: true,
  paket: { select: { name: true, agency: { select: { timeZone: true } } } },
  stages: { orderBy: { position: "asc" }, select: { kind: true, startsAt: true, endsAt: true } },
} satisfies Prisma.TenderSelect;

export type TenderContext = Prisma.TenderGetPayload<{ select: typeof TENDER_CONTEXT }>;

/** The short form the notification texts take. */
export const tenderRef = (t: TenderContext) => ({
  id: t.id,
  code: t.code,
  name: t.paket.name,
  timeZone: t.paket.agency.timeZone,
});

/**
 * The vendor side of a tender: a PENYEDIA user of a VERIFIED vendor that registered for
 * this announced tender (TenderParticipant). Anyone else is refused with a reason, since
 * the tender itself is public and there is nothing to hide about its existence.
 */
export async function assertParticipant(
  client: Db | Tx,
  actor: Actor,
  tenderId: string,
): Promise<{ vendorId: string }> {
  if (!can(actor, "tender.askQuestion") || !actor.vendorId) throw new AppError("FORBIDDEN");
  // one after another: a transaction's queries share one connection
  const tender = await client.tender.findUnique({ where: { id: tenderId }, select: { status: true } });
  const vendor = await client.vendor.findUnique({ where: { id: actor.vendorId }, select: { status: true } });
  const participant = await client.tenderParticipant.findUnique({
    where: { tenderId_vendorId: { tenderId, vendorId: actor.vendorId } },
    select: { vendorId: true },
  });
  if (!tender || tender.status === "DRAFT") throw new AppError("NOT_FOUND");
  if (vendor?.status !== "VERIFIED") throw new AppError("FORBIDDEN", "vendorNotVerifiedForTender");
  if (!participant) throw new AppError("FORBIDDEN", "notRegisteredForTender");
  return { vendorId: actor.vendorId };
}
