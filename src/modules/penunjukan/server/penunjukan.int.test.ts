import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decideWinnerProposal } from "@/modules/award/server/approve-winner";
import { announceWinner } from "@/modules/award/server/announce-winner";
import { proposeWinner } from "@/modules/award/server/propose-winner";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { recordEvaluation } from "@/modules/evaluation/server/record-evaluation";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { decidePenunjukanLangsung } from "@/modules/failure/server/decide-penunjukan-langsung";
import { requestPenunjukanLangsung } from "@/modules/failure/server/request-penunjukan-langsung";
import { approveOpening } from "@/modules/bids/server/opening/approve-opening";
import { passDeadline } from "@/modules/bids/testing/opening.fixture";
import { registerForTender } from "@/modules/participation/server/register-for-tender";
import { issueSppbj } from "@/modules/sppbj/server/issue-sppbj";
import { findPublicTenders } from "@/modules/tenders/server/find-public-tenders";
import { publishTender } from "@/modules/tenders/server/publish-tender";
import { choosePenunjukanVendor } from "./choose-penunjukan-vendor";
import { findPublicPenunjukan } from "./find-public-penunjukan";
import { recordNegotiation } from "./record-negotiation";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { buildDefaultSchedule } from "@/modules/tenders/domain/schedule";
import { setTenderSchedule } from "@/modules/tenders/server/set-tender-schedule";
import { procedureStages } from "@/modules/tenders/server/tender-stages";
import {
  actorFor,
  bidPdf,
  makeSealedBidTender,
  makeTender,
  makeUser,
  makeVendor,
  PDF_BYTES,
  stageBidFile,
} from "@/tests/factories";
import { db, dbNow } from "@/server/db";

const JUSTIFICATION = "Tender ulang gagal karena tidak ada penawaran; penunjukan langsung kepada penyedia yang mampu.";
const NOTE = "Disetujui sesuai Pasal 38 ayat (5) Perpres 16/2018.";
const MINUTES = "Klarifikasi teknis sesuai KAK; harga disepakati turun setelah negosiasi satuan pekerjaan.";
const REASON = "Memenuhi seluruh persyaratan dokumen pemilihan.";

/**
 * A tender ulang that failed after a failed first tender,
 * with a Pokja holding real opening keys, the agency's PPK and PA/KPA, and a verified
 * vendor with a user.
 */
async function makeFailedRetender() {
  const made = await makeSealedBidTender();
  const failedAt = new Date((await dbNow()).getTime() - 3_600_000);
  const first = await db.tender.update({
    where: { id: made.tender.id },
    data: {
      status: "FAILED",
      failedAt,
      failureKind: "NO_BIDS",
      endReason: "Tidak ada penawaran (uji).",
      nextCheckAt: null,
    },
  });
  const paket = await db.paket.update({
    where: { id: first.paketId },
    data: { pagu: 1_100_000_000n, hps: 1_000_000_000n },
  });
  const again = await makeTender(paket, { pokjaId: made.pokja.id, status: "FAILED", publishedAt: failedAt });
  await db.tender.update({
    where: { id: again.id },
    data: {
      previousTenderId: first.id,
      qualification: "Memiliki NIB sesuai KBLI 41011.",
      evaluationMethod: "HARGA_TERENDAH",
    },
  });
  const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: made.agency.id }]));
  const kpa = actorFor(await makeUser([{ role: "KPA", agencyId: made.agency.id }]));
  const vendor = await makeVendor({ name: "PT Ditunjuk Langsung Uji" });
  const vendorUser = await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
  return { ...made, failedTender: again, paket, ppk, kpa, vendor, vendorUser, vendorActor: actorFor(vendorUser) };
}

/** The Pokja's set-up of a penunjukan langsung draft: the selection document and the default schedule an hour ahead. */
async function prepareInvitation(pokja: Parameters<typeof uploadDocument>[0], tenderId: string) {
  await uploadDocument(pokja, {
    target: { tenderId },
    kind: "DOKUMEN_PEMILIHAN",
    fileName: "Dokumen Pemilihan PL.pdf",
    body: Readable.from([PDF_BYTES]),
  });
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { procedure: { select: { stages: true } } },
  });
  const windows = buildDefaultSchedule(
    procedureStages(tender.procedure.stages),
    new Date((await dbNow()).getTime() + 3_600_000),
  );
  await setTenderSchedule(pokja, { tenderId, stages: windows });
}

/**
 * The invitation's schedule as time passing would make it: the offer window open for a
 * day already (longer than its 24-hour minimum even once opening.fixture's passDeadline
 * ends it), every stage moved by the same amount.
 */
async function openOfferWindow(tenderId: string) {
  const now = (await dbNow()).getTime();
  const stages = await db.tenderStage.findMany({ where: { tenderId }, orderBy: { position: "asc" } });
  const upload = stages.find((s) => s.kind === "UPLOAD_PENAWARAN")!;
  const shift = upload.startsAt.getTime() - (now - 25 * 3_600_000);
  for (const s of [...stages].sort((a, b) => a.position - b.position)) {
    await db.tenderStage.update({
      where: { id: s.id },
      data: { startsAt: new Date(s.startsAt.getTime() - shift), endsAt: new Date(s.endsAt.getTime() - shift) },
    });
  }
}

type Ctx = Awaited<ReturnType<typeof makeFailedRetender>>;

/** Request and approval: returns the penunjukan langsung tender the approval created. */
async function approved(ctx: Ctx, vendorId: string | null = ctx.vendor.id) {
  const request = await requestPenunjukanLangsung(ctx.ppk, {
    tenderId: ctx.failedTender.id,
    justification: JUSTIFICATION,
    vendorId: vendorId ?? undefined,
  });
  const decided = await decidePenunjukanLangsung(ctx.kpa, { requestId: request.id, decision: "APPROVED", note: NOTE });
  return { requestId: request.id, tenderId: decided.penunjukanTenderId! };
}

async function invited(ctx: Ctx) {
  const pl = await approved(ctx);
  await prepareInvitation(ctx.members[0]!.actor, pl.tenderId);
  await publishTender(ctx.members[0]!.actor, { tenderId: pl.tenderId });
  await openOfferWindow(pl.tenderId);
  return pl;
}

async function offerOpened(ctx: Ctx, price: bigint) {
  const pl = await invited(ctx);
  const file = await stageBidFile(ctx.vendorActor, pl.tenderId, bidPdf(`HARGA-${randomUUID()}`), "HARGA");
  const bid = await submitBid(ctx.vendorActor, {
    tenderId: pl.tenderId,
    price,
    files: [{ id: file.id }],
    idempotencyKey: randomUUID(),
  });
  await passDeadline(pl.tenderId);
  for (const m of ctx.members.slice(0, 2))
    await approveOpening(m.actor, { tenderId: pl.tenderId, passphrase: m.passphrase });
  const bidId = (await db.bid.findFirstOrThrow({ where: { tenderId: pl.tenderId }, select: { id: true } })).id;
  return { ...pl, bidId, bid };
}

async function evaluated(ctx: Ctx, price: bigint) {
  const pl = await offerOpened(ctx, price);
  const pokja = ctx.members[0]!.actor;
  for (const stage of ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"] as const) {
    await recordEvaluation(pokja, { tenderId: pl.tenderId, bidId: pl.bidId, stage, passed: true, reason: REASON });
  }
  return pl;
}

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
