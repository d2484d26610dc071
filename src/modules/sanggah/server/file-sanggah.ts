import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { currentRound } from "../domain/closing";
import { checkSanggahFiling } from "../domain/filing-rules";
import { sanggahFiledMessage } from "../domain/messages";
import { fileSanggahSchema, type FileSanggahInput } from "../sanggah.schemas";
import { lockSanggahContext, throwUnlessOk } from "./sanggah-context";

/**
 * A bidder objects to the announced result (Perpres 16/2018 Pasal 50 as amended by
 * Perpres 12/2021): only a PENYEDIA user of a vendor with a SUBMITTED bid on the tender,
 * only inside the masa sanggah by the database clock, one sanggah per vendor for each
 * announcement. Documents are attached afterwards (/api/documents?sanggahId=…).
 */
export async function fileSanggah(actor: Actor, input: FileSanggahInput) {
  const { tenderId, body } = parseInput(fileSanggahSchema, input);
  const vendorId = actor.vendorId;
  if (!vendorId || !can(actor, "sanggah.file")) throw new AppError("FORBIDDEN", "sanggahNotBidder");
  return db.$transaction(async (tx) => {
    const { tender, rules, records, ref, pokjaUserIds } = await lockSanggahContext(tx, tenderId);
    if (tender.status !== "AWARDED" || !tender.announcedAt) throw new AppError("INVALID_STATE", "winnerNotAnnounced");
    const bid = await tx.bid.findFirst({
      where: { tenderId, vendorId, status: "SUBMITTED" },
      select: { id: true, vendor: { select: { name: true } } },
    });
    if (!bid) throw new AppError("FORBIDDEN", "sanggahNotBidder");
    const now = await dbNow(tx);
    throwUnlessOk(checkSanggahFiling(tender.announcedAt, rules, now), ref.timeZone);
    if (currentRound(records, tender.announcedAt).some((r) => r.kind === "SANGGAH" && r.vendorId === vendorId))
      throw new AppError("CONFLICT", "sanggahAlreadyFiled");
    const sanggah = await tx.sanggah.create({
      data: { tenderId, vendorId, bidId: bid.id, kind: "SANGGAH", body, filedAt: now },
      select: { id: true, filedAt: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "sanggah.filed",
      entityType: "Sanggah",
      entityId: sanggah.id,
      data: { tenderId, vendorId, body },
    });
    await notify(tx, { ...sanggahFiledMessage(ref, bid.vendor.name, body), userIds: pokjaUserIds });
    return sanggah;
  });
}
