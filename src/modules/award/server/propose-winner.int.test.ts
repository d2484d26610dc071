import { describe, expect, it } from "vitest";
import { makeOpenedTender } from "@/tests/factories";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { recordEvaluation } from "@/modules/evaluation/server/record-evaluation";
import { recordLowPriceClarification } from "@/modules/evaluation/server/record-low-price-clarification";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { passAllStages } from "@/modules/evaluation/testing/evaluate";
import { db, dbNow } from "@/server/db";
import { decideWinnerProposal } from "./approve-winner";
import { proposeWinner } from "./propose-winner";

const PROOF = "Dokumen asli sesuai dengan yang diunggah.";

type Ctx = Awaited<ReturnType<typeof makeOpenedTender>>;
const approve = (ctx: Ctx, proposalId: string, member = 1) =>
  decideWinnerProposal(ctx.pokjaMembers[member]!, {
    tenderId: ctx.tender.id,
    proposalId,
    decision: "APPROVE",
    reason: null,
  });

describe("penetapan pemenang (a proposal and a majority of the Pokja of three)", () => {
  it("names the best-ranked bid that passed pembuktian, reserves 1 and 2, and sets them once a second member approves", async () => {
    const ctx = await makeOpenedTender({ prices: [400n, 100n, 300n, 200n] });
    const { pokja, tender, bidders } = ctx;
    const [d, a, c, b] = bidders.map((x) => x.bid.id) as [string, string, string, string];
    for (const id of [a, b, c, d]) await passAllStages(pokja, tender.id, id);
    await rankTenderBids(pokja, { tenderId: tender.id });
    await recordPembuktian(pokja, {
      tenderId: tender.id,
      bidId: a,
      passed: false,
      reason: "Dokumen asli SBU tidak dapat ditunjukkan.",
    });
    for (const id of [b, c, d])
      await recordPembuktian(pokja, { tenderId: tender.id, bidId: id, passed: true, reason: PROOF });

    const proposal = await proposeWinner(pokja, { tenderId: tender.id });
    expect(proposal).toMatchObject({ winnerBidId: b, reserve1BidId: c, reserve2BidId: d, adopted: false });
    // one of three is no majority: nothing is set yet
    expect(await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).toMatchObject({
      winnerBidId: null,
      awardedAt: null,
    });
    expect(
      await db.winnerApproval.findMany({
        where: { proposalId: proposal.proposalId },
        select: { userId: true, decision: true },
      }),
    ).toEqual([{ userId: pokja.userId, decision: "APPROVE" }]);
    expect(
      await db.auditEvent.findFirst({ where: { action: "winnerProposal.proposed", entityId: tender.id } }),
    ).toMatchObject({
      actorId: pokja.userId,
      data: expect.objectContaining({ proposalId: proposal.proposalId, winnerBidId: b }),
    });

    // the other members are told a proposal waits for them; the proposer is not
    const told = await db.notification.findMany({
      where: { kind: "winnerProposal.proposed" },
      select: { userId: true, link: true },
    });
    expect(told.map((n) => n.userId).sort()).toEqual(
      ctx.pokjaMembers
        .map((m) => m.userId)
        .filter((id) => id !== pokja.userId)
        .sort(),
    );
    expect(told[0]!.link).toBe(`/pokja/evaluasi/${tender.id}`);
    expect(await db.emailOutbox.count({ where: { subject: { contains: "Usulan pemenang" } } })).toBe(told.length);

    const before = await dbNow();
    expect(await approve(ctx, proposal.proposalId)).toMatchObject({ adopted: true });
    const row = await db.tender.findUniqueOrThrow({ where: { id: tender.id } });
    expect(row).toMatchObject({ winnerBidId: b, reserve1BidId: c, reserve2BidId: d, status: "EVALUATION" });
    expect(row.awardedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.winnerSet" } });
    expect(audit).toMatchObject({
      actorId: ctx.pokjaMembers[1]!.userId,
      data: expect.objectContaining({
        winnerBidId: b,
        awardedAt: row.awardedAt!.toISOString(),
        proposal: expect.objectContaining({ proposedById: pokja.userId }),
      }),
    });
    // after penetapan the evaluation is fixed
    await expect(
      recordEvaluation(pokja, {
        tenderId: tender.id,
        bidId: a,
        stage: "HARGA",
        passed: true,
        reason: "Mencoba mengubah setelah penetapan.",
      }),
    ).rejects.toMatchObject({ messageKey: "evaluationClosed" });
    await expect(proposeWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      messageKey: "winnerAlreadySet",
    });
  });

  it("refuses before every stage is decided, and before pembuktian of the best-ranked", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n, 200n] });
    await passAllStages(pokja, tender.id, bidders[0]!.bid.id);
    await expect(proposeWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "evaluationIncomplete",
    });
    await passAllStages(pokja, tender.id, bidders[1]!.bid.id);
    await expect(proposeWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      messageKey: "pembuktianPending",
      values: { rank: 1 },
    });
    expect(await db.winnerProposal.count()).toBe(0);
    expect(await db.bid.count({ where: { rank: { not: null } } })).toBe(0);
  });

  it("does not let a flagged construction bid win without a clarification", async () => {
    const ctx = await makeOpenedTender({ category: "PEKERJAAN_KONSTRUKSI", hps: 1000n, prices: [700n, 900n] });
    const { pokja, tender, bidders } = ctx;
    const [low, fair] = bidders.map((x) => x.bid.id) as [string, string];
    await passAllStages(pokja, tender.id, low);
    await passAllStages(pokja, tender.id, fair);
    await rankTenderBids(pokja, { tenderId: tender.id });
    // pembuktian of the low bid was recorded before a re-decided price flagged it
    await db.evaluation.create({
      data: {
        tenderId: tender.id,
        bidId: low,
        stage: "PEMBUKTIAN",
        passed: true,
        reason: PROOF,
        decidedById: pokja.userId,
        decidedAt: await dbNow(),
      },
    });
    await recordPembuktian(pokja, { tenderId: tender.id, bidId: fair, passed: true, reason: PROOF });
    await expect(proposeWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      messageKey: "clarificationRequired",
    });
    await recordLowPriceClarification(pokja, {
      tenderId: tender.id,
      bidId: low,
      clarification: "Harga material dari pabrik sendiri; rincian biaya wajar dan dapat dipertanggungjawabkan.",
    });
    const proposal = await proposeWinner(pokja, { tenderId: tender.id });
    expect(proposal).toMatchObject({ winnerBidId: low, reserve1BidId: fair });
    await approve(ctx, proposal.proposalId);
    expect(await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).toMatchObject({
      winnerBidId: low,
      reserve1BidId: fair,
    });
  });

  it("tells the Pokja to declare the tender failed when nobody passes, naming the ground", async () => {
    const hps = 1000n;
    const all = await makeOpenedTender({ hps, prices: [1001n, 2000n] });
    for (const b of all.bidders) await passAllStages(all.pokja, all.tender.id, b.bid.id);
    await expect(proposeWinner(all.pokja, { tenderId: all.tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "noWinnerAllAboveHps",
    });

    const mixed = await makeOpenedTender({ hps, prices: [900n, 2000n] });
    await recordEvaluation(mixed.pokja, {
      tenderId: mixed.tender.id,
      bidId: mixed.bidders[0]!.bid.id,
      stage: "ADMINISTRASI",
      passed: false,
      reason: "Surat penawaran tidak ditandatangani.",
    });
    await passAllStages(mixed.pokja, mixed.tender.id, mixed.bidders[1]!.bid.id);
    await expect(proposeWinner(mixed.pokja, { tenderId: mixed.tender.id })).rejects.toMatchObject({
      messageKey: "noWinnerNobodyPasses",
    });
    expect(await db.winnerProposal.count()).toBe(0);
    expect(await db.tender.count({ where: { awardedAt: { not: null } } })).toBe(0);
  });

  it("refuses a PPK, a vendor and a Pokja of another tender; and before the opening", async () => {
    const { ppk, tender, bidders } = await makeOpenedTender();
    const other = await makeOpenedTender();
    for (const actor of [ppk, bidders[0]!.actor, other.pokja])
      await expect(proposeWinner(actor, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unopened = await makeOpenedTender({ opened: false });
    await expect(proposeWinner(unopened.pokja, { tenderId: unopened.tender.id })).rejects.toMatchObject({
      messageKey: "evaluationNotOpened",
    });
    expect(await db.winnerProposal.count()).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: { in: ["tender.winnerSet", "winnerProposal.proposed"] } } }),
    ).toBe(0);
  });
});
