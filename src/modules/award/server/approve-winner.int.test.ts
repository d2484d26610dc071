import { describe, expect, it } from "vitest";
import { makeBidder, makeOpenedTender } from "@/tests/factories";
import { getDocumentForDownload } from "@/modules/documents/server/get-document-for-download";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { passAllStages } from "@/modules/evaluation/testing/evaluate";
import { pdfText } from "@/modules/bids/testing/opening.fixture";
import { db, dbNow } from "@/server/db";
import { openStored } from "@/server/storage";
import { decideWinnerProposalSchema } from "../award.schemas";
import { decideWinnerProposal } from "./approve-winner";
import { proposeWinner } from "./propose-winner";
import { withdrawWinnerProposal } from "./withdraw-winner-proposal";

const PROOF = "Dokumen asli sesuai dengan yang diunggah.";
const DISAGREE_REASON = "Pengalaman sejenis pemenang belum diverifikasi ke pemberi tugas.";

/** A Pokja of three with every stage and pembuktian decided: bid 0 (cheapest) wins, bid 1 is reserve 1. */
async function readyToPropose() {
  const ctx = await makeOpenedTender({ prices: [800_000_000n, 850_000_000n] });
  for (const b of ctx.bidders) await passAllStages(ctx.pokja, ctx.tender.id, b.bid.id);
  await rankTenderBids(ctx.pokja, { tenderId: ctx.tender.id });
  for (const b of ctx.bidders)
    await recordPembuktian(ctx.pokja, { tenderId: ctx.tender.id, bidId: b.bid.id, passed: true, reason: PROOF });
  const [proposer, second, third] = ctx.pokjaMembers as [typeof ctx.pokja, typeof ctx.pokja, typeof ctx.pokja];
  return { ...ctx, proposer, second, third };
}

type Ready = Awaited<ReturnType<typeof readyToPropose>>;
const decide = (
  ctx: Ready,
  who: Ready["pokja"],
  proposalId: string,
  decision: "APPROVE" | "DISAGREE",
  reason: string | null = null,
) => decideWinnerProposal(who, { tenderId: ctx.tender.id, proposalId, decision, reason });
const tenderRow = (id: string) =>
  db.tender.findUniqueOrThrow({ where: { id }, select: { winnerBidId: true, reserve1BidId: true, awardedAt: true } });

async function storedText(documentId: string) {
  const { storageKey } = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  const parts: Buffer[] = [];
  for await (const chunk of openStored(storageKey)) parts.push(chunk as Buffer);
  return pdfText(Buffer.concat(parts));
}

