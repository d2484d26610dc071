import { describe, expect, it } from "vitest";
import { makeSeleksiTender, openPrices, passPriceAndRank, passTechnical } from "@/modules/evaluation/testing/seleksi";
import { recordNegotiation } from "@/modules/evaluation/server/record-negotiation";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { db } from "@/server/db";
import { setWinnerByMajority } from "../testing/set-winner-by-majority";
import { awardedPrice } from "./awarded-price";
import { proposeWinner } from "./propose-winner";

const MINUTES = "Klarifikasi dan negosiasi teknis dan biaya telah dilaksanakan bersama penyedia.";

/** Biaya terendah: a (900 jt, technical 90) and b (850 jt, technical 80) ranked b, a; both proven. */
async function ranked() {
  const ctx = await makeSeleksiTender("BIAYA_TERENDAH", { prices: [900_000_000n, 850_000_000n] });
  const [a, b] = ctx.bidders.map((x) => x.bid.id) as [string, string];
  await passTechnical(ctx.pokja, ctx.tender.id, a, 90_000);
  await passTechnical(ctx.pokja, ctx.tender.id, b, 80_000);
  await openPrices([a, b]);
  await passPriceAndRank(ctx.pokja, ctx.tender.id, [a, b]);
  for (const bidId of [a, b])
    await recordPembuktian(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId,
      passed: true,
      reason: "Dokumen asli sesuai dengan yang diunggah.",
    });
  return { ...ctx, a, b };
}

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
    await recordNegotiation(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: ctx.b,
      outcome: "AGREED",
      agreedPrice: 800_000_000n,
      minutes: MINUTES,
    });
    const proposal = await setWinnerByMajority(ctx);
    const stored = await db.winnerProposal.findUniqueOrThrow({ where: { id: proposal.proposalId } });
    expect(stored.winnerBidId).toBe(ctx.b);
    expect(stored.basis).toMatchObject({ negotiatedPrice: "800000000", reserve1BidId: ctx.a });
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
