import { describe, expect, it } from "vitest";
import { makeOpenedTender } from "@/tests/factories";
import { db } from "@/server/db";
import { passAllStages } from "../testing/evaluate";
import { rankTenderBids } from "./rank-bids";
import { recordEvaluation } from "./record-evaluation";

describe("rankTenderBids", () => {
  it("ranks the passing bids by lowest corrected price, ties by earlier submission, and audits", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [500n, 400n, 400n, 300n] });
    const [a, b, c, d] = bidders.map((x) => x.bid.id) as [string, string, string, string];
    for (const id of [a, b, c]) await passAllStages(pokja, tender.id, id);
    await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId: d,
      stage: "ADMINISTRASI",
      passed: false,
      reason: "Dokumen tidak lengkap sama sekali.",
    });
    expect(await rankTenderBids(pokja, { tenderId: tender.id })).toEqual([
      { bidId: b, rank: 1 },
      { bidId: c, rank: 2 },
      { bidId: a, rank: 3 },
    ]);
    expect((await db.bid.findUniqueOrThrow({ where: { id: d } })).rank).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "evaluation.ranked" } });
    expect(audit.actorId).toBe(pokja.userId);
  });

  it("stores the sistem nilai scores on the price evaluation", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      evaluationMethod: "SISTEM_NILAI",
      weights: { technical: 70, price: 30 },
      prices: [100n, 125n],
    });
    await passAllStages(pokja, tender.id, bidders[0]!.bid.id, { technicalScoreUnits: 70_000 });
    await passAllStages(pokja, tender.id, bidders[1]!.bid.id, { technicalScoreUnits: 90_000 });
    expect((await rankTenderBids(pokja, { tenderId: tender.id })).map((r) => r.bidId)).toEqual([
      bidders[1]!.bid.id,
      bidders[0]!.bid.id,
    ]);
    const harga = await db.evaluation.findUniqueOrThrow({
      where: { bidId_stage: { bidId: bidders[1]!.bid.id, stage: "HARGA" } },
    });
    expect([harga.priceScore?.toString(), harga.score?.toString()]).toEqual(["80", "87"]);
  });

  it("refuses while a bid is undecided, and changes nothing", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n, 200n] });
    await passAllStages(pokja, tender.id, bidders[0]!.bid.id);
    await expect(rankTenderBids(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "evaluationIncomplete",
      values: { count: 1 },
    });
    expect(await db.bid.count({ where: { rank: { not: null } } })).toBe(0);
  });

  it("refuses a PPK and a vendor", async () => {
    const { ppk, tender, bidders } = await makeOpenedTender();
    for (const actor of [ppk, bidders[0]!.actor])
      await expect(rankTenderBids(actor, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
