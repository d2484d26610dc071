import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { createOpeningKey } from "@/modules/bids";
import { invitePenunjukanVendor } from "@/modules/penunjukan";
import { publishChecklist, toFieldErrors } from "../domain/publish-checklist";
import { applyTenderEvent } from "./apply-tender-event";
import { lockPokjaTender } from "./load-pokja-tender";
import { loadStages } from "./tender-stages";

/**
 * Announces a draft tender. The checklist runs on the saved set-up at the database's
 * time; if anything is missing, nothing changes and every missing item is named. From
 * here the schedule worker moves the tender along (nextCheckAt).
 */
export async function publishTender(actor: Actor, input: { tenderId: string }) {
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, input.tenderId, "tender.publish", {
      id: true,
      code: true,
      status: true,
      paketId: true,
      qualification: true,
      method: true,
      requiredKbli: true,
      requiredPermits: true,
      evaluationMethod: true,
      technicalWeight: true,
      priceWeight: true,
      bidSecurityAmount: true,
      paket: { select: { category: true, hps: true } },
      pokja: { select: { _count: { select: { members: true } } } },
      _count: { select: { documents: { where: { kind: "DOKUMEN_PEMILIHAN" } } } },
    });
    if (tender.status !== "DRAFT") throw new AppError("INVALID_STATE", "tenderAlreadyPublished");

    const now = await dbNow(tx);
    const stages = await loadStages(tx, tender.id);
    const missing = publishChecklist(
      {
        category: tender.paket.category,
        hps: tender.paket.hps,
        selectionDocumentCount: tender._count.documents,
        qualification: tender.qualification,
        evaluationMethod: tender.evaluationMethod,
        technicalWeight: tender.technicalWeight,
        priceWeight: tender.priceWeight,
        bidSecurityAmount: tender.bidSecurityAmount,
        stages,
        pokjaMemberCount: tender.pokja?._count.members ?? 0,
        method: tender.method,
        requirementCount: tender.requiredKbli.length + tender.requiredPermits.length,
      },
      now,
    );
    if (missing.length)
      throw new AppError("VALIDATION", "publishIncomplete", { count: missing.length }, toFieldErrors(missing));

    // Bids are sealed to this key from the first upload on; its private part exists only
    // as shares held by the Pokja members (docs/decisions/0005-sealed-bids.md).
    await createOpeningKey(tx, tender.id, actor);
    await tx.paket.update({ where: { id: tender.paketId }, data: { status: "IN_SELECTION" } });
    // The announcement makes the selection documents and the paket's KAK/spec public.
    const documents = await tx.document.updateMany({
      where: { OR: [{ tenderId: tender.id }, { paketId: tender.paketId }] },
      data: { isPublic: true },
    });
    await applyTenderEvent(
      tx,
      tender.id,
      { kind: "published" },
      { actor, now, audit: { code: tender.code, publicDocuments: documents.count } },
    );
    // a penunjukan langsung's publication is the invitation of its one vendor (docs/decisions/0027)
    if (tender.method === "PENUNJUKAN_LANGSUNG") await invitePenunjukanVendor(tx, tender.id, actor, now);
    return { id: tender.id, publishedAt: now };
  });
}
