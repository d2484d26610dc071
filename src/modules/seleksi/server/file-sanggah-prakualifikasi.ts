import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { sanggahPrakualifikasiFiledMessage } from "../domain/messages";
import { checkSanggahWindow } from "../domain/windows";
import { fileSanggahPrakualifikasiSchema, type FileSanggahPrakualifikasiInput } from "../seleksi.schemas";
import { lockSeleksiForVendor, pokjaUserIdsOf, tenderRefOf } from "./seleksi-context";

/**
 * An applicant of the round in force objects to the announced prakualifikasi result
 * (Perlem LKPP 12/2021 Lampiran II: sanggah prakualifikasi), inside the
 * SANGGAH_PRAKUALIFIKASI stage by the database clock, once per announcement. It is a
 * Sanggah row of its own kind, with no bid; there is no banding for a seleksi.
 */
export async function fileSanggahPrakualifikasi(actor: Actor, input: FileSanggahPrakualifikasiInput) {
  const { tenderId, body } = parseInput(fileSanggahPrakualifikasiSchema, input);
  const vendorId = actor.vendorId;
  if (!vendorId || !can(actor, "sanggah.file")) throw new AppError("FORBIDDEN", "seleksi.notApplicant");
  return db.$transaction(async (tx) => {
    // FOR UPDATE: two filings of one company take turns, so the second sees the first
    await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
    const tender = await lockSeleksiForVendor(tx, tenderId);
    const application = await tx.prequalificationApplication.findUnique({
      where: { tenderId_vendorId_round: { tenderId, vendorId, round: tender.prequalificationRound } },
      select: { vendor: { select: { name: true } } },
    });
    if (!application) throw new AppError("FORBIDDEN", "seleksi.notApplicant");
    const now = await dbNow(tx);
    const refusal = checkSanggahWindow(tender.stages, tender.shortlistAnnouncedAt, now);
    if (refusal) throw new AppError("INVALID_STATE", `seleksi.${refusal}`);
    const filed = await tx.sanggah.count({
      where: { tenderId, vendorId, kind: "SANGGAH_PRAKUALIFIKASI", filedAt: { gte: tender.shortlistAnnouncedAt! } },
    });
    if (filed > 0) throw new AppError("CONFLICT", "seleksi.sanggahAlreadyFiled");
    const sanggah = await tx.sanggah.create({
      data: { tenderId, vendorId, kind: "SANGGAH_PRAKUALIFIKASI", body, filedAt: now },
      select: { id: true, filedAt: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "sanggah.prakualifikasiFiled",
      entityType: "Sanggah",
      entityId: sanggah.id,
      data: { tenderId, vendorId, round: tender.prequalificationRound, body },
    });
    const message = sanggahPrakualifikasiFiledMessage(tenderRefOf(tender), application.vendor.name, body);
    await notify(tx, { ...message, userIds: pokjaUserIdsOf(tender) });
    return sanggah;
  });
}
