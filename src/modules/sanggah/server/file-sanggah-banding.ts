import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { kpaUserIds, parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkBandingFiling } from "../domain/filing-rules";
import { bandingFiledMessage } from "../domain/messages";
import { bandingBond } from "../domain/windows";
import { fileBandingSchema, type FileBandingInput } from "../sanggah.schemas";
import { lockSanggahContext, throwUnlessOk } from "./sanggah-context";

/**
 * Sanggah banding to the PA/KPA (Perpres 16/2018 Pasal 50 as amended by Perpres 12/2021;
 * construction only): the filer of a rejected sanggah appeals within its banding window,
 * with a bond of 1% of HPS that Segel computes and records and the vendor confirms it
 * has provided. The tender waits until the PA/KPA answers.
 */
export async function fileSanggahBanding(actor: Actor, input: FileBandingInput) {
  const { sanggahId, body } = parseInput(fileBandingSchema, input);
  const vendorId = actor.vendorId;
  if (!vendorId || !can(actor, "sanggah.file")) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const found = await tx.sanggah.findUnique({
      where: { id: sanggahId },
      select: { tenderId: true, vendorId: true, kind: true },
    });
    if (!found || found.vendorId !== vendorId || found.kind !== "SANGGAH") throw new AppError("NOT_FOUND");
    const { tender, rules, records, ref, pokjaUserIds } = await lockSanggahContext(tx, found.tenderId);
    if (tender.status !== "AWARDED" || !tender.announcedAt || !tender.paket.hps)
      throw new AppError("INVALID_STATE", "winnerNotAnnounced");
    const sanggah = records.find((r) => r.id === sanggahId)!;
    const now = await dbNow(tx);
    const hasBanding = records.some((r) => r.appealOfId === sanggahId);
    throwUnlessOk(checkBandingFiling({ ...sanggah, hasBanding }, tender.announcedAt, rules, now), ref.timeZone);
    const bondAmount = bandingBond(tender.paket.hps);
    const banding = await tx.sanggah.create({
      data: {
        tenderId: tender.id,
        vendorId,
        kind: "SANGGAH_BANDING",
        appealOfId: sanggahId,
        body,
        bondAmount,
        filedAt: now,
      },
      select: { id: true, filedAt: true, bondAmount: true, vendor: { select: { name: true } } },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "sanggah.bandingFiled",
      entityType: "Sanggah",
      entityId: banding.id,
      data: {
        tenderId: tender.id,
        appealOfId: sanggahId,
        body,
        bondAmount,
        hps: tender.paket.hps,
        bondConfirmed: true,
      },
    });
    const userIds = [...(await kpaUserIds(tx, tender.paket.agencyId)), ...pokjaUserIds];
    await notify(tx, { ...bandingFiledMessage(ref, banding.vendor.name), userIds });
    return { id: banding.id, filedAt: banding.filedAt, bondAmount: banding.bondAmount! };
  });
}
