import "server-only";
import { hasRole, type Actor } from "@/modules/auth/domain";
import { findBidDeadline } from "@/modules/tenders/domain";
import { db, dbNow } from "@/server/db";
import { registrationRefusal } from "../domain/registration";

export type RegistrationState =
  { kind: "anonymous" | "notVendor" | "notVerified" | "closed" | "open" } | { kind: "registered"; registeredAt: Date };

/**
 * What the announcement page offers this visitor: only a read, for the button. The
 * registration itself checks everything again (register-for-tender.ts).
 */
export async function getRegistrationState(actor: Actor | null, tenderId: string): Promise<RegistrationState> {
  if (!actor) return { kind: "anonymous" };
  if (!hasRole(actor, "PENYEDIA") || !actor.vendorId) return { kind: "notVendor" };
  const [vendor, tender, participant, now] = await Promise.all([
    db.vendor.findUnique({ where: { id: actor.vendorId }, select: { status: true } }),
    db.tender.findUnique({
      where: { id: tenderId },
      select: {
        status: true,
        method: true,
        stages: { where: { kind: "UPLOAD_PENAWARAN" }, select: { kind: true, startsAt: true, endsAt: true } },
      },
    }),
    db.tenderParticipant.findUnique({
      where: { tenderId_vendorId: { tenderId, vendorId: actor.vendorId } },
      select: { registeredAt: true },
    }),
    dbNow(),
  ]);
  if (participant) return { kind: "registered", registeredAt: participant.registeredAt };
  if (!tender || registrationRefusal(tender.status, findBidDeadline(tender.stages), now, tender.method))
    return { kind: "closed" };
  if (vendor?.status !== "VERIFIED") return { kind: "notVerified" };
  return { kind: "open" };
}
