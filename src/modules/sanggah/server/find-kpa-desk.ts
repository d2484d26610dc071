import "server-only";
import { agenciesFor, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { answerRoundStart, isInAnswerRound } from "../domain/answer-round";
import { bandingAnswerDeadline } from "../domain/windows";

/**
 * The PA/KPA's desk: sanggah banding to answer and penunjukan langsung requests to
 * decide, in the agencies where the actor holds KPA. Oldest first: deadlines run.
 */
export async function findKpaDesk(actor: Actor) {
  const bandingAgencies = agenciesFor(actor, "sanggahBanding.answer");
  const plAgencies = agenciesFor(actor, "penunjukanLangsung.approve");
  const [bandings, requests] = await Promise.all([
    db.sanggah.findMany({
      // AWARDED, or back in evaluation after another objection of the round was accepted (answer-round.ts)
      where: {
        kind: "SANGGAH_BANDING",
        answeredAt: null,
        tender: { status: { in: ["AWARDED", "EVALUATION"] }, paket: { agencyId: { in: bandingAgencies } } },
      },
      orderBy: { filedAt: "asc" },
      select: {
        id: true,
        body: true,
        bondAmount: true,
        filedAt: true,
        appealOfId: true,
        vendor: { select: { name: true } },
        documents: { select: { id: true, fileName: true } },
        tender: {
          select: {
            id: true,
            code: true,
            status: true,
            announcedAt: true,
            paket: { select: { name: true, agency: { select: { timeZone: true } } } },
            procedure: { select: { bandingAnswerDays: true } },
            awardWithdrawals: { orderBy: { withdrawnAt: "desc" }, take: 1, select: { announcedAt: true } },
          },
        },
      },
    }),
    db.penunjukanLangsung.findMany({
      where: { decision: null, failedTender: { paket: { agencyId: { in: plAgencies } } } },
      orderBy: { requestedAt: "asc" },
      select: {
        id: true,
        justification: true,
        vendorId: true,
        requestedAt: true,
        failedTender: {
          select: {
            code: true,
            endReason: true,
            paket: { select: { name: true, agency: { select: { timeZone: true } } } },
          },
        },
      },
    }),
  ]);
  const appealed = await db.sanggah.findMany({
    where: { id: { in: bandings.flatMap((b) => (b.appealOfId ? [b.appealOfId] : [])) } },
    select: { id: true, body: true, answer: true },
  });
  const vendors = await db.vendor.findMany({
    where: { id: { in: requests.flatMap((r) => (r.vendorId ? [r.vendorId] : [])) } },
    select: { id: true, name: true },
  });
  return {
    bandings: bandings
      .filter((b) => isInAnswerRound(b.filedAt, answerRoundStart(b.tender, b.tender.awardWithdrawals[0] ?? null)))
      .map((b) => ({
        ...b,
        appealed: appealed.find((s) => s.id === b.appealOfId) ?? null,
        answerDeadline: bandingAnswerDeadline(b.filedAt, b.tender.procedure),
      })),
    requests: requests.map((r) => ({ ...r, vendorName: vendors.find((v) => v.id === r.vendorId)?.name ?? null })),
  };
}
