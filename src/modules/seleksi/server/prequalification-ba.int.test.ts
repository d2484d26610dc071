import { describe, expect, it } from "vitest";
import { makeActor } from "@/tests/factories";
import { makeApplication, makeConsultant, makeSeleksiTender } from "@/tests/factories/seleksi";
import { getDocumentForDownload } from "@/modules/documents/server/get-document-for-download";
import { pdfText } from "@/modules/bids/testing/opening.fixture";
import { db } from "@/server/db";
import { openStored } from "@/server/storage";
import { answerSanggahPrakualifikasi } from "./answer-sanggah-prakualifikasi";
import { concludePrequalification } from "./conclude-prequalification";
import { decidePrequalification } from "./decide-prequalification";
import { fileSanggahPrakualifikasi } from "./file-sanggah-prakualifikasi";
import { getPokjaPrequalification } from "./get-pokja-prequalification";
import { getVendorPrequalification } from "./get-vendor-prequalification";

const PUBLIC_REASON = "Peserta yang lulus prakualifikasi kurang dari ketentuan.";
const SANGGAH = "Pengalaman kami memenuhi syarat, bukti kontrak terlampir pada formulir.";
const ANSWER = "Setelah diperiksa ulang, bukti pengalaman memang memenuhi syarat.";

/** A seleksi whose applications are decided (a score of 60 or more passes), ready to conclude. */
async function decided(scores: number[], options: { round?: number; shiftHours?: number } = {}) {
  const made = await makeSeleksiTender({ shiftHours: options.shiftHours ?? -30 });
  if (options.round)
    await db.$executeRaw`UPDATE "Tender" SET "prequalificationRound" = ${options.round} WHERE id = ${made.tender.id}::uuid`;
  const apps = [];
  for (const score of scores)
    apps.push(
      await makeApplication(made.tender.id, {
        round: options.round ?? 1,
        decision: { passed: score >= 60, score, decidedById: made.pokja.userId },
      }),
    );
  return { ...made, apps };
}

const bas = (tenderId: string) =>
  db.document.findMany({ where: { tenderId, kind: "BERITA_ACARA" }, orderBy: { createdAt: "asc" } });

async function storedText(documentId: string) {
  const { storageKey } = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  const parts: Buffer[] = [];
  for await (const chunk of openStored(storageKey)) parts.push(chunk as Buffer);
  return pdfText(Buffer.concat(parts)).replace(/\s+/g, " "); // lines wrap anywhere
}