describe("persetujuan pemenang", () => {
  it("a disagreement with its reason does not set the winner; the next approval makes the majority and the BAHP, readable as the BA Pembukaan is", async () => {
    const ctx = await readyToPropose();
    const { proposalId } = await proposeWinner(ctx.proposer, { tenderId: ctx.tender.id });
    expect(await decide(ctx, ctx.second, proposalId, "DISAGREE", DISAGREE_REASON)).toMatchObject({ adopted: false });
    expect(await tenderRow(ctx.tender.id)).toMatchObject({ winnerBidId: null, awardedAt: null });
    await expect(decide(ctx, ctx.second, proposalId, "APPROVE")).rejects.toMatchObject({
      messageKey: "winnerProposalDecided",
    });
    await expect(decide(ctx, ctx.proposer, proposalId, "APPROVE")).rejects.toMatchObject({
      messageKey: "winnerProposalDecided",
    });

    const adopted = await decide(ctx, ctx.third, proposalId, "APPROVE");
    expect(adopted).toMatchObject({ adopted: true, beritaAcaraId: expect.any(String) });
    expect(await tenderRow(ctx.tender.id)).toMatchObject({
      winnerBidId: ctx.bidders[0]!.bid.id,
      reserve1BidId: ctx.bidders[1]!.bid.id,
    });
    const actions = (
      await db.auditEvent.findMany({
        where: { entityId: ctx.tender.id },
        orderBy: { seq: "asc" },
        select: { action: true },
      })
    ).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith("winnerProposal.") || a === "tender.winnerSet")).toEqual([
      "winnerProposal.proposed",
      "winnerProposal.disagreed",
      "winnerProposal.approved",
      "tender.winnerSet",
    ]);

    const proposal = await db.winnerProposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({ adoptedAt: expect.any(Date), beritaAcaraId: adopted.beritaAcaraId });
    const ba = await db.document.findUniqueOrThrow({ where: { id: adopted.beritaAcaraId! } });
    expect(ba).toMatchObject({
      kind: "BERITA_ACARA",
      tenderId: ctx.tender.id,
      isPublic: false,
      mimeType: "application/pdf",
      fileName: `BA-Hasil-Pemilihan-${ctx.tender.code}.pdf`,
    });
    const text = (await storedText(ba.id)).replace(/\s+/g, " "); // lines wrap anywhere
    for (const b of ctx.bidders) expect(text).toContain(b.vendor.name);
    expect(text).toContain("BERITA ACARA HASIL PEMILIHAN");
    expect(text).toContain("Pembuktian kualifikasi: LULUS");
    expect(text).toContain("TIDAK SETUJU");
    expect(text).toContain(DISAGREE_REASON);
    expect(text).toContain("(2 dari 3 anggota diperlukan)");
    // the same readers as the BA Pembukaan: the tender's bidders, not another vendor
    await expect(getDocumentForDownload(ctx.bidders[1]!.actor, ba.id)).resolves.toMatchObject({
      fileName: ba.fileName,
    });
    const outsider = await makeBidder((await makeOpenedTender()).tender.id);
    await expect(getDocumentForDownload(outsider.actor, ba.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("two members approving at the same moment set the winner once", async () => {
    const ctx = await readyToPropose();
    const { proposalId } = await proposeWinner(ctx.proposer, { tenderId: ctx.tender.id });
    const results = await Promise.allSettled([
      decide(ctx, ctx.second, proposalId, "APPROVE"),
      decide(ctx, ctx.third, proposalId, "APPROVE"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "INVALID_STATE", messageKey: "winnerAlreadySet" });
    expect(await db.auditEvent.count({ where: { entityId: ctx.tender.id, action: "tender.winnerSet" } })).toBe(1);
    expect(
      await db.document.count({ where: { tenderId: ctx.tender.id, fileName: { startsWith: "BA-Hasil-Pemilihan" } } }),
    ).toBe(1);
    expect(await db.winnerApproval.count({ where: { proposalId } })).toBe(2);
  });

  it("refuses an approval once the evaluation changed since the proposal, records why, and takes a new proposal", async () => {
    const ctx = await readyToPropose();
    const first = await proposeWinner(ctx.proposer, { tenderId: ctx.tender.id });
    // the same evaluation cannot be proposed twice
    await expect(proposeWinner(ctx.second, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      messageKey: "winnerProposalOpen",
    });
    // the winner's pembuktian is re-decided: it fails, the reserve now wins
    await recordPembuktian(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: ctx.bidders[0]!.bid.id,
      passed: false,
      reason: "Dokumen asli SBU tidak dapat ditunjukkan.",
    });
    await expect(decide(ctx, ctx.second, first.proposalId, "APPROVE")).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "winnerProposalStale",
    });
    expect(await db.winnerProposal.findUniqueOrThrow({ where: { id: first.proposalId } })).toMatchObject({
      supersededAt: expect.any(Date),
      adoptedAt: null,
    });
    expect(await db.winnerApproval.count({ where: { proposalId: first.proposalId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: ctx.tender.id, action: "winnerProposal.superseded" } })).toBe(
      1,
    );
    expect(await tenderRow(ctx.tender.id)).toMatchObject({ awardedAt: null });
    await expect(decide(ctx, ctx.third, first.proposalId, "APPROVE")).rejects.toMatchObject({
      messageKey: "winnerProposalClosed",
    });

    const second = await proposeWinner(ctx.second, { tenderId: ctx.tender.id });
    expect(second).toMatchObject({ winnerBidId: ctx.bidders[1]!.bid.id, reserve1BidId: null });
    await decide(ctx, ctx.third, second.proposalId, "APPROVE");
    expect(await tenderRow(ctx.tender.id)).toMatchObject({ winnerBidId: ctx.bidders[1]!.bid.id });
  });

  it("the proposer withdraws; another member only once a majority is out of reach", async () => {
    const ctx = await readyToPropose();
    const first = await proposeWinner(ctx.proposer, { tenderId: ctx.tender.id });
    await expect(
      withdrawWinnerProposal(ctx.second, { tenderId: ctx.tender.id, proposalId: first.proposalId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "winnerProposalNotYours" });
    await withdrawWinnerProposal(ctx.proposer, { tenderId: ctx.tender.id, proposalId: first.proposalId });
    expect(await db.winnerProposal.findUniqueOrThrow({ where: { id: first.proposalId } })).toMatchObject({
      withdrawnById: ctx.proposer.userId,
      withdrawnAt: expect.any(Date),
    });
    await expect(decide(ctx, ctx.second, first.proposalId, "APPROVE")).rejects.toMatchObject({
      messageKey: "winnerProposalClosed",
    });

    const again = await proposeWinner(ctx.proposer, { tenderId: ctx.tender.id });
    await decide(ctx, ctx.second, again.proposalId, "DISAGREE", DISAGREE_REASON);
    await decide(ctx, ctx.third, again.proposalId, "DISAGREE", DISAGREE_REASON);
    await withdrawWinnerProposal(ctx.third, { tenderId: ctx.tender.id, proposalId: again.proposalId });
    expect(await db.auditEvent.count({ where: { entityId: ctx.tender.id, action: "winnerProposal.withdrawn" } })).toBe(
      2,
    );
    expect(await tenderRow(ctx.tender.id)).toMatchObject({ awardedAt: null });
  });

  it("refuses a disagreement without a reason, an outsider, and PostgreSQL holds the rules", async () => {
    const ctx = await readyToPropose();
    const base = { tenderId: ctx.tender.id, proposalId: ctx.tender.id };
    expect(
      decideWinnerProposalSchema.safeParse({ ...base, decision: "DISAGREE", reason: "  " }).error?.issues[0],
    ).toMatchObject({ path: ["reason"], message: "winnerDisagreeReasonRequired" });
    expect(decideWinnerProposalSchema.parse({ ...base, decision: "APPROVE", reason: "diabaikan" })).toMatchObject({
      reason: null,
    });

    const { proposalId } = await proposeWinner(ctx.proposer, { tenderId: ctx.tender.id });
    const other = await makeOpenedTender();
    for (const actor of [other.pokja, ctx.ppk, ctx.bidders[0]!.actor])
      await expect(decide(ctx, actor, proposalId, "APPROVE")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decide(ctx, ctx.second, other.tender.id, "APPROVE")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const now = await dbNow();
    await expect(
      db.$executeRaw`INSERT INTO "WinnerApproval" (id, "proposalId", "userId", decision, reason, "decidedAt") VALUES (gen_random_uuid(), ${proposalId}::uuid, ${ctx.second.userId}::uuid, 'DISAGREE', ' ', ${now})`,
    ).rejects.toThrow(/WinnerApproval_disagree_has_reason/);
    await expect(
      db.$executeRaw`INSERT INTO "WinnerApproval" (id, "proposalId", "userId", decision, "decidedAt") VALUES (gen_random_uuid(), ${proposalId}::uuid, ${ctx.proposer.userId}::uuid, 'APPROVE', ${now})`,
    ).rejects.toThrow(/WinnerApproval_proposalId_userId_key/);
    const copy = (extra: string) =>
      db.$executeRawUnsafe(
        `INSERT INTO "WinnerProposal" (id, "tenderId", "proposedById", "winnerBidId", "reserve1BidId", fingerprint, basis, "proposedAt"${extra ? ", " + extra.split("=")[0] : ""})
         SELECT gen_random_uuid(), "tenderId", "proposedById", "winnerBidId", $2::uuid, fingerprint, basis, "proposedAt"${extra ? ", " + extra.split("=")[1] : ""} FROM "WinnerProposal" WHERE id = $1::uuid`,
        proposalId,
        ctx.bidders[1]!.bid.id,
      );
    await expect(copy("")).rejects.toThrow(/WinnerProposal_one_open/);
    await expect(copy(`"withdrawnAt"="proposedAt"`)).rejects.toThrow(/WinnerProposal_withdrawn_by/);
    await expect(copy(`"adoptedAt"="proposedAt"`)).rejects.toThrow(/WinnerProposal_adopted_has_bahp/);
    await expect(
      db.$executeRaw`UPDATE "WinnerProposal" SET "reserve1BidId" = "winnerBidId" WHERE id = ${proposalId}::uuid`,
    ).rejects.toThrow(/WinnerProposal_bids_distinct/);
    await expect(
      db.$executeRaw`UPDATE "WinnerProposal" SET "winnerBidId" = ${other.bidders[0]!.bid.id}::uuid WHERE id = ${proposalId}::uuid`,
    ).rejects.toThrow(/WinnerProposal_winnerBidId_tenderId_fkey/);
  });
});
