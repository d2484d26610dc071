import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StageKind } from "@/generated/prisma/enums";
import { decideWinnerProposal } from "@/modules/award/server/approve-winner";
import { proposeWinner } from "@/modules/award/server/propose-winner";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { passAllStages } from "@/modules/evaluation/testing/evaluate";
import { registerForTender } from "@/modules/participation/server/register-for-tender";
import { registerVendor } from "@/modules/vendors/server/register-vendor";
import { db, dbNow } from "@/server/db";
import {
  actorFor,
  bidPdf,
  makeActor,
  makeBidder,
  makeOpenedTender,
  makeScheduledTender,
  makeSealedBidTender,
  makeVendor,
  makeVendorUser,
  setUpTestInstanceKey,
  stageBidFile,
  vendorRegistrationInput,
} from "@/tests/factories";
import { addBlacklistEntrySchema } from "../blacklist.schemas";
import { addBlacklistEntry } from "./add-blacklist-entry";
import { liftBlacklistEntry } from "./lift-blacklist-entry";
import { assertNotBlacklisted } from "./assert-not-blacklisted";

setUpTestInstanceKey();
const OPEN: [StageKind, number, number][] = [
  ["PENGUMUMAN", -2, 24],
  ["UPLOAD_PENAWARAN", -1, 48],
];

async function blacklist(npwp: string) {
  const today = (await dbNow()).toISOString().slice(0, 10);
  const lastDay = new Date(Date.parse(today) + 365 * 86_400_000).toISOString().slice(0, 10);
  const verifikator = await makeActor("VERIFIKATOR");
  const entry = await addBlacklistEntry(
    verifikator,
    addBlacklistEntrySchema.parse({
      npwp,
      vendorName: "PT Tersanksi",
      decreeNumber: "SK-DH/07/2026",
      legalBasis: "Perpres 16/2018 Pasal 78 ayat (3) huruf b",
      reason: "Mengundurkan diri setelah ditetapkan sebagai pemenang.",
      firstDay: today,
      lastDay,
    }),
  );
  // the sanction starts at midnight of today; a test's clock never waits for it
  await db.$executeRaw`UPDATE "BlacklistEntry" SET "startsAt" = segel_now() - interval '1 hour' WHERE id = ${entry.id}::uuid`;
  return { ...entry, verifikator };
}

const REFUSED = { code: "FORBIDDEN", messageKey: "blacklistedCannotTakePart", values: { decree: "SK-DH/07/2026" } };

describe("the daftar hitam refuses a sanctioned company", () => {
  it("at registration, with the decree and the period's end; once lifted, it may register", async () => {
    const { tender } = await makeScheduledTender({ stages: OPEN });
    const vendor = await makeVendor();
    const actor = actorFor(await makeVendorUser(vendor));
    const entry = await blacklist(vendor.npwp);
    await expect(registerForTender(actor, { tenderId: tender.id })).rejects.toMatchObject({
      ...REFUSED,
      values: { decree: "SK-DH/07/2026", until: expect.stringMatching(/WIB$/) },
    });
    expect(await db.tenderParticipant.count({ where: { tenderId: tender.id } })).toBe(0);
    await liftBlacklistEntry(entry.verifikator, { entryId: entry.id, reason: "SK sanksi dibatalkan." });
    await expect(registerForTender(actor, { tenderId: tender.id })).resolves.toMatchObject({ isNew: true });
  });

  it("by NPWP when the company registered on Segel after the entry (either NPWP form)", async () => {
    const input = vendorRegistrationInput();
    await blacklist(`0${input.npwp}`);
    await registerVendor(null, input);
    const vendor = await db.vendor.findUniqueOrThrow({ where: { npwp: input.npwp } });
    await db.$transaction(async (tx) => {
      await expect(assertNotBlacklisted(tx, vendor.id)).rejects.toMatchObject(REFUSED);
    });
  });

  it("at submitting a bid, though it registered before the sanction", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor, vendor } = await makeBidder(tender.id);
    const files = [await stageBidFile(actor, tender.id, bidPdf("Harga PT Tersanksi"), "HARGA")];
    await blacklist(vendor.npwp);
    // the pakta integritas is part of every bid (issue 15): agreed, so only the sanction refuses it
    const input = {
      tenderId: tender.id,
      price: 1_000_000n,
      files: files.map((f) => ({ id: f.id })),
      idempotencyKey: randomUUID(),
      integrityPact: true as const,
    };
    await expect(submitBid(actor, input)).rejects.toMatchObject(REFUSED);
    expect(await db.bid.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("as the proposed winner or a reserve", async () => {
    const ctx = await makeOpenedTender({ prices: [100n, 200n, 300n] });
    const { pokja, tender, bidders } = ctx;
    for (const b of bidders) await passAllStages(pokja, tender.id, b.bid.id);
    await rankTenderBids(pokja, { tenderId: tender.id });
    for (const b of bidders)
      await recordPembuktian(pokja, {
        tenderId: tender.id,
        bidId: b.bid.id,
        passed: true,
        reason: "Dokumen asli sesuai.",
      });
    await blacklist(bidders[2]!.vendor.npwp);
    await expect(proposeWinner(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "blacklistedCannotBeChosen",
      values: { vendor: bidders[2]!.vendor.name },
    });
    expect(await db.winnerProposal.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("at adoption, when the sanction came after the proposal", async () => {
    const ctx = await makeOpenedTender({ prices: [100n, 200n, 300n] });
    const { pokja, tender, bidders } = ctx;
    for (const b of bidders) await passAllStages(pokja, tender.id, b.bid.id);
    await rankTenderBids(pokja, { tenderId: tender.id });
    for (const b of bidders)
      await recordPembuktian(pokja, {
        tenderId: tender.id,
        bidId: b.bid.id,
        passed: true,
        reason: "Dokumen asli sesuai.",
      });
    const proposal = await proposeWinner(pokja, { tenderId: tender.id });
    await blacklist(bidders[0]!.vendor.npwp);
    await expect(
      decideWinnerProposal(ctx.pokjaMembers[1]!, {
        tenderId: tender.id,
        proposalId: proposal.proposalId,
        decision: "APPROVE",
        reason: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "blacklistedCannotBeChosen" });
    expect(await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).toMatchObject({ winnerBidId: null });
  });
});
