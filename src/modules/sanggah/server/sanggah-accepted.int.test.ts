import { describe, expect, it } from "vitest";
import { announceWinner } from "@/modules/award/server/announce-winner";
import { setWinnerByMajority } from "@/modules/award/testing/set-winner-by-majority";
import { makeAwardReadyTender } from "@/modules/evaluation/testing/evaluate";
import { recordEvaluation } from "@/modules/evaluation/server/record-evaluation";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { reopenEvaluation } from "@/modules/evaluation/server/reopen-evaluation";
import { declareTenderFailed } from "@/modules/failure/server/declare-tender-failed";
import { issueSppbj } from "@/modules/sppbj/server/issue-sppbj";
import { actorFor, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { answerSanggah } from "./answer-sanggah";
import { answerSanggahBanding } from "./answer-sanggah-banding";
import { fileSanggah } from "./file-sanggah";
import { fileSanggahBanding } from "./file-sanggah-banding";
import { findKpaDesk } from "./find-kpa-desk";

const BODY = "Harga penawaran pemenang tidak memenuhi ketentuan HPS setelah koreksi aritmatik.";
const ACCEPT = "Setelah diperiksa ulang, koreksi aritmatik harga pemenang memang keliru; sanggah diterima.";
const REJECT = "Evaluasi teknis penyanggah sudah sesuai dengan dokumen pemilihan; sanggah ditolak.";
const REOPEN = "Evaluasi ulang tahap harga karena sanggah atas koreksi aritmatik diterima.";
const FAIL = "Setelah sanggah diterima, tidak ada penawaran yang dapat ditetapkan sebagai pemenang.";

/** An announced tender (two bids, the cheaper one won) with a sanggah filed by each bidder. */
async function announcedWithSanggahs(options: Parameters<typeof makeAwardReadyTender>[0] = {}) {
  const ctx = await makeAwardReadyTender(options);
  const { announcedAt } = await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
  const [winner, loser] = ctx.bidders;
  const byLoser = await fileSanggah(loser!.actor, { tenderId: ctx.tender.id, body: BODY });
  const byWinner = await fileSanggah(winner!.actor, { tenderId: ctx.tender.id, body: BODY });
  return { ...ctx, announcedAt, byLoser, byWinner, winner: winner!, loser: loser! };
}

const tenderOf = (id: string) =>
  db.tender.findUniqueOrThrow({
    where: { id },
    select: { status: true, winnerBidId: true, reserve1BidId: true, awardedAt: true, announcedAt: true },
  });

describe("an accepted sanggah", () => {
  it("withdraws the award in the answer's transaction: EVALUATION, winner cleared, kept as a withdrawal, audited, participants told", async () => {
    const ctx = await announcedWithSanggahs();
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "ACCEPTED", answer: ACCEPT });

    expect(await tenderOf(ctx.tender.id)).toEqual({
      status: "EVALUATION",
      winnerBidId: null,
      reserve1BidId: null,
      awardedAt: null,
      announcedAt: null,
    });
    expect(await db.awardWithdrawal.findFirstOrThrow({ where: { tenderId: ctx.tender.id } })).toMatchObject({
      winnerBidId: ctx.winner.bid.id,
      announcedAt: ctx.announcedAt,
      sanggahId: ctx.byLoser.id,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.awardWithdrawn", entityId: ctx.tender.id },
    });
    expect(audit).toMatchObject({
      actorId: ctx.pokja.userId,
      data: expect.objectContaining({
        fromStatus: "AWARDED",
        toStatus: "EVALUATION",
        sanggahId: ctx.byLoser.id,
        withdrawnWinnerBidId: ctx.winner.bid.id,
      }),
    });
    const told = await db.notification.findMany({ where: { kind: "tender.awardWithdrawn" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual(ctx.bidders.map((b) => b.user.id).sort());

    // the other sanggah of the same round is still answered (and an acceptance withdraws nothing twice)
    expect(
      await answerSanggah(ctx.pokja, { sanggahId: ctx.byWinner.id, verdict: "REJECTED", answer: REJECT }),
    ).toMatchObject({ decision: "REJECTED" });
    expect(await db.awardWithdrawal.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "tender.awardWithdrawn" } })).toBe(1);
  });

  it("a rejection leaves the award standing", async () => {
    const ctx = await announcedWithSanggahs();
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "REJECTED", answer: REJECT });
    expect(await tenderOf(ctx.tender.id)).toMatchObject({ status: "AWARDED", winnerBidId: ctx.winner.bid.id });
    expect(await db.awardWithdrawal.count()).toBe(0);
  });

  it("an accepted banding withdraws the award too", async () => {
    const ctx = await announcedWithSanggahs({ category: "PEKERJAAN_KONSTRUKSI", hps: 1_000_000_000n });
    const kpa = actorFor(await makeUser([{ role: "KPA", agencyId: ctx.agency.id }]));
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "REJECTED", answer: REJECT });
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byWinner.id, verdict: "REJECTED", answer: REJECT });
    const banding = await fileSanggahBanding(ctx.loser.actor, {
      sanggahId: ctx.byLoser.id,
      body: BODY,
      bondConfirmed: true,
    });
    await answerSanggahBanding(kpa, { bandingId: banding.id, verdict: "ACCEPTED", answer: ACCEPT });
    expect(await tenderOf(ctx.tender.id)).toMatchObject({ status: "EVALUATION", winnerBidId: null });
    expect(await db.awardWithdrawal.findFirstOrThrow({ where: { tenderId: ctx.tender.id } })).toMatchObject({
      sanggahId: banding.id,
    });
    expect(await db.auditEvent.count({ where: { action: "tender.awardWithdrawn", actorId: kpa.userId } })).toBe(1);
  });

  it("the KPA still answers a pending banding after another sanggah of the round was accepted", async () => {
    const ctx = await announcedWithSanggahs({ category: "PEKERJAAN_KONSTRUKSI", hps: 1_000_000_000n });
    const kpa = actorFor(await makeUser([{ role: "KPA", agencyId: ctx.agency.id }]));
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "REJECTED", answer: REJECT });
    const banding = await fileSanggahBanding(ctx.loser.actor, {
      sanggahId: ctx.byLoser.id,
      body: BODY,
      bondConfirmed: true,
    });
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byWinner.id, verdict: "ACCEPTED", answer: ACCEPT });
    expect(await tenderOf(ctx.tender.id)).toMatchObject({ status: "EVALUATION" });
    expect((await findKpaDesk(kpa)).bandings.map((b) => b.id)).toEqual([banding.id]);
    expect(
      await answerSanggahBanding(kpa, { bandingId: banding.id, verdict: "REJECTED", answer: REJECT }),
    ).toMatchObject({ decision: "REJECTED" });
    expect(await db.awardWithdrawal.count()).toBe(1);
  });
});

