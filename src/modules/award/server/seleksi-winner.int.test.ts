import { describe, expect, it } from "vitest";
import { makeAwardReadyTender } from "@/modules/evaluation/testing/evaluate";
import { makeSeleksiTender, openPrices, passPriceAndRank, passTechnical } from "@/modules/evaluation/testing/seleksi";
import { recordNegotiation } from "@/modules/evaluation/server/record-negotiation";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { reopenEvaluation } from "@/modules/evaluation/server/reopen-evaluation";
import { sendEvaluationInvitation } from "@/modules/evaluation/server/send-evaluation-invitation";
import { db, dbNow } from "@/server/db";
import { setWinnerByMajority } from "../testing/set-winner-by-majority";
import { awardedPrice } from "./awarded-price";
import { proposeWinner } from "./propose-winner";

const MINUTES = "Klarifikasi dan negosiasi teknis dan biaya telah dilaksanakan bersama penyedia.";

/**
 * Biaya terendah: a (900 jt, technical 90) and b (850 jt, technical 80) ranked b, a. No
 * pembuktian is recorded: a seleksi's firms proved their qualification in the prakualifikasi
 * (both shortlisted, unless `notShortlisted` names them by index).
 */
async function ranked(notShortlisted: number[] = []) {
  const ctx = await makeSeleksiTender("BIAYA_TERENDAH", { prices: [900_000_000n, 850_000_000n], notShortlisted });
  const [a, b] = ctx.bidders.map((x) => x.bid.id) as [string, string];
  await passTechnical(ctx.pokja, ctx.tender.id, a, 90_000);
  await passTechnical(ctx.pokja, ctx.tender.id, b, 80_000);
  await openPrices([a, b]);
  await passPriceAndRank(ctx.pokja, ctx.tender.id, [a, b]);
  return { ...ctx, a, b };
}

const agree = (ctx: Awaited<ReturnType<typeof ranked>>, bidId: string, agreedPrice: bigint) =>
  recordNegotiation(ctx.pokja, { tenderId: ctx.tender.id, bidId, outcome: "AGREED", agreedPrice, minutes: MINUTES });

describe("the winner of a seleksi", () => {
  it("is refused before a negotiation agreed", async () => {
    const { pokja, tender } = await ranked();
    await expect(proposeWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "consultancy.negotiationNotAgreed",
    });
    expect(await db.winnerProposal.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("is the bidder whose negotiation agreed, at the agreed price, which the award's price then is", async () => {
    const ctx = await ranked();
    await agree(ctx, ctx.b, 800_000_000n);
    const proposal = await setWinnerByMajority(ctx);
    const stored = await db.winnerProposal.findUniqueOrThrow({ where: { id: proposal.proposalId } });
    expect(stored.winnerBidId).toBe(ctx.b);
    expect(stored.basis).toMatchObject({
      negotiatedPrice: "800000000",
      reserve1BidId: ctx.a,
      // the pembuktian it rests on is the prakualifikasi's, not a PEMBUKTIAN decision
      prakualifikasi: { round: 1, passedBidIds: expect.arrayContaining([ctx.a, ctx.b]) },
    });
    expect(await db.evaluation.count({ where: { tenderId: ctx.tender.id, stage: "PEMBUKTIAN" } })).toBe(0);
    expect(await awardedPrice(db, ctx.tender.id)).toBe(800_000_000n);
  });

  it("passes over a bidder whose negotiation failed: the next, agreed, wins", async () => {
    const ctx = await ranked();
    await recordNegotiation(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: ctx.b,
      outcome: "FAILED",
      agreedPrice: null,
      minutes: MINUTES,
    });
    await recordNegotiation(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: ctx.a,
      outcome: "AGREED",
      agreedPrice: 880_000_000n,
      minutes: MINUTES,
    });
    const proposal = await setWinnerByMajority(ctx);
    const stored = await db.winnerProposal.findUniqueOrThrow({ where: { id: proposal.proposalId } });
    expect(stored).toMatchObject({ winnerBidId: ctx.a, reserve1BidId: null });
    expect(await awardedPrice(db, ctx.tender.id)).toBe(880_000_000n);
  });
});

describe("pembuktian in a seleksi is its prakualifikasi", () => {
  it("passes over a bidder whose firm is not on the shortlist of the round in force", async () => {
    const ctx = await ranked([0]);
    await agree(ctx, ctx.b, 800_000_000n);
    const proposal = await setWinnerByMajority(ctx);
    const stored = await db.winnerProposal.findUniqueOrThrow({ where: { id: proposal.proposalId } });
    // a (ranked second) would be reserve 1 had its firm been on the shortlist
    expect(stored).toMatchObject({ winnerBidId: ctx.b, reserve1BidId: null });
    expect(stored.basis).toMatchObject({ prakualifikasi: { round: 1, passedBidIds: [ctx.b] } });
  });

  it("refuses a PEMBUKTIAN decision or a pembuktian invitation on a seleksi; nothing is written", async () => {
    const { pokja, tender, a } = await ranked();
    const before = await db.auditEvent.count();
    await expect(
      recordPembuktian(pokja, { tenderId: tender.id, bidId: a, passed: true, reason: "Dokumen asli sesuai." }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "pembuktianInPrakualifikasi" });
    const at = new Date((await dbNow()).getTime() + 24 * 3_600_000);
    const invite = { tenderId: tender.id, bidIds: [a], at, place: "Ruang rapat ULP", note: "Dokumen asli." };
    await expect(sendEvaluationInvitation(pokja, { ...invite, kind: "PEMBUKTIAN" })).rejects.toMatchObject({
      messageKey: "pembuktianInPrakualifikasi",
    });
    await expect(
      reopenEvaluation(pokja, { tenderId: tender.id, fromStage: "PEMBUKTIAN", reason: "Sanggah tentang kualifikasi." }),
    ).rejects.toMatchObject({ messageKey: "pembuktianInPrakualifikasi" });
    expect(await db.evaluation.count({ where: { tenderId: tender.id, stage: "PEMBUKTIAN" } })).toBe(0);
    expect(await db.evaluationInvitation.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
    // klarifikasi is still an invitation a seleksi sends
    await expect(sendEvaluationInvitation(pokja, { ...invite, kind: "KLARIFIKASI" })).resolves.toBeTruthy();
  });
});

describe("a tender (pascakualifikasi) keeps its own pembuktian", () => {
  it("rests on the recorded PEMBUKTIAN decisions, with no prakualifikasi in its basis", async () => {
    const ctx = await makeAwardReadyTender();
    const proposal = await db.winnerProposal.findFirstOrThrow({ where: { tenderId: ctx.tender.id } });
    expect(proposal.basis).not.toHaveProperty("prakualifikasi");
    expect(await db.evaluation.count({ where: { tenderId: ctx.tender.id, stage: "PEMBUKTIAN" } })).toBe(2);
  });
});
