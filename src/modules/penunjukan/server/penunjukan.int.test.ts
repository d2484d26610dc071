import { describe, expect, it } from "vitest";
import { decideWinnerProposal } from "@/modules/award/server/approve-winner";
import { announceWinner } from "@/modules/award/server/announce-winner";
import { proposeWinner } from "@/modules/award/server/propose-winner";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { recordEvaluation } from "@/modules/evaluation/server/record-evaluation";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { decidePenunjukanLangsung } from "@/modules/failure/server/decide-penunjukan-langsung";
import { requestPenunjukanLangsung } from "@/modules/failure/server/request-penunjukan-langsung";
import { registerForTender } from "@/modules/participation/server/register-for-tender";
import { issueSppbj } from "@/modules/sppbj/server/issue-sppbj";
import { findPublicTenders } from "@/modules/tenders/server/find-public-tenders";
import { publishTender } from "@/modules/tenders/server/publish-tender";
import { choosePenunjukanVendor } from "./choose-penunjukan-vendor";
import { findPublicPenunjukan } from "./find-public-penunjukan";
import { recordNegotiation } from "./record-negotiation";
import { actorFor, bidPdf, makeUser, makeVendor, stageBidFile } from "@/tests/factories";
import { db } from "@/server/db";
import {
  JUSTIFICATION,
  MINUTES,
  REASON,
  makeFailedRetender,
  prepareInvitation,
  approved,
  invited,
  offerOpened,
  evaluated,
} from "../testing/penunjukan-run";

