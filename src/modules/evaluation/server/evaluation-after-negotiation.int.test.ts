import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeSeleksiTender, openPrices, passPriceAndRank, passTechnical } from "../testing/seleksi";
import { recordEvaluation } from "./record-evaluation";
import { recordNegotiation } from "./record-negotiation";

const MINUTES = "Klarifikasi dan negosiasi teknis dan biaya telah dilaksanakan bersama penyedia.";

/**
 * Attack (issue 15, klarifikasi dan negosiasi): the Pokja agreed a price with the first ranked;
 * one member then re-decides that bid's price evaluation (a corrected offer under the agreed
 * price, or a fail) or another bid's, to move the turn or the award after the fact. The
 * evaluation the negotiation was held on stands once a negotiation is on record.
 */
describe("the evaluation after a negotiation", () => {
  it("refuses to change any bid's decision once a negotiation is recorded; nothing is written", async () => {
    const ctx = await makeSeleksiTender("BIAYA_TERENDAH", {
      hps: 1_000_000_000n,
      prices: [900_000_000n, 850_000_000n],
    });
    const [a, b] = ctx.bidders.map((x) => x.bid.id) as [string, string];
    await passTechnical(ctx.pokja, ctx.tender.id, a, 90_000);
    await passTechnical(ctx.pokja, ctx.tender.id, b, 80_000);
    await openPrices([a, b]);
    await passPriceAndRank(ctx.pokja, ctx.tender.id, [a, b]);
    await recordNegotiation(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: b,
      outcome: "AGREED",
      agreedPrice: 800_000_000n,
      minutes: MINUTES,
    });
    const before = await db.evaluation.findMany({ where: { tenderId: ctx.tender.id }, orderBy: { id: "asc" } });
    const ranks = await db.bid.findMany({ where: { tenderId: ctx.tender.id }, select: { id: true, rank: true } });
    const base = { tenderId: ctx.tender.id, reason: "Dievaluasi ulang setelah negosiasi selesai." };
    // the agreed bid's offer corrected below the agreed price
    await expect(
      recordEvaluation(ctx.pokja, { ...base, bidId: b, stage: "HARGA", passed: true, correctedPrice: 700_000_000n }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "evaluationAfterNegotiation" });
    // the agreed bid failed, or the other one's price moved under it
    await expect(
      recordEvaluation(ctx.pokja, { ...base, bidId: b, stage: "TEKNIS", passed: false }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(
      recordEvaluation(ctx.pokja, { ...base, bidId: a, stage: "HARGA", passed: true, correctedPrice: 600_000_000n }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.evaluation.findMany({ where: { tenderId: ctx.tender.id }, orderBy: { id: "asc" } })).toEqual(
      before,
    );
    expect(await db.bid.findMany({ where: { tenderId: ctx.tender.id }, select: { id: true, rank: true } })).toEqual(
      ranks,
    );
  });
});
