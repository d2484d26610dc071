import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { notifyTenderParticipants } from "@/modules/notifications";
import { applyTenderEvent, lockPokjaTender } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { hasAcceptedObjection } from "@/modules/sanggah";
import { checkDeclareFailed } from "../domain/failure-rules";
import { tenderFailedMessage } from "../domain/messages";
import { declareTenderFailedSchema, type DeclareTenderFailedInput } from "../failure.schemas";
import { parseInput, TENDER_REF_SELECT, tenderRef } from "./parse-input";

/**
 * A member of the tender's Pokja declares it failed (Perpres 16/2018 Pasal 51 as
 * amended by Perpres 12/2021). The reason is published as the tender's endReason: the
 * bidders and the public are owed it. The worker stops looking at the tender.
 */
export async function declareTenderFailed(actor: Actor, input: DeclareTenderFailedInput) {
  const { tenderId, kind, reason } = parseInput(declareTenderFailedSchema, input);
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, tenderId, "tender.evaluate", {
      ...TENDER_REF_SELECT,
      status: true,
      openedAt: true,
      announcedAt: true,
    });
    const check = checkDeclareFailed(
      { ...tender, hasAcceptedObjection: await hasAcceptedObjection(tx, tenderId, tender.announcedAt) },
      kind,
    );
    if (!check.ok) throw new AppError("INVALID_STATE", check.key);
    const now = await dbNow(tx);
    await applyTenderEvent(tx, tenderId, { kind: "failed", failureKind: kind, endReason: reason }, { actor, now });
    await notifyTenderParticipants(tx, tenderId, tenderFailedMessage(tenderRef(tender), reason));
    return { id: tenderId, failedAt: now };
  });
}
