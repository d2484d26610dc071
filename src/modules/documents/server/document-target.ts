import "server-only";
import type { DocumentKind } from "@/generated/prisma/enums";
import { type Actor, can, hasRole } from "@/modules/auth/domain";
import { authorizeCancellationDocument } from "@/modules/cancellation";
import { authorizeSanggahDocument } from "@/modules/sanggah";
import { findBidDeadline } from "@/modules/tenders/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";

export type DocumentTarget =
  | { paketId: string }
  | { tenderId: string }
  | { nonTenderRecordId: string }
  | { vendorId: string }
  | { sanggahId: string };

const PAKET_KINDS: DocumentKind[] = ["KAK", "SPESIFIKASI", "RANCANGAN_KONTRAK", "LAINNYA"];
const TENDER_KINDS: DocumentKind[] = ["DOKUMEN_PEMILIHAN", "LAINNYA"];
const NON_TENDER_KINDS: DocumentKind[] = ["RANCANGAN_KONTRAK", "BERITA_ACARA", "LAINNYA"];

/**
 * May the actor attach a document of `kind` to `target` now? Answers before a byte of the
 * upload is read. Returns the foreign keys to store on the Document row.
 */
export async function authorizeDocumentTarget(actor: Actor, target: DocumentTarget, kind: DocumentKind) {
  if ("paketId" in target) {
    const paket = await db.paket.findUnique({
      where: { id: target.paketId },
      select: { id: true, agencyId: true, status: true },
    });
    if (!paket || !can(actor, "paket.edit", { agencyId: paket.agencyId })) throw new AppError("NOT_FOUND");
    if (!PAKET_KINDS.includes(kind)) throw new AppError("VALIDATION", "documentKindNotAllowed");
    if (paket.status !== "DRAFT" && paket.status !== "HANDED_OVER") throw new AppError("INVALID_STATE", "paketLocked");
    return { paketId: paket.id };
  }
  if ("tenderId" in target) {
    // tender batal: the letters a cancellation rests on (src/modules/cancellation)
    if (kind === "PEMBATALAN") return authorizeCancellationDocument(actor, target.tenderId);
    const tender = await db.tender.findUnique({
      where: { id: target.tenderId },
      select: {
        id: true,
        status: true,
        paket: { select: { agencyId: true } },
        pokja: { select: { members: { select: { userId: true } } } },
      },
    });
    const isMember = tender?.pokja?.members.some((m) => m.userId === actor.userId) ?? false;
    if (!tender || !isMember || !can(actor, "tender.setup", { agencyId: tender.paket.agencyId }))
      throw new AppError("NOT_FOUND");
    if (kind === "ADENDUM") return authorizeAddendum(tender);
    if (!TENDER_KINDS.includes(kind)) throw new AppError("VALIDATION", "documentKindNotAllowed");
    if (tender.status !== "DRAFT") throw new AppError("INVALID_STATE", "tenderNotDraft");
    return { tenderId: tender.id };
  }
  // a sanggah's or banding's evidence, by its filing vendor (src/modules/sanggah)
  if ("sanggahId" in target) return authorizeSanggahDocument(actor, target.sanggahId, kind);
  if ("vendorId" in target) {
    // A company's own documents (deed scans, permits, NPWP card), for the Verifikator:
    // only the PENYEDIA users of that company attach them, whatever its status.
    if (!hasRole(actor, "PENYEDIA") || actor.vendorId !== target.vendorId) throw new AppError("NOT_FOUND");
    if (kind !== "DOKUMEN_PENYEDIA") throw new AppError("VALIDATION", "documentKindNotAllowed");
    return { vendorId: target.vendorId };
  }
  const record = await db.nonTenderRecord.findUnique({
    where: { id: target.nonTenderRecordId },
    select: { id: true, agencyId: true },
  });
  if (!record || !can(actor, "nonTender.record", { agencyId: record.agencyId })) throw new AppError("NOT_FOUND");
  if (!NON_TENDER_KINDS.includes(kind)) throw new AppError("VALIDATION", "documentKindNotAllowed");
  return { nonTenderRecordId: record.id };
}

/**
 * An addendum file may be attached to an announced tender until the bid deadline by the
 * database clock (src/modules/addenda publishes it). It is public from the upload on:
 * bidders must be able to read every change to the selection documents.
 */
async function authorizeAddendum(tender: { id: string; status: string }) {
  if (tender.status !== "PUBLISHED") throw new AppError("INVALID_STATE", "tenderNotPublished");
  const stages = await db.tenderStage.findMany({
    where: { tenderId: tender.id },
    select: { kind: true, startsAt: true, endsAt: true },
  });
  const deadline = findBidDeadline(stages);
  if (!deadline || (await dbNow()).getTime() >= deadline.getTime())
    throw new AppError("INVALID_STATE", "addendumAfterDeadline");
  return { tenderId: tender.id, isPublic: true };
}
