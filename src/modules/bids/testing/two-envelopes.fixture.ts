import { randomUUID } from "node:crypto";
import type { EvaluationMethod } from "@/generated/prisma/enums";
import {
  actorFor,
  bidPdf,
  makeAgency,
  makeBidder,
  makePaket,
  makePokja,
  makeStages,
  makeTender,
  makeUser,
  makeUserOpeningKey,
  stageBidFile,
} from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { createOpeningKey } from "../server/keys/create-opening-key";
import { submitBid } from "../server/submit-bid";
import { approveOpening } from "../server/opening/approve-opening";
import { passDeadline } from "./opening.fixture";

/**
 * Test set-up for two envelopes (not a test itself): a published seleksi (a consultancy
 * paket, whose procedure has twoFiles) with its keys made as publication makes them, and
 * real sealed bids of a TEKNIS and a HARGA file each.
 */
export async function makeTwoEnvelopeTender(
  prices: bigint[],
  options: { method?: EvaluationMethod; passingGrade?: number } = {},
) {
  const agency = await makeAgency();
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const members = [];
  for (let i = 0; i < 3; i++) {
    const user = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const passphrase = `harga-uji-${i}-${randomUUID()}`;
    await makeUserOpeningKey(user.id, passphrase);
    members.push({ user, actor: actorFor(user), passphrase });
  }
  const pokja = await makePokja(
    agency,
    members.map((m) => m.user.id),
  );
  const paket = await makePaket(agency, ppk.id, { status: "IN_SELECTION", category: "JASA_KONSULTANSI" });
  const now = await dbNow();
  const at = (ms: number) => new Date(now.getTime() + ms);
  const hour = 3_600_000;
  const made = await makeTender(paket, { pokjaId: pokja.id, status: "PUBLISHED", publishedAt: at(-2 * hour) });
  const tender = await db.tender.update({
    where: { id: made.id },
    data: {
      evaluationMethod: options.method ?? "KUALITAS_BIAYA",
      technicalPassingGrade: options.passingGrade ?? 70,
      // prakualifikasi is behind it: the shortlist was announced (seleksi's own tests cover how)
      shortlistAnnouncedAt: at(-90 * 60_000),
    },
  });
  await makeStages(tender.id, [
    ["PENGUMUMAN", at(-2 * hour), at(-hour)],
    ["UPLOAD_PENAWARAN", at(-hour), at(24 * hour)],
    ["PEMBUKAAN", at(24 * hour), at(25 * hour)],
    ["EVALUASI", at(25 * hour), at(48 * hour)],
    ["PEMBUKAAN_HARGA", at(48 * hour), at(49 * hour)],
  ]);
  await db.$transaction((tx) => createOpeningKey(tx, tender.id));
  const bidders = [];
  for (const price of prices) {
    const bidder = await makeBidder(tender.id);
    await db.prequalificationApplication.create({
      data: {
        tenderId: tender.id,
        vendorId: bidder.vendor.id,
        submittedById: bidder.user.id,
        submittedAt: at(-2 * hour),
        form: {},
        passed: true,
        score: 80,
        reason: "memenuhi",
        decidedById: members[0]!.user.id,
        decidedAt: at(-100 * 60_000),
        shortlisted: true,
      },
    });
    const files = [];
    for (const part of ["TEKNIS", "HARGA"] as const) {
      const staged = await stageBidFile(bidder.actor, tender.id, bidPdf(`${part}-${randomUUID()}`), part);
      files.push({ id: staged.id, part });
    }
    const input = {
      tenderId: tender.id,
      price,
      files: files.map((f) => ({ id: f.id })),
      idempotencyKey: randomUUID(),
      integrityPact: true,
    } as Parameters<typeof submitBid>[1];
    const submitted = await submitBid(bidder.actor, input);
    bidders.push({ ...bidder, price, files, ...submitted });
  }
  return { agency, ppk: actorFor(ppk), pokja, members, tender, bidders };
}

/** The first opening (pembukaan) by two of the three members, after the deadline. */
export async function openFirstEnvelope(
  tenderId: string,
  members: { actor: Parameters<typeof approveOpening>[0]; passphrase: string }[],
) {
  await passDeadline(tenderId);
  for (const m of members.slice(0, 2)) await approveOpening(m.actor, { tenderId, passphrase: m.passphrase });
}

/** Records the evaluation up to TEKNIS for a bid as the Pokja would (score: the TEKNIS score). */
export async function recordTechnical(tenderId: string, bidId: string, score: number, decidedById: string) {
  const decidedAt = await dbNow();
  for (const stage of ["ADMINISTRASI", "KUALIFIKASI"] as const)
    await db.evaluation.create({
      data: { tenderId, bidId, stage, passed: true, reason: "memenuhi", decidedById, decidedAt },
    });
  await db.evaluation.create({
    data: { tenderId, bidId, stage: "TEKNIS", passed: score >= 0, reason: "dinilai", score, decidedById, decidedAt },
  });
}

/** Moves the PEMBUKAAN_HARGA stage's start to the database's "now", as time passing would. */
export async function startPriceStage(tenderId: string) {
  const now = await dbNow();
  await db.tenderStage.updateMany({
    where: { tenderId, kind: "PEMBUKAAN_HARGA" },
    data: { startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + 3_600_000) },
  });
}

/** A FAILED negotiation with the made tender's i-th bidder, as the Pokja records it (evaluation's own tests cover how). */
export async function failNegotiation(made: Awaited<ReturnType<typeof makeTwoEnvelopeTender>>, i: number) {
  await db.negotiation.create({
    data: {
      tenderId: made.tender.id,
      bidId: made.bidders[i]!.bidId,
      outcome: "FAILED",
      minutes: "tidak sepakat",
      negotiatedById: made.members[0]!.user.id,
      negotiatedAt: await dbNow(),
    },
  });
}
