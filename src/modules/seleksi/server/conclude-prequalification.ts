import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertNotBlacklisted } from "@/modules/blacklist";
import { refuseDeadlinesInMaintenance } from "@/modules/availability";
import { parseInput } from "@/modules/failure";
import { notifyEach, notifyTenderParticipants } from "@/modules/notifications";
import { vendorUserIds } from "@/modules/sanggah";
import { applyStageMoves, applyTenderEvent, describeMove } from "@/modules/tenders";
import { dbNow, type Tx } from "@/server/db";
import { inPdfTransaction } from "@/server/pdf";
import { AppError } from "@/server/errors";
import {
  prequalificationFailedMessage,
  prequalificationRepeatedMessage,
  shortlistResultMessage,
} from "../domain/messages";
import { repeatSchedule } from "../domain/repeat-schedule";
import { announcesShortlist, prequalificationOutcome, rankShortlist } from "../domain/shortlist";
import { checkDecisionWindow } from "../domain/windows";
import {
  CONCLUDE_REASON_MIN,
  concludePrequalificationSchema,
  type ConcludePrequalificationInput,
} from "../seleksi.schemas";
import { lockSeleksiForPokja, tenderRefOf, type SeleksiTender } from "./seleksi-context";
import { writePrequalificationBa } from "./write-prequalification-ba";

/**
 * The Pokja ends the round once every application is decided; the outcome rule
 * (domain/shortlist.ts, Perlem LKPP 12/2021 Lampiran II, figures from the procedure) says
 * what follows, never the Pokja's choice:
 * - enough passed (or, after the repeat, the fewest that may go on): the shortlist is
 *   announced (the lifecycle's shortlistAnnounced), each applicant told its result;
 * - too few with a repeat left: prakualifikasi ulang, the stages moved in public with the
 *   reason, round + 1 (prequalificationRepeated), the participants told;
 * - too few after the repeat: the seleksi fails (PREQUALIFICATION_FAILED); with one passing
 *   firm the failure module lets the Pokja ask for penunjukan langsung of it.
 * Every outcome writes its Berita Acara Hasil Prakualifikasi in the same transaction, its
 * SHA-256 in the outcome's audit event; a later conclusion (after an accepted sanggah
 * prakualifikasi withdrew the shortlist, or in the repeat's round) writes a new one beside it.
 */
