import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkAttachCancellationDocument } from "../domain/cancellation-rules";

/**
 * A letter or minutes for a cancellation (kind PEMBATALAN), attached to the tender by a
 * member of its Pokja while the tender can still be cancelled. Private until the
 * cancellation that cites it is recorded (cancel-tender.ts makes it public then).
 * Called by the document upload (documents/server/document-target.ts) before a byte is read.
 */
export async function authorizeCancellationDocument(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.cancel");
  const tender = await db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: { id: true, status: true } });
  const check = checkAttachCancellationDocument(tender.status);
  if (!check.ok) throw new AppError(check.code, check.key);
  return { tenderId: tender.id };
}

/** The cancellation letters of the actor's tender, oldest first, for the Pokja's form. */
export async function findCancellationDocuments(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.cancel");
  const rows = await db.document.findMany({
    where: { tenderId, kind: "PEMBATALAN" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, sizeBytes: true, isPublic: true },
  });
  return rows.map((d) => ({ ...d, sizeBytes: Number(d.sizeBytes) }));
}

/** A cancelled tender as its Pokja sees it afterwards: when, why, in the agency's zone. */
export async function getCancellation(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.cancel");
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { endReason: true, cancelledAt: true, paket: { select: { agency: { select: { timeZone: true } } } } },
  });
  return { endReason: tender.endReason, cancelledAt: tender.cancelledAt, timeZone: tender.paket.agency.timeZone };
}
