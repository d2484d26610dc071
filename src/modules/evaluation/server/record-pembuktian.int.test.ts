import { describe, expect, it } from "vitest";
import { makeOpenedTender } from "@/tests/factories";
import { db } from "@/server/db";
import { passAllStages } from "../testing/evaluate";
import { rankTenderBids } from "./rank-bids";
import { recordEvaluation } from "./record-evaluation";
import { recordLowPriceClarification } from "./record-low-price-clarification";
import { recordPembuktian } from "./record-pembuktian";

const REASON = "Dokumen asli sesuai dengan yang diunggah.";

describe("recordPembuktian", () => {
  it("records pembuktian of a ranked bid with who and when", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n] });
    const bidId = bidders[0]!.bid.id;
    await passAllStages(pokja, tender.id, bidId);
    await rankTenderBids(pokja, { tenderId: tender.id });
    await recordPembuktian(pokja, { tenderId: tender.id, bidId, passed: true, reason: REASON });
    expect(
      await db.evaluation.findUniqueOrThrow({ where: { bidId_stage: { bidId, stage: "PEMBUKTIAN" } } }),
    ).toMatchObject({ passed: true, reason: REASON, decidedById: pokja.userId });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "evaluation.recorded", data: { path: ["stage"], equals: "PEMBUKTIAN" } },
    });
    expect(audit).toMatchObject({ actorId: pokja.userId, data: expect.objectContaining({ rank: 1, passed: true }) });
  });

  it("refuses a bid that did not pass every stage, and one not yet ranked", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n, 200n] });
    await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId: bidders[0]!.bid.id,
      stage: "ADMINISTRASI",
      passed: false,
      reason: "Dokumen tidak lengkap sama sekali.",
    });
    await expect(
      recordPembuktian(pokja, { tenderId: tender.id, bidId: bidders[0]!.bid.id, passed: true, reason: REASON }),
    ).rejects.toMatchObject({ messageKey: "pembuktianNotEligible" });
    await passAllStages(pokja, tender.id, bidders[1]!.bid.id);
    await expect(
      recordPembuktian(pokja, { tenderId: tender.id, bidId: bidders[1]!.bid.id, passed: true, reason: REASON }),
    ).rejects.toMatchObject({ messageKey: "rankingRequired" });
    expect(await db.evaluation.count({ where: { stage: "PEMBUKTIAN" } })).toBe(0);
  });

  it("refuses to pass a flagged low bid before its clarification, then accepts it", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      category: "PEKERJAAN_KONSTRUKSI",
      hps: 1000n,
      prices: [700n],
    });
    const bidId = bidders[0]!.bid.id;
    await passAllStages(pokja, tender.id, bidId);
    await rankTenderBids(pokja, { tenderId: tender.id });
    await expect(
      recordPembuktian(pokja, { tenderId: tender.id, bidId, passed: true, reason: REASON }),
    ).rejects.toMatchObject({ messageKey: "clarificationRequired" });
    await recordLowPriceClarification(pokja, {
      tenderId: tender.id,
      bidId,
      clarification: "Harga satuan didukung kontrak pemasok semen dan baja yang dilampirkan.",
    });
    await recordPembuktian(pokja, { tenderId: tender.id, bidId, passed: true, reason: REASON });
  });
});

describe("recordLowPriceClarification", () => {
  const TEXT = "Penyedia menunjukkan faktur pembelian material dengan harga di bawah pasar.";

  it("records the clarification of a flagged bid and audits who and when", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      category: "PEKERJAAN_KONSTRUKSI",
      hps: 1000n,
      prices: [799n],
    });
    const bidId = bidders[0]!.bid.id;
    await passAllStages(pokja, tender.id, bidId);
    await recordLowPriceClarification(pokja, { tenderId: tender.id, bidId, clarification: TEXT });
    expect((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).lowPriceClarification).toBe(TEXT);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "evaluation.clarificationRecorded" } });
    expect(audit).toMatchObject({
      actorId: pokja.userId,
      data: expect.objectContaining({ bidId, decidedById: pokja.userId }),
    });
  });

  it("refuses a bid that is not flagged, and a PPK", async () => {
    const { pokja, ppk, tender, bidders } = await makeOpenedTender({
      category: "PEKERJAAN_KONSTRUKSI",
      hps: 1000n,
      prices: [800n],
    });
    const bidId = bidders[0]!.bid.id;
    await passAllStages(pokja, tender.id, bidId);
    await expect(
      recordLowPriceClarification(pokja, { tenderId: tender.id, bidId, clarification: TEXT }),
    ).rejects.toMatchObject({ messageKey: "clarificationNotNeeded" });
    await expect(
      recordLowPriceClarification(ppk, { tenderId: tender.id, bidId, clarification: TEXT }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).lowPriceClarification).toBeNull();
  });
});