describe("penunjukan langsung after a failed tender ulang", () => {
  it("the approval creates the penunjukan as a draft tender of its own, linked, audited, and the Pokja is told", async () => {
    const ctx = await makeFailedRetender();
    const { requestId, tenderId } = await approved(ctx);
    const tender = await db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: {
        status: true,
        method: true,
        paketId: true,
        pokjaId: true,
        previousTenderId: true,
        procedure: { select: { key: true, sanggahDays: true } },
        penunjukanRun: { select: { id: true, vendorId: true } },
      },
    });
    expect(tender).toMatchObject({
      status: "DRAFT",
      method: "PENUNJUKAN_LANGSUNG",
      paketId: ctx.paket.id,
      pokjaId: ctx.pokja.id,
      previousTenderId: ctx.failedTender.id,
      procedure: { key: "penunjukan-langsung", sanggahDays: 0 },
      penunjukanRun: { id: requestId, vendorId: ctx.vendor.id },
    });
    expect(
      await db.auditEvent.count({
        where: { action: "penunjukanLangsung.started", entityId: tenderId, actorId: ctx.kpa.userId },
      }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { kind: "penunjukanLangsung.started", userId: ctx.members[0]!.user.id } }),
    ).toBe(1);
  });

  it("a refusal creates nothing, and PostgreSQL runs no request that was not approved", async () => {
    const ctx = await makeFailedRetender();
    const request = await requestPenunjukanLangsung(ctx.ppk, {
      tenderId: ctx.failedTender.id,
      justification: JUSTIFICATION,
    });
    const refused = await decidePenunjukanLangsung(ctx.kpa, {
      requestId: request.id,
      decision: "REFUSED",
      note: "Ditolak: lakukan kaji ulang spesifikasi.",
    });
    expect(refused.penunjukanTenderId).toBeNull();
    expect(await db.tender.count({ where: { method: "PENUNJUKAN_LANGSUNG" } })).toBe(0);
    await expect(
      db.$executeRaw`UPDATE "PenunjukanLangsung" SET "tenderId" = ${ctx.failedTender.id}::uuid WHERE id = ${request.id}::uuid`,
    ).rejects.toThrow(/PenunjukanLangsung_tender_approved/);
    // and a penunjukan only after a failed tender ulang: the first tender alone is refused
    await expect(
      requestPenunjukanLangsung(ctx.ppk, { tenderId: ctx.tender.id, justification: JUSTIFICATION }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("the Pokja chooses a verified vendor when the request named none; refusals write nothing", async () => {
    const ctx = await makeFailedRetender();
    const { tenderId } = await approved(ctx, null);
    const pokja = ctx.members[0]!.actor;
    const pending = await makeVendor({ status: "PENDING" });
    await expect(choosePenunjukanVendor(pokja, { tenderId, vendorId: pending.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "plVendorNotVerified",
    });
    await expect(choosePenunjukanVendor(ctx.ppk, { tenderId, vendorId: ctx.vendor.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(choosePenunjukanVendor(pokja, { tenderId, vendorId: "bukan-uuid" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      choosePenunjukanVendor(pokja, { tenderId: ctx.failedTender.id, vendorId: ctx.vendor.id }),
    ).rejects.toMatchObject({ messageKey: "plNotPenunjukan" });
    // without a vendor there is nobody to invite
    await prepareInvitation(pokja, tenderId);
    await expect(publishTender(pokja, { tenderId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "plVendorMissing",
    });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tenderId } })).status).toBe("DRAFT");
    expect(await db.auditEvent.count({ where: { action: "penunjukanLangsung.vendorChosen" } })).toBe(0);

    await choosePenunjukanVendor(pokja, { tenderId, vendorId: ctx.vendor.id });
    await expect(choosePenunjukanVendor(pokja, { tenderId, vendorId: (await makeVendor()).id })).rejects.toMatchObject({
      messageKey: "plVendorFixed",
    });
    expect(await db.penunjukanLangsung.findFirstOrThrow({ where: { tenderId }, select: { vendorId: true } })).toEqual({
      vendorId: ctx.vendor.id,
    });
    expect(
      await db.auditEvent.count({
        where: { action: "penunjukanLangsung.vendorChosen", entityId: tenderId, actorId: pokja.userId },
      }),
    ).toBe(1);
  });

  it("publishing invites the vendor alone: registered, told, audited; nobody else can register or bid", async () => {
    const ctx = await makeFailedRetender();
    const { tenderId } = await invited(ctx);
    expect(await db.tenderParticipant.findMany({ where: { tenderId }, select: { vendorId: true } })).toEqual([
      { vendorId: ctx.vendor.id },
    ]);
    expect(
      await db.notification.count({ where: { kind: "penunjukanLangsung.invited", userId: ctx.vendorUser.id } }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "tender.participantInvited", entityId: tenderId } })).toBe(1);

    const other = await makeVendor();
    const otherActor = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: other.id }));
    await expect(registerForTender(otherActor, { tenderId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderByInvitationOnly",
    });
    await expect(stageBidFile(otherActor, tenderId, bidPdf("HARGA-lain"), "HARGA")).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "bidNotRegistered",
    });
    // nor by a write that bypasses the application
    await expect(
      db.tenderParticipant.create({ data: { tenderId, vendorId: other.id, registeredAt: new Date() } }),
    ).rejects.toThrow(/TenderParticipant_penunjukan_invited|only the invited vendor/);
    expect(await db.tenderParticipant.count({ where: { tenderId } })).toBe(1);
  });

  it("is listed as non-tender, never in the tender list", async () => {
    const ctx = await makeFailedRetender();
    const { tenderId } = await invited(ctx);
    const code = (await db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: { code: true } })).code;
    const listed = await findPublicPenunjukan();
    expect(listed.items).toMatchObject([{ code, status: "PUBLISHED", vendorName: null, agreedPrice: null }]);
    const tenders = await findPublicTenders({});
    expect(JSON.stringify(tenders, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(code);
  });

  it("negotiation: refused above the offer or the HPS, with short minutes, or twice; nothing written on refusal", async () => {
    const ctx = await makeFailedRetender();
    const pl = await offerOpened(ctx, 950_000_000n);
    const pokja = ctx.members[0]!.actor;
    const input = { tenderId: pl.tenderId, agreedPrice: 900_000_000n, minutes: MINUTES };
    await expect(recordNegotiation(pokja, input)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "plOfferNotPassed",
    });
    for (const stage of ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"] as const) {
      await recordEvaluation(pokja, { tenderId: pl.tenderId, bidId: pl.bidId, stage, passed: true, reason: REASON });
    }
    await expect(recordNegotiation(pokja, { ...input, agreedPrice: 950_000_001n })).rejects.toMatchObject({
      messageKey: "plAgreedAboveOffer",
    });
    await expect(recordNegotiation(pokja, { ...input, minutes: "terlalu singkat" })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "plMinutesTooShort",
    });
    await expect(recordNegotiation(pokja, { ...input, agreedPrice: "nol" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(recordNegotiation(ctx.ppk, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await db.penunjukanLangsung.findFirstOrThrow({
        where: { tenderId: pl.tenderId },
        select: { agreedPrice: true, negotiatedAt: true },
      }),
    ).toEqual({ agreedPrice: null, negotiatedAt: null });
    expect(await db.auditEvent.count({ where: { action: "penunjukanLangsung.negotiated" } })).toBe(0);

    await recordNegotiation(pokja, input);
    await expect(recordNegotiation(pokja, input)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "plAlreadyNegotiated",
    });
    expect(
      await db.penunjukanLangsung.findFirstOrThrow({
        where: { tenderId: pl.tenderId },
        select: { agreedPrice: true, negotiationMinutes: true, negotiatedById: true },
      }),
    ).toEqual({ agreedPrice: 900_000_000n, negotiationMinutes: MINUTES, negotiatedById: pokja.userId });
    expect(
      await db.auditEvent.count({
        where: { action: "penunjukanLangsung.negotiated", entityId: pl.tenderId, actorId: pokja.userId },
      }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { kind: "penunjukanLangsung.negotiated", userId: ctx.vendorUser.id } }),
    ).toBe(1);
  });

  it("runs to the award and the SPPBJ at the agreed price, with no sanggah, and the public list shows the result", async () => {
    const ctx = await makeFailedRetender();
    const pl = await evaluated(ctx, 950_000_000n);
    const [first, second] = ctx.members.map((m) => m.actor);
    await rankTenderBids(first!, { tenderId: pl.tenderId });
    await recordPembuktian(first!, { tenderId: pl.tenderId, bidId: pl.bidId, passed: true, reason: REASON });
    await expect(proposeWinner(first!, { tenderId: pl.tenderId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "plNegotiationMissing",
    });
    await recordNegotiation(first!, { tenderId: pl.tenderId, agreedPrice: 920_000_000n, minutes: MINUTES });
    const proposal = await proposeWinner(first!, { tenderId: pl.tenderId });
    await decideWinnerProposal(second!, {
      tenderId: pl.tenderId,
      proposalId: proposal.proposalId,
      decision: "APPROVE",
      reason: "",
    });
    await announceWinner(first!, { tenderId: pl.tenderId });
    const sppbj = await issueSppbj(ctx.ppk, { tenderId: pl.tenderId });
    const tender = await db.tender.findUniqueOrThrow({
      where: { id: pl.tenderId },
      select: { status: true, winnerBidId: true, code: true },
    });
    expect(tender).toMatchObject({ status: "COMPLETED", winnerBidId: pl.bidId });
    const issued = await db.auditEvent.findFirstOrThrow({
      where: { action: "sppbj.issued", entityId: pl.tenderId },
      select: { data: true },
    });
    expect(issued.data).toMatchObject({ price: "920000000", letterNumber: sppbj.letterNumber });
    expect(await db.notification.count({ where: { kind: "sppbj.issued", userId: ctx.vendorUser.id } })).toBe(1);
    expect((await findPublicPenunjukan()).items).toMatchObject([
      { code: tender.code, status: "COMPLETED", vendorName: ctx.vendor.name, agreedPrice: 920_000_000n },
    ]);
  });
});
