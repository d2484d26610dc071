import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { findParticipantUserIds, notify } from "@/modules/notifications";
import { assertNotBlacklisted } from "@/modules/blacklist";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { penunjukanInvitationMessage } from "../domain/messages";
import { loadPenunjukanRun } from "./load-penunjukan-run";

/**
 * Publishing a penunjukan langsung is its undangan (Perlem LKPP 12/2021 Lampiran II): in
 * the publication's transaction the chosen vendor, still VERIFIED, becomes the tender's
 * one participant (nobody else may register: participation/domain/registration.ts, and a
 * trigger in PostgreSQL) and is told the documents and the offer window.
 */
export async function invitePenunjukanVendor(tx: Tx, tenderId: string, actor: Actor, now: Date): Promise<void> {
  const run = await loadPenunjukanRun(tx, tenderId);
  if (!run.vendorId) throw new AppError("INVALID_STATE", "plVendorMissing");
  const vendor = await tx.vendor.findUniqueOrThrow({
    where: { id: run.vendorId },
    select: { id: true, name: true, status: true },
  });
  if (vendor.status !== "VERIFIED") throw new AppError("INVALID_STATE", "plVendorNotVerified");
  // daftar hitam: a vendor sanctioned since it was named is not invited (Perpres 16/2018 Pasal 78)
  await assertNotBlacklisted(tx, vendor.id, "choose", actor.locale);
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
      stages: { where: { kind: "UPLOAD_PENAWARAN" }, select: { startsAt: true, endsAt: true } },
    },
  });
  const window = tender.stages[0];
  if (!window) throw new AppError("INVALID_STATE", "plNoOfferStage");
  await tx.tenderParticipant.create({ data: { tenderId, vendorId: vendor.id, registeredAt: now } });
  await recordAuditEvent(tx, {
    actor,
    action: "tender.participantInvited",
    entityType: "Tender",
    entityId: tenderId,
    data: {
      code: tender.code,
      requestId: run.id,
      vendorId: vendor.id,
      vendorName: vendor.name,
      registeredAt: now.toISOString(),
    },
  });
  const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone };
  await notify(tx, {
    ...penunjukanInvitationMessage(ref, window),
    userIds: await findParticipantUserIds(tx, tenderId),
  });
}
