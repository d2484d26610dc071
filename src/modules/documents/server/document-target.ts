import "server-only";
import type { DocumentKind } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain/permissions";
import { can } from "@/modules/auth/domain/permissions";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export type DocumentTarget = { paketId: string } | { tenderId: string } | { nonTenderRecordId: string };

const PAKET_KINDS: DocumentKind[] = ["KAK", "SPESIFIKASI", "RANCANGAN_KONTRAK", "LAINNYA"];
const TENDER_KINDS: DocumentKind[] = ["DOKUMEN_PEMILIHAN", "LAINNYA"];
const NON_TENDER_KINDS: DocumentKind[] = ["RANCANGAN_KONTRAK", "BERITA_ACARA", "LAINNYA"];

/**
 * May the actor attach a document of `kind` to `target` now? Answers before a byte of the
 * upload is read. Returns the foreign keys to store on the Document row.
 */
export async function authorizeDocumentTarget(actor: Actor, target: DocumentTarget, kind: DocumentKind) {
  if ("paketId" in target) {
    const paket = await db.paket.findUnique({ where: { id: target.paketId }, select: { id: true, agencyId: true, status: true } });
    if (!paket || !can(actor, "paket.edit", { agencyId: paket.agencyId })) throw new AppError("NOT_FOUND");
    if (!PAKET_KINDS.includes(kind)) throw new AppError("VALIDATION", "documentKindNotAllowed");
    if (paket.status !== "DRAFT" && paket.status !== "HANDED_OVER") throw new AppError("INVALID_STATE", "paketLocked");
    return { paketId: paket.id };
  }
  if ("tenderId" in target) {
    const tender = await db.tender.findUnique({
      where: { id: target.tenderId },
      select: { id: true, status: true, paket: { select: { agencyId: true } }, pokja: { select: { members: { select: { userId: true } } } } },
    });
    const isMember = tender?.pokja?.members.some((m) => m.userId === actor.userId) ?? false;
    if (!tender || !isMember || !can(actor, "tender.setup", { agencyId: tender.paket.agencyId })) throw new AppError("NOT_FOUND");
    if (!TENDER_KINDS.includes(kind)) throw new AppError("VALIDATION", "documentKindNotAllowed");
    if (tender.status !== "DRAFT") throw new AppError("INVALID_STATE", "tenderNotDraft");
    return { tenderId: tender.id };
  }
  const record = await db.nonTenderRecord.findUnique({ where: { id: target.nonTenderRecordId }, select: { id: true, agencyId: true } });
  if (!record || !can(actor, "nonTender.record", { agencyId: record.agencyId })) throw new AppError("NOT_FOUND");
  if (!NON_TENDER_KINDS.includes(kind)) throw new AppError("VALIDATION", "documentKindNotAllowed");
  return { nonTenderRecordId: record.id };
}
