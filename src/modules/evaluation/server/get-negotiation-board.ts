import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { negotiationStage, negotiationStanding } from "./negotiation-standing";

/**
 * The negotiation panel of the Pokja's evaluation page: null on a tender that does not
 * negotiate here; otherwise the order, the records so far and whose turn it is (or why
 * nobody's yet: the ranking is missing).
 */
export async function getNegotiationBoard(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.evaluate");
  return db.$transaction(async (tx) => {
    const tender = await tx.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: {
        id: true,
        evaluationMethod: true,
        technicalPassingGrade: true,
        procedure: { select: { technicalPassingGrade: true } },
      },
    });
    const stage = await negotiationStage(tx, tender);
    if (!stage) return null;
    const grade = tender.technicalPassingGrade ?? tender.procedure.technicalPassingGrade;
    const standing = await negotiationStanding(tx, { ...tender, technicalPassingGrade: grade }).catch((e: unknown) => {
      if (e instanceof AppError && e.messageKey === "consultancy.negotiationNotRanked") return null;
      throw e;
    });
    return { stage, standing };
  });
}
