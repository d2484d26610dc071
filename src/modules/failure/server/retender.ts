import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { takeTenderCode } from "@/modules/handover";
import { applyTenderEvent, lockPokjaTender } from "@/modules/tenders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { retenderSchema } from "../failure.schemas";
import { parseInput } from "./parse-input";

/**
 * Tender ulang (Perpres 16/2018 Pasal 51 as amended): a member of the failed tender's
 * Pokja opens a new DRAFT tender of the same paket, procedure and Pokja, linked by
 * previousTenderId, with the set-up copied. It gets no schedule and no documents: the
 * Pokja sets a new schedule, uploads the (corrected) selection documents and publishes
 * through the normal set-up page. Once per failed tender: the row lock on the failed
 * tender makes two members take turns, and the second finds the first's draft.
 */
export async function retender(actor: Actor, input: { tenderId: string }) {
  const { tenderId } = parseInput(retenderSchema, input);
  return db.$transaction(async (tx) => {
    const failed = await lockPokjaTender(tx, actor, tenderId, "tender.setup", {
      id: true,
      code: true,
      status: true,
      paketId: true,
      method: true,
      pokjaId: true,
      procedureId: true,
      qualification: true,
      evaluationMethod: true,
      technicalWeight: true,
      priceWeight: true,
      bidSecurityAmount: true,
      paket: { select: { fiscalYear: true } },
      retenders: { select: { code: true } },
      penunjukanLangsung: { where: { OR: [{ decision: null }, { decision: "APPROVED" }] }, select: { id: true } },
    });
    if (failed.status !== "FAILED") throw new AppError("INVALID_STATE", "retenderNotFailed");
    if (failed.retenders.length) throw new AppError("CONFLICT", "retenderExists", { code: failed.retenders[0]!.code });
    if (failed.penunjukanLangsung.length) throw new AppError("INVALID_STATE", "plAlreadyRequested");
    const code = await takeTenderCode(tx, failed.paket.fiscalYear);
    const created = await tx.tender.create({
      data: {
        paketId: failed.paketId,
        code,
        method: failed.method,
        pokjaId: failed.pokjaId,
        procedureId: failed.procedureId,
        qualification: failed.qualification,
        evaluationMethod: failed.evaluationMethod,
        technicalWeight: failed.technicalWeight,
        priceWeight: failed.priceWeight,
        bidSecurityAmount: failed.bidSecurityAmount,
        previousTenderId: failed.id,
      },
      select: { id: true, code: true },
    });
    // recorded on the failed tender, which the new one repeats (the draft is created DRAFT)
    await applyTenderEvent(
      tx,
      failed.id,
      { kind: "retendered" },
      { actor, audit: { code: failed.code, retenderId: created.id, retenderCode: code } },
    );
    return created;
  });
}
