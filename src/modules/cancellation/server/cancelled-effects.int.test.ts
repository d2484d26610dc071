import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SUBMIT_GRACE_MS } from "@/modules/bids/domain/bid-rules";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { approveOpening } from "@/modules/bids/server/opening/approve-opening";
import { registerForTender } from "@/modules/participation/server/register-for-tender";
import { fileSanggah } from "@/modules/sanggah/server/file-sanggah";
import { issueSppbj } from "@/modules/sppbj/server/issue-sppbj";
import {
  actorFor,
  bidPdf,
  makeAwardedTender,
  makeBidder,
  makeSealedBidTender,
  makeUser,
  makeVendor,
  stageBidFile,
  setUpTestInstanceKey,
} from "@/tests/factories";
import { db } from "@/server/db";
import { cancelTender } from "./cancel-tender";

setUpTestInstanceKey();
const REASON = "Kebutuhan barang tidak diperlukan lagi setelah perubahan program kerja.";

describe("after tender batal, nothing in flight goes on", () => {
  it("a bid staged before the cancellation is not submitted, no file is taken, nobody registers", async () => {
    const { tender, members } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const staged = await stageBidFile(actor, tender.id, bidPdf("harga"));
    await cancelTender(members[0]!.actor, { tenderId: tender.id, ground: "OTHER", reason: REASON });

    const submit = submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 450_000_000n,
      files: [{ id: staged.id }],
      idempotencyKey: randomUUID(),
    });
    await expect(submit).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bidTenderNotOpen" });
    await expect(stageBidFile(actor, tender.id, bidPdf("teknis"), "TEKNIS")).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    const newcomer = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: (await makeVendor()).id }));
    await expect(registerForTender(newcomer, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderNotOpenForRegistration",
    });
    expect(await db.bid.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(await db.tenderParticipant.count({ where: { tenderId: tender.id } })).toBe(1);
  });

  it("the opening is refused though the deadline has passed and the bids have settled", async () => {
    const { tender, members } = await makeSealedBidTender({ uploadEndsInMs: -SUBMIT_GRACE_MS - 60_000 });
    await cancelTender(members[1]!.actor, { tenderId: tender.id, ground: "FORCE_MAJEURE", reason: REASON });
    const [first] = members;
    await expect(
      approveOpening(first!.actor, { tenderId: tender.id, passphrase: first!.passphrase }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "openingTenderNotOpenable" });
    expect(await db.openingApproval.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(
      (await db.tender.findUniqueOrThrow({ where: { id: tender.id }, select: { openedAt: true } })).openedAt,
    ).toBeNull();
  });

  it("after an announced award: no sanggah is filed and the PPK cannot issue the SPPBJ", async () => {
    const { tender, pokja, ppk, losers } = await makeAwardedTender();
    await cancelTender(pokja, { tenderId: tender.id, ground: "OTHER", reason: REASON });
    const body = "Kami keberatan atas hasil evaluasi karena dokumen kualifikasi kami memenuhi syarat.";
    await expect(fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "winnerNotAnnounced",
    });
    await expect(issueSppbj(ppk, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "sppbjNotAwarded",
    });
    expect(await db.sanggah.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(await db.document.count({ where: { tenderId: tender.id, kind: "SPPBJ" } })).toBe(0);
    expect(
      await db.tender.findUniqueOrThrow({ where: { id: tender.id }, select: { status: true, sppbjIssuedAt: true } }),
    ).toEqual({ status: "CANCELLED", sppbjIssuedAt: null });
  });
});
