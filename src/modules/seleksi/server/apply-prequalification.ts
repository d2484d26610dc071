import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { assertNotBlacklisted } from "@/modules/blacklist";
import { parseInput } from "@/modules/failure";
import { buildQualificationForm } from "@/modules/qualification";
import { assertVendorVerified } from "@/modules/vendors";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkApplyWindow } from "../domain/windows";
import { applyPrequalificationSchema, type ApplyPrequalificationInput } from "../seleksi.schemas";
import { lockSeleksiForVendor, requirementsOf } from "./seleksi-context";

/**
 * A PENYEDIA user of a VERIFIED company not on the daftar hitam applies to a seleksi's
 * prakualifikasi (Perlem LKPP 12/2021 Lampiran II): during the PRAKUALIFIKASI stage by the
 * database clock, for the round in force, with its qualification form copied from its
 * verified profile (qualification module). The company is registered as a participant, as
 * registering for a tender does. Sending again before the stage ends replaces the form
 * (one application per company per round); the Pokja reads none before the stage ends.
 */
export async function applyPrequalification(actor: Actor, input: ApplyPrequalificationInput) {
  const { tenderId, qualification } = parseInput(applyPrequalificationSchema, input);
  if (!actor.vendorId || !can(actor, "prequalification.apply")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const vendor = await assertVendorVerified(actor, tx);
    const tender = await lockSeleksiForVendor(tx, tenderId);
    const now = await dbNow(tx);
    const refusal = checkApplyWindow(tender.stages, now);
    if (refusal) throw new AppError("INVALID_STATE", `seleksi.${refusal}`);
    await assertNotBlacklisted(tx, vendor.id);
    const form = await buildQualificationForm(tx, vendor.id, qualification, requirementsOf(tender));
    const round = tender.prequalificationRound;
    const key = { tenderId_vendorId_round: { tenderId, vendorId: vendor.id, round } };
    const earlier = await tx.prequalificationApplication.findUnique({ where: key, select: { id: true } });
    const data = { form: form as object, submittedById: actor.userId, submittedAt: now };
    const application = earlier
      ? await tx.prequalificationApplication.update({ where: key, data, select: { id: true } })
      : await tx.prequalificationApplication.create({
          data: { ...data, tenderId, vendorId: vendor.id, round },
          select: { id: true },
        });
    // a participant like any registered company (ON CONFLICT DO NOTHING: registered in round 1 already)
    await tx.tenderParticipant.createMany({
      data: { tenderId, vendorId: vendor.id, registeredAt: now },
      skipDuplicates: true,
    });
    await recordAuditEvent(tx, {
      actor,
      action: earlier ? "prequalification.replaced" : "prequalification.applied",
      entityType: "PrequalificationApplication",
      entityId: application.id,
      data: { tenderId, vendorId: vendor.id, vendorName: vendor.name, round, submittedAt: now.toISOString() },
    });
    return { id: application.id, round, submittedAt: now, replaced: Boolean(earlier) };
  });
}
