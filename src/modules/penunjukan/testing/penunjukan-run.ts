import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { recordEvaluation } from "@/modules/evaluation/server/record-evaluation";
import { decidePenunjukanLangsung } from "@/modules/failure/server/decide-penunjukan-langsung";
import { requestPenunjukanLangsung } from "@/modules/failure/server/request-penunjukan-langsung";
import { approveOpening } from "@/modules/bids/server/opening/approve-opening";
import { passDeadline } from "@/modules/bids/testing/opening.fixture";
import { publishTender } from "@/modules/tenders/server/publish-tender";
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

// A penunjukan langsung run as each integration test needs it: a failed tender ulang,
// the PA/KPA's approval, the invitation, the sealed offer, its opening and evaluation.

export const JUSTIFICATION =
  "Tender ulang gagal karena tidak ada penawaran; penunjukan langsung kepada penyedia yang mampu.";
const NOTE = "Disetujui sesuai Pasal 38 ayat (5) Perpres 16/2018.";
export const MINUTES = "Klarifikasi teknis sesuai KAK; harga disepakati turun setelah negosiasi satuan pekerjaan.";
export const REASON = "Memenuhi seluruh persyaratan dokumen pemilihan.";

/**
 * A tender ulang that failed after a failed first tender,
 * with a Pokja holding real opening keys, the agency's PPK and PA/KPA, and a verified
 * vendor with a user.
 */
export async function makeFailedRetender() {
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
export async function prepareInvitation(pokja: Parameters<typeof uploadDocument>[0], tenderId: string) {
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
export async function approved(ctx: Ctx, vendorId: string | null = ctx.vendor.id) {
  const request = await requestPenunjukanLangsung(ctx.ppk, {
    tenderId: ctx.failedTender.id,
    justification: JUSTIFICATION,
    vendorId: vendorId ?? undefined,
  });
  const decided = await decidePenunjukanLangsung(ctx.kpa, { requestId: request.id, decision: "APPROVED", note: NOTE });
  return { requestId: request.id, tenderId: decided.penunjukanTenderId! };
}

export async function invited(ctx: Ctx) {
  const pl = await approved(ctx);
  await prepareInvitation(ctx.members[0]!.actor, pl.tenderId);
  await publishTender(ctx.members[0]!.actor, { tenderId: pl.tenderId });
  await openOfferWindow(pl.tenderId);
  return pl;
}

export async function offerOpened(ctx: Ctx, price: bigint) {
  const pl = await invited(ctx);
  const file = await stageBidFile(ctx.vendorActor, pl.tenderId, bidPdf(`HARGA-${randomUUID()}`), "HARGA");
  const bid = await submitBid(ctx.vendorActor, {
    integrityPact: true,
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

export async function evaluated(ctx: Ctx, price: bigint) {
  const pl = await offerOpened(ctx, price);
  const pokja = ctx.members[0]!.actor;
  for (const stage of ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"] as const) {
    await recordEvaluation(pokja, { tenderId: pl.tenderId, bidId: pl.bidId, stage, passed: true, reason: REASON });
  }
  return pl;
}