describe("evaluasi ulang, then the normal path again", () => {
  it("reopens from harga: harga and pembuktian superseded and kept, earlier stages stand; re-award, re-announce once the old round is answered, the old round no longer blocks, SPPBJ", async () => {
    const ctx = await announcedWithSanggahs();
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "ACCEPTED", answer: ACCEPT });
    const before = await db.evaluation.findMany({ where: { tenderId: ctx.tender.id }, orderBy: { id: "asc" } });

    const { reopeningId, superseded } = await reopenEvaluation(ctx.pokja, {
      tenderId: ctx.tender.id,
      fromStage: "HARGA",
      reason: REOPEN,
    });
    const kept = await db.evaluation.findMany({ where: { tenderId: ctx.tender.id }, select: { stage: true } });
    expect(new Set(kept.map((e) => e.stage))).toEqual(new Set(["ADMINISTRASI", "KUALIFIKASI", "TEKNIS"]));
    const moved = await db.supersededEvaluation.findMany({ where: { reopeningId }, orderBy: { id: "asc" } });
    expect(moved).toHaveLength(superseded);
    const { reopeningId: _r, ...first } = moved[0]!;
    expect(before.find((e) => e.id === first.id)).toEqual(first);
    expect(new Set(moved.map((e) => e.stage))).toEqual(new Set(["HARGA", "PEMBUKTIAN"]));
    expect(
      await db.bid.count({
        where: { tenderId: ctx.tender.id, OR: [{ rank: { not: null } }, { correctedPrice: { not: null } }] },
      }),
    ).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.evaluationReopened", entityId: ctx.tender.id },
    });
    expect(audit.data).toMatchObject({ fromStage: "HARGA", sanggahId: ctx.byLoser.id, reopeningId });
    expect(await tenderOf(ctx.tender.id)).toMatchObject({ status: "EVALUATION", awardedAt: null });

    // harga again: the winner's corrected price is now above HPS, so the other bid wins
    const [winner, loser] = ctx.bidders;
    await recordEvaluation(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: winner!.bid.id,
      stage: "HARGA",
      passed: true,
      reason: "Koreksi aritmatik ulang.",
      correctedPrice: 1_100_000_000n,
    });
    await recordEvaluation(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: loser!.bid.id,
      stage: "HARGA",
      passed: true,
      reason: "Memenuhi syarat tahap harga.",
    });
    await rankTenderBids(ctx.pokja, { tenderId: ctx.tender.id });
    await recordPembuktian(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: loser!.bid.id,
      passed: true,
      reason: "Dokumen asli sesuai dengan yang diunggah.",
    });
    await setWinnerByMajority(ctx);
    await expect(
      reopenEvaluation(ctx.pokja, { tenderId: ctx.tender.id, fromStage: "HARGA", reason: REOPEN }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "winnerAlreadySet" });
    expect(await tenderOf(ctx.tender.id)).toMatchObject({ winnerBidId: loser!.bid.id });

    // the winner's sanggah of the withdrawn round still waits: a new announcement would close its round
    const announcements = () => db.auditEvent.count({ where: { action: "tender.winnerAnnounced" } });
    const announcedOnce = await announcements();
    await expect(announceWinner(ctx.pokja, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "announceObjectionsUnanswered",
    });
    expect(await tenderOf(ctx.tender.id)).toMatchObject({ status: "EVALUATION", announcedAt: null });
    expect(await announcements()).toBe(announcedOnce);
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byWinner.id, verdict: "REJECTED", answer: REJECT });
    const second = await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
    expect(second.announcedAt.getTime()).toBeGreaterThan(ctx.announcedAt.getTime());

    // the new masa sanggah: the winner of the first round may object again, in this round
    const again = await fileSanggah(winner!.actor, { tenderId: ctx.tender.id, body: BODY });
    await answerSanggah(ctx.pokja, { sanggahId: again.id, verdict: "REJECTED", answer: REJECT });
    const ppk = ctx.ppk;
    await expect(issueSppbj(ppk, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "sppbjSanggahFilingOpen",
    });

    // six days on: the new window is over; the accepted sanggah of the withdrawn round no longer blocks
    const shift = 6 * 86_400_000;
    await db.$executeRaw`UPDATE "Tender" SET "awardedAt" = "awardedAt" - ${shift} * interval '1 millisecond', "announcedAt" = "announcedAt" - ${shift} * interval '1 millisecond' WHERE id = ${ctx.tender.id}::uuid`;
    await db.$executeRaw`UPDATE "Sanggah" SET "filedAt" = "filedAt" - ${shift} * interval '1 millisecond', "answeredAt" = "answeredAt" - ${shift} * interval '1 millisecond' WHERE "tenderId" = ${ctx.tender.id}::uuid`;
    // the masa sanggah stage the announcement set moves with it (the windows honour its end)
    await db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = "startsAt" - ${shift} * interval '1 millisecond', "endsAt" = "endsAt" - ${shift} * interval '1 millisecond' WHERE "tenderId" = ${ctx.tender.id}::uuid AND kind = 'MASA_SANGGAH'`;
    expect(await issueSppbj(ppk, { tenderId: ctx.tender.id })).toMatchObject({ letterNumber: expect.any(String) });
    expect(
      await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id }, select: { status: true, winnerBidId: true } }),
    ).toEqual({ status: "COMPLETED", winnerBidId: loser!.bid.id });
  });

  it("refuses a reopening by a non-member or the PPK, before any acceptance, with a short reason, or from a stage nobody decided; nothing written", async () => {
    const ctx = await announcedWithSanggahs();
    const input = { tenderId: ctx.tender.id, fromStage: "TEKNIS" as const, reason: REOPEN };
    await expect(reopenEvaluation(ctx.pokja, input)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "reopenNeedsAcceptedSanggah",
    });
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "ACCEPTED", answer: ACCEPT });
    const outsider = actorFor(await makeUser([{ role: "POKJA", agencyId: ctx.agency.id }]));
    await expect(reopenEvaluation(outsider, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reopenEvaluation(ctx.ppk, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reopenEvaluation(ctx.pokja, { ...input, reason: "singkat" })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "reasonTooShort",
    });
    await reopenEvaluation(ctx.pokja, { ...input, fromStage: "PEMBUKTIAN" });
    await expect(reopenEvaluation(ctx.pokja, { ...input, fromStage: "PEMBUKTIAN" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "reopenNothingDecided",
    });
    expect(await db.evaluationReopening.count()).toBe(1);
    expect(await db.supersededEvaluation.count()).toBe(2);
    expect(await db.evaluation.count({ where: { tenderId: ctx.tender.id } })).toBe(8);
    expect(await db.auditEvent.count({ where: { action: "tender.evaluationReopened" } })).toBe(1);
  });
});

describe("decisions after a withdrawal", () => {
  it("change only through a reopening, and only from the reopened stage on; nothing written on refusal", async () => {
    const ctx = await announcedWithSanggahs();
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "ACCEPTED", answer: ACCEPT });
    const [winner] = ctx.bidders;
    const decide = (stage: "TEKNIS" | "HARGA") =>
      recordEvaluation(ctx.pokja, {
        tenderId: ctx.tender.id,
        bidId: winner!.bid.id,
        stage,
        passed: false,
        reason: "Diubah tanpa evaluasi ulang.",
      });
    await expect(decide("HARGA")).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "evaluationStageNotReopened",
    });
    await expect(
      recordPembuktian(ctx.pokja, {
        tenderId: ctx.tender.id,
        bidId: winner!.bid.id,
        passed: false,
        reason: "Diubah tanpa evaluasi ulang.",
      }),
    ).rejects.toMatchObject({ messageKey: "evaluationStageNotReopened" });
    await reopenEvaluation(ctx.pokja, { tenderId: ctx.tender.id, fromStage: "HARGA", reason: REOPEN });
    await expect(decide("TEKNIS")).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "evaluationStageNotReopened",
    });
    expect(await db.evaluation.count({ where: { bidId: winner!.bid.id, stage: "TEKNIS", passed: true } })).toBe(1);
    expect(await decide("HARGA")).toMatchObject({ passed: false });
  });
});

describe("tender gagal after an accepted sanggah", () => {
  it("is declared from EVALUATION after the acceptance, with a public reason", async () => {
    const ctx = await announcedWithSanggahs();
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "ACCEPTED", answer: ACCEPT });
    await declareTenderFailed(ctx.pokja, { tenderId: ctx.tender.id, kind: "NOBODY_PASSES", reason: FAIL });
    expect(
      await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id }, select: { status: true, endReason: true } }),
    ).toEqual({ status: "FAILED", endReason: FAIL });
  });

  it("is refused while the announced award stands unchallenged; nothing written", async () => {
    const ctx = await announcedWithSanggahs();
    await answerSanggah(ctx.pokja, { sanggahId: ctx.byLoser.id, verdict: "REJECTED", answer: REJECT });
    await expect(
      declareTenderFailed(ctx.pokja, { tenderId: ctx.tender.id, kind: "NOBODY_PASSES", reason: FAIL }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "failAfterAwardNeedsAcceptedSanggah" });
    expect(await tenderOf(ctx.tender.id)).toMatchObject({ status: "AWARDED" });
    expect(await db.auditEvent.count({ where: { action: "tender.failed" } })).toBe(0);
  });

  it("is declared from AWARDED when an objection of the round was accepted before the award could be withdrawn", async () => {
    // a tender answered before this release: AWARDED with an accepted sanggah of its round
    const ctx = await announcedWithSanggahs();
    await db.sanggah.update({
      where: { id: ctx.byLoser.id },
      data: { decision: "ACCEPTED", answer: ACCEPT, answeredAt: new Date(), answeredById: ctx.pokja.userId },
    });
    await declareTenderFailed(ctx.pokja, { tenderId: ctx.tender.id, kind: "OTHER", reason: FAIL });
    expect(await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id }, select: { status: true } })).toEqual({
      status: "FAILED",
    });
  });
});
