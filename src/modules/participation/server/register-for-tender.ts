import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { findBidDeadline } from "@/modules/tenders/domain";
import { assertQualifiedForTenderCepat } from "@/modules/tenders";
import { assertVendorVerified } from "@/modules/vendors";
import { assertMayBid } from "@/modules/seleksi";
import { assertNotBlacklisted } from "@/modules/blacklist";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { registrationRefusal } from "../domain/registration";

/**
 * A PENYEDIA user of a verified company registers it as a participant of an announced
 * tender, before the bid deadline by the database clock. Registering again returns the
 * first registration unchanged (a double click or a retry on a slow line is harmless).
 */
export async function registerForTender(
  actor: Actor,
  input: { tenderId: string },
): Promise<{ registeredAt: Date; isNew: boolean }> {
  return db.$transaction(async (tx) => {
    const vendor = await assertVendorVerified(actor, tx);
    // FOR SHARE: a Pokja closing or cancelling the tender waits for this registration.
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Tender" WHERE id = ${input.tenderId}::uuid FOR SHARE`;
    if (!locked) throw new AppError("NOT_FOUND");
    const tender = await tx.tender.findUniqueOrThrow({
      where: { id: input.tenderId },
      select: {
        id: true,
        code: true,
        status: true,
        method: true,
        stages: { where: { kind: "UPLOAD_PENAWARAN" }, select: { kind: true, startsAt: true, endsAt: true } },
      },
    });
    const existing = await tx.tenderParticipant.findUnique({
      where: { tenderId_vendorId: { tenderId: tender.id, vendorId: vendor.id } },
      select: { registeredAt: true },
    });
    if (existing) return { registeredAt: existing.registeredAt, isNew: false };

    const now = await dbNow(tx);
    const refusal = registrationRefusal(tender.status, findBidDeadline(tender.stages), now, tender.method);
    if (refusal === "tenderNotPublic") throw new AppError("NOT_FOUND");
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    await assertQualifiedForTenderCepat(tx, tender.id, vendor.id, now);
    await assertMayBid(tx, tender.id, vendor.id);
    // daftar hitam (Perpres 16/2018 Pasal 78): a sanctioned company cannot register
    await assertNotBlacklisted(tx, vendor.id, "participate", actor.locale);

    // ON CONFLICT DO NOTHING: of two clicks racing each other, the second simply finds the first.
    const { count } = await tx.tenderParticipant.createMany({
      data: { tenderId: tender.id, vendorId: vendor.id, registeredAt: now },
      skipDuplicates: true,
    });
    if (count === 0) {
      const first = await tx.tenderParticipant.findUniqueOrThrow({
        where: { tenderId_vendorId: { tenderId: tender.id, vendorId: vendor.id } },
        select: { registeredAt: true },
      });
      return { registeredAt: first.registeredAt, isNew: false };
    }
    await recordAuditEvent(tx, {
      actor,
      action: "tender.participantRegistered",
      entityType: "Tender",
      entityId: tender.id,
      data: { code: tender.code, vendorId: vendor.id, vendorName: vendor.name, registeredAt: now.toISOString() },
    });
    return { registeredAt: now, isNew: true };
  });
}