export async function concludePrequalification(actor: Actor, input: ConcludePrequalificationInput) {
  const { tenderId, reason } = parseInput(concludePrequalificationSchema, input);
  // every conclusion draws its Berita Acara Hasil Prakualifikasi (a PDF) in the transaction
  return inPdfTransaction(async (tx, files) => {
    const tender = await lockSeleksiForPokja(tx, actor, tenderId, "tender.evaluate");
    const now = await dbNow(tx);
    const refusal = checkDecisionWindow(tender.stages, tender.shortlistAnnouncedAt, now);
    if (refusal) throw new AppError("INVALID_STATE", `seleksi.${refusal}`);
    const round = tender.prequalificationRound;
    const applications = await tx.prequalificationApplication.findMany({
      where: { tenderId, round },
      select: {
        id: true,
        vendorId: true,
        passed: true,
        score: true,
        submittedAt: true,
        reason: true,
        decidedById: true,
        decidedAt: true,
      },
    });
    const undecided = applications.filter((a) => a.passed === null).length;
    if (undecided > 0) throw new AppError("INVALID_STATE", "seleksi.undecided", { count: undecided });
    const decided = applications.map((a) => ({ ...a, score: a.score === null ? null : Number(a.score) }));
    const passing = decided.filter((a) => a.passed === true);
    // a firm passed before its daftar hitam entry is not shortlisted: the Pokja decides it again (Perpres 16/2018 Pasal 78)
    for (const a of passing) await assertNotBlacklisted(tx, a.vendorId, "choose", actor.locale);
    const outcome = prequalificationOutcome(passing.length, round, tender.procedure);
    const announces = announcesShortlist(outcome);
    if (!announces && !reason) throw new AppError("VALIDATION", "seleksi.reasonRequired", { min: CONCLUDE_REASON_MIN });
    const shortlist = announces ? rankShortlist(decided, tender.procedure.shortlistMax) : [];

    // the Berita Acara Hasil Prakualifikasi of every outcome, in this transaction (Perlem LKPP 12/2021 Lampiran II)
    const ba = await writePrequalificationBa(tx, actor, tender, {
      applications: decided,
      shortlist,
      outcome: outcome.kind,
      passing: passing.length,
      reason: announces ? null : (reason ?? null),
      now,
    });
    files.keep(ba.discard);
    const audit = {
      round,
      outcome: outcome.kind,
      passing: passing.length,
      basis: tender.procedure.seleksiBasis,
      rule: ba.rule,
      beritaAcara: { documentId: ba.document.id, sha256: ba.document.sha256 },
    };
    const result = { outcome: outcome.kind, shortlist, beritaAcaraId: ba.document.id };

    if (announces) {
      await tx.prequalificationApplication.updateMany({ where: { tenderId, round }, data: { shortlisted: false } });
      await tx.prequalificationApplication.updateMany({
        where: { id: { in: shortlist } },
        data: { shortlisted: true },
      });
      await applyTenderEvent(
        tx,
        tenderId,
        { kind: "shortlistAnnounced" },
        { actor, now, audit: { ...audit, shortlist } },
      );
      await tellApplicants(tx, tender, decided, new Set(shortlist));
      return result;
    }
    if (outcome.kind === "repeat") {
      await repeat(tx, actor, tender, reason!, now, audit);
      return result;
    }
    // too few even after the repeat (Perlem LKPP 12/2021 Lampiran II): the seleksi fails
    const event = { kind: "failed", failureKind: "PREQUALIFICATION_FAILED", endReason: reason! } as const;
    const onlyFirm = outcome.kind === "failedOneLeft" ? passing[0]!.vendorId : null;
    await applyTenderEvent(tx, tenderId, event, { actor, now, audit: { ...audit, onlyPassingVendorId: onlyFirm } });
    await notifyTenderParticipants(tx, tenderId, prequalificationFailedMessage(tenderRefOf(tender), reason!));
    return result;
  });
}

async function repeat(
  tx: Tx,
  actor: Actor,
  tender: SeleksiTender,
  reason: string,
  now: Date,
  audit: Record<string, unknown>,
) {
  const moves = repeatSchedule(tender.stages, now);
  await refuseDeadlinesInMaintenance(
    tx,
    moves.map((m) => ({ kind: m.stage.kind, endsAt: m.endsAt })),
    { now, timeZone: tender.paket.agency.timeZone, fieldOf: () => "reason" },
  );
  await applyStageMoves(tx, tender.id, tender.stages, moves, { reason, changedById: actor.userId, changedAt: now });
  await applyTenderEvent(
    tx,
    tender.id,
    { kind: "prequalificationRepeated" },
    { actor, now, audit: { ...audit, reason, moves: moves.map(describeMove) } },
  );
  const message = prequalificationRepeatedMessage(tenderRefOf(tender), tender.prequalificationRound + 1, reason);
  await notifyTenderParticipants(tx, tender.id, message);
}

/** Each applicant hears its own result: on the shortlist, or not with the Pokja's reason. */
async function tellApplicants(
  tx: Tx,
  tender: SeleksiTender,
  applications: readonly { vendorId: string; reason: string | null; id: string }[],
  shortlist: ReadonlySet<string>,
) {
  const ref = tenderRefOf(tender);
  const messages = [];
  for (const a of applications) {
    const message = shortlistResultMessage(ref, shortlist.has(a.id), shortlist.has(a.id) ? null : a.reason);
    for (const userId of await vendorUserIds(tx, a.vendorId)) messages.push({ ...message, userId });
  }
  await notifyEach(tx, messages);
}
