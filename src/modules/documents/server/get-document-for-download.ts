import "server-only";
import { isUuid } from "@/lib/ids";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isQualificationEvidenceFor } from "./qualification-evidence";

/** A tender's berita acara (e.g. of the opening) is also for the vendors taking part in it. */
async function isBeritaAcaraParticipant(
  actor: Actor,
  document: { kind: string; tenderId: string | null },
): Promise<boolean> {
  if (document.kind !== "BERITA_ACARA" || !document.tenderId || !actor.vendorId) return false;
  const participant = await db.tenderParticipant.findUnique({
    where: { tenderId_vendorId: { tenderId: document.tenderId, vendorId: actor.vendorId } },
    select: { vendorId: true },
  });
  return participant !== null;
}

/** A contract's documents (e-Kontrak, decision 0042) are also for the contract's vendor. */
const CONTRACT_DOCUMENT_KINDS = ["KONTRAK", "SPMK", "BAST", "JAMINAN_PELAKSANAAN"];
async function isContractVendor(actor: Actor, document: { kind: string; tenderId: string | null }): Promise<boolean> {
  if (!CONTRACT_DOCUMENT_KINDS.includes(document.kind) || !document.tenderId || !actor.vendorId) return false;
  const contract = await db.contract.findUnique({ where: { tenderId: document.tenderId }, select: { vendorId: true } });
  return contract?.vendorId === actor.vendorId;
}

/**
 * A document anyone may download once it is public (announced tender documents); before
 * that only the agency's own staff and auditors. Vendor documents: their company too, and
 * the Verifikator, who checks them against the registration, and a tender's Pokja once the
 * vendor's opened qualification form names them as evidence. A tender's berita acara: its participants too;
 * its contract's documents: the contract's vendor too.
 */
export async function getDocumentForDownload(actor: Actor | null, id: string) {
  const document = isUuid(id)
    ? await db.document.findUnique({
        where: { id },
        select: {
          fileName: true,
          mimeType: true,
          sizeBytes: true,
          sha256: true,
          storageKey: true,
          isPublic: true,
          vendorId: true,
          kind: true,
          tenderId: true,
          paket: { select: { agencyId: true } },
          tender: { select: { paket: { select: { agencyId: true } } } },
          nonTenderRecord: { select: { agencyId: true } },
        },
      })
    : null;
  if (!document) throw new AppError("NOT_FOUND");
  if (document.isPublic) return document;
  if (!actor) throw new AppError("NOT_FOUND");
  const agencyId = document.paket?.agencyId ?? document.tender?.paket.agencyId ?? document.nonTenderRecord?.agencyId;
  const mayRead =
    can(actor, "report.readAll") ||
    (agencyId !== undefined && can(actor, "agency.readInternal", { agencyId })) ||
    (document.vendorId !== null && (actor.vendorId === document.vendorId || can(actor, "vendor.verify")));
  const isEvidence =
    !mayRead &&
    document.vendorId !== null &&
    can(actor, "tender.evaluate") &&
    (await isQualificationEvidenceFor(actor.userId, document.vendorId, id));
  if (
    !mayRead &&
    !isEvidence &&
    !(await isBeritaAcaraParticipant(actor, document)) &&
    !(await isContractVendor(actor, document))
  )
    throw new AppError("NOT_FOUND");
  return document;
}
