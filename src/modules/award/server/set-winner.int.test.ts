import { describe, expect, it } from "vitest";
import { makeOpenedTender } from "@/tests/factories";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { recordEvaluation } from "@/modules/evaluation/server/record-evaluation";
import { recordLowPriceClarification } from "@/modules/evaluation/server/record-low-price-clarification";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { passAllStages } from "@/modules/evaluation/testing/evaluate";
import { db, dbNow } from "@/server/db";
import { setWinner } from "./set-winner";

const PROOF = "Dokumen asli sesuai dengan yang diunggah.";

describe("setWinner", () => {
  it("names the best-ranked bid that passed pembuktian, reserves 1 and 2, and audits who and when", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [400n, 100n, 300n, 200n] });
    const [d, a, c, b] = bidders.map((x) => x.bid.id) as [string, string, string, string];
    for (const id of [a, b, c, d]) await passAllStages(pokja, tender.id, id);
    await rankTenderBids(pokja, { tenderId: tender.id });
    await recordPembuktian(pokja, { tenderId: tender.id, bidId: a, passed: false, reason: "Dokumen asli SBU tidak dapat ditunjukkan." });
    for (const id of [b, c, d]) await recordPembuktian(pokja, { tenderId: tender.id, bidId: id, passed: true, reason: PROOF });
    const before = await dbNow();
    expect(await setWinner(pokja, { tenderId: tender.id })).toMatchObject({ winnerBidId: b, reserve1BidId: c, reserve2BidId: d });
    const row = await db.tender.findUniqueOrThrow({ where: { id: tender.id } });
    expect(row).toMatchObject({ winnerBidId: b, reserve1BidId: c, reserve2BidId: d, status: "EVALUATION" });
    expect(row.awardedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.winnerSet" } });
    expect(audit).toMatchObject({ actorId: pokja.userId, data: expect.objectContaining({ winnerBidId: b, decidedById: pokja.userId, awardedAt: row.awardedAt!.toISOString() }) });
    // after penetapan the evaluation is fixed
    await expect(recordEvaluation(pokja, { tenderId: tender.id, bidId: a, stage: "HARGA", passed: true, reason: "Mencoba mengubah setelah penetapan." })).rejects.toMatchObject({ messageKey: "evaluationClosed" });
    await expect(setWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({ messageKey: "winnerAlreadySet" });
  });

  it("refuses before every stage is decided, and before pembuktian of the best-ranked", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n, 200n] });
    await passAllStages(pokja, tender.id, bidders[0]!.bid.id);
    await expect(setWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "evaluationIncomplete" });
    await passAllStages(pokja, tender.id, bidders[1]!.bid.id);
    await expect(setWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({ messageKey: "pembuktianPending", values: { rank: 1 } });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).awardedAt).toBeNull();
    expect(await db.bid.count({ where: { rank: { not: null } } })).toBe(0);
  });

  it("does not let a flagged construction bid win without a clarification", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ category: "PEKERJAAN_KONSTRUKSI", hps: 1000n, prices: [700n, 900n] });
    const [low, fair] = bidders.map((x) => x.bid.id) as [string, string];
    await passAllStages(pokja, tender.id, low);
    await passAllStages(pokja, tender.id, fair);
    await rankTenderBids(pokja, { tenderId: tender.id });
    // pembuktian of the low bid was recorded before a re-decided price flagged it
    await db.evaluation.create({ data: { tenderId: tender.id, bidId: low, stage: "PEMBUKTIAN", passed: true, reason: PROOF, decidedById: pokja.userId, decidedAt: await dbNow() } });
    await recordPembuktian(pokja, { tenderId: tender.id, bidId: fair, passed: true, reason: PROOF });
    await expect(setWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({ messageKey: "clarificationRequired" });
    await recordLowPriceClarification(pokja, { tenderId: tender.id, bidId: low, clarification: "Harga material dari pabrik sendiri; rincian biaya wajar dan dapat dipertanggungjawabkan." });
    expect(await setWinner(pokja, { tenderId: tender.id })).toMatchObject({ winnerBidId: low, reserve1BidId: fair });
  });

  it("tells the Pokja to declare the tender failed when nobody passes, naming the ground", async () => {
    const hps = 1000n;
    const all = await makeOpenedTender({ hps, prices: [1001n, 2000n] });
    for (const b of all.bidders) await passAllStages(all.pokja, all.tender.id, b.bid.id);
    await expect(setWinner(all.pokja, { tenderId: all.tender.id })).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "noWinnerAllAboveHps" });

    const mixed = await makeOpenedTender({ hps, prices: [900n, 2000n] });
    await recordEvaluation(mixed.pokja, { tenderId: mixed.tender.id, bidId: mixed.bidders[0]!.bid.id, stage: "ADMINISTRASI", passed: false, reason: "Surat penawaran tidak ditandatangani." });
    await passAllStages(mixed.pokja, mixed.tender.id, mixed.bidders[1]!.bid.id);
    await expect(setWinner(mixed.pokja, { tenderId: mixed.tender.id })).rejects.toMatchObject({ messageKey: "noWinnerNobodyPasses" });
    expect(await db.tender.count({ where: { awardedAt: { not: null } } })).toBe(0);
  });

  it("refuses a PPK, a vendor and a Pokja of another tender; and before the opening", async () => {
    const { ppk, tender, bidders } = await makeOpenedTender();
    const other = await makeOpenedTender();
    for (const actor of [ppk, bidders[0]!.actor, other.pokja]) await expect(setWinner(actor, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unopened = await makeOpenedTender({ opened: false });
    await expect(setWinner(unopened.pokja, { tenderId: unopened.tender.id })).rejects.toMatchObject({ messageKey: "evaluationNotOpened" });
    expect(await db.auditEvent.count({ where: { action: "tender.winnerSet" } })).toBe(0);
  });
});