describe("Berita Acara Hasil Prakualifikasi", () => {
  it("a shortlist writes one BA naming every applicant, its decision, the shortlist and the rule; its hash is in the audit event", async () => {
    const ctx = await decided([80, 70, 65, 10]);
    const result = await concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id });
    expect(result.outcome).toBe("shortlist");
    const [ba, ...more] = await bas(ctx.tender.id);
    expect(more).toHaveLength(0);
    expect(ba).toMatchObject({ id: result.beritaAcaraId, isPublic: false, mimeType: "application/pdf" });
    const text = await storedText(ba!.id);
    expect(text).toContain("BERITA ACARA HASIL PRAKUALIFIKASI");
    for (const a of ctx.apps) expect(text).toContain(a.vendor.name);
    expect(text).toContain("LULUS, nilai 80");
    expect(text).toContain("TIDAK LULUS, nilai 10");
    expect(text).toContain("Daftar pendek ditetapkan");
    expect(text).toContain("3 lulus, paling sedikit 3: daftar pendek diumumkan");
    expect(text).toContain(`1. ${ctx.apps[0]!.vendor.name}`);
    const member = await db.user.findUniqueOrThrow({ where: { id: ctx.pokja.userId }, select: { name: true } });
    expect(text).toContain(`${member.name} (menyimpulkan hasil)`);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: ctx.tender.id, action: "tender.shortlistAnnounced" },
    });
    expect(event.data).toMatchObject({ beritaAcara: { documentId: ba!.id, sha256: ba!.sha256 }, outcome: "shortlist" });
  });

  it("a repeat writes one BA with the rule and the Pokja's public reason", async () => {
    const ctx = await decided([80, 10]);
    await concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id, reason: PUBLIC_REASON });
    const docs = await bas(ctx.tender.id);
    expect(docs).toHaveLength(1);
    const text = await storedText(docs[0]!.id);
    for (const a of ctx.apps) expect(text).toContain(a.vendor.name);
    expect(text).toContain("Prakualifikasi diulang");
    expect(text).toContain("1 lulus, kurang dari 3: prakualifikasi diulang");
    expect(text).toContain(PUBLIC_REASON);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: ctx.tender.id, action: "tender.prequalificationRepeated" },
    });
    expect(event.data).toMatchObject({ beritaAcara: { documentId: docs[0]!.id, sha256: docs[0]!.sha256 } });
  });

  it("a failure after the repeat writes one BA; the failed event carries its hash", async () => {
    const ctx = await decided([80, 10], { round: 2 });
    const result = await concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id, reason: PUBLIC_REASON });
    expect(result.outcome).toBe("failedOneLeft");
    const docs = await bas(ctx.tender.id);
    expect(docs).toHaveLength(1);
    const text = await storedText(docs[0]!.id);
    for (const a of ctx.apps) expect(text).toContain(a.vendor.name);
    expect(text).toContain("Seleksi gagal (satu peserta lulus)");
    expect(text).toContain("Babak prakualifikasi: 2");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: ctx.tender.id, action: "tender.failed" } });
    expect(event.data).toMatchObject({ beritaAcara: { documentId: docs[0]!.id, sha256: docs[0]!.sha256 } });
  });

  it("a refused conclusion writes none: wrong role, another Pokja, undecided, too early, no reason", async () => {
    const ctx = await decided([80, 70, 65]);
    const ppk = await makeActor("PPK", ctx.agency.id);
    for (const who of [ppk, ctx.outsider, ctx.apps[0]!.penyedia])
      await expect(concludePrequalification(who, { tenderId: ctx.tender.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    expect(await bas(ctx.tender.id)).toHaveLength(0);

    const pending = await decided([80, 70]);
    await makeApplication(pending.tender.id);
    await expect(concludePrequalification(pending.pokja, { tenderId: pending.tender.id })).rejects.toMatchObject({
      messageKey: "seleksi.undecided",
    });
    const early = await decided([80, 70, 65], { shiftHours: 0 });
    await expect(concludePrequalification(early.pokja, { tenderId: early.tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    const few = await decided([80]);
    await expect(concludePrequalification(few.pokja, { tenderId: few.tender.id })).rejects.toMatchObject({
      messageKey: "seleksi.reasonRequired",
    });
    for (const t of [pending, early, few]) expect(await bas(t.tender.id)).toHaveLength(0);
    // and once announced, a second conclusion adds none
    await concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id });
    await expect(concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      messageKey: "seleksi.shortlistAlreadyAnnounced",
    });
    expect(await bas(ctx.tender.id)).toHaveLength(1);
  });

  it("the applicants and the Pokja see it on their pages and download it; a stranger gets NOT_FOUND", async () => {
    const ctx = await decided([80, 70, 65, 10]);
    const { beritaAcaraId } = await concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id });
    const listed = [{ documentId: beritaAcaraId, round: 1, outcome: "shortlist" }];
    expect((await getPokjaPrequalification(ctx.pokja, ctx.tender.id)).beritaAcara).toMatchObject(listed);
    const rejected = ctx.apps[3]!.penyedia;
    expect((await getVendorPrequalification(rejected, ctx.tender.id)).beritaAcara).toMatchObject(listed);
    await expect(getDocumentForDownload(rejected, beritaAcaraId)).resolves.toMatchObject({ tenderId: ctx.tender.id });

    const stranger = await makeConsultant();
    expect((await getVendorPrequalification(stranger.penyedia, ctx.tender.id)).beritaAcara).toEqual([]);
    await expect(getDocumentForDownload(stranger.penyedia, beritaAcaraId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // an applicant of another seleksi is no reader of this one's
    const other = await decided([80]);
    await expect(getDocumentForDownload(other.apps[0]!.penyedia, beritaAcaraId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getDocumentForDownload(null, beritaAcaraId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an accepted sanggah prakualifikasi withdraws the shortlist; the next conclusion writes a new BA and the old stays", async () => {
    const ctx = await decided([80, 70, 65, 10], { shiftHours: -50 });
    const first = await concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id });
    const rejected = ctx.apps[3]!;
    const { id } = await fileSanggahPrakualifikasi(rejected.penyedia, { tenderId: ctx.tender.id, body: SANGGAH });
    await answerSanggahPrakualifikasi(ctx.pokja, { sanggahId: id, verdict: "ACCEPTED", answer: ANSWER });
    expect(await bas(ctx.tender.id)).toHaveLength(1);
    await decidePrequalification(ctx.pokja, {
      applicationId: rejected.application.id,
      passed: true,
      score: 99,
      reason: ANSWER,
    });
    const second = await concludePrequalification(ctx.pokja, { tenderId: ctx.tender.id });
    const docs = await bas(ctx.tender.id);
    expect(docs.map((d) => d.id)).toEqual([first.beritaAcaraId, second.beritaAcaraId]);
    expect(await storedText(second.beritaAcaraId)).toContain(`1. ${rejected.vendor.name}`);
    expect(await storedText(first.beritaAcaraId)).toContain("TIDAK LULUS, nilai 10");
    const view = await getPokjaPrequalification(ctx.pokja, ctx.tender.id);
    expect(view.beritaAcara.map((b) => b.documentId)).toEqual([first.beritaAcaraId, second.beritaAcaraId]);
  });
});
