import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { makeActor, makeAwardedTender, makeBidder, PDF_BYTES } from "@/tests/factories";
import { db } from "@/server/db";
import { answerSanggah } from "./answer-sanggah";
import { answerSanggahBanding } from "./answer-sanggah-banding";
import { fileSanggah } from "./file-sanggah";
import { fileSanggahBanding } from "./file-sanggah-banding";

const DAY = 86_400_000;
const BODY = "Evaluasi kualifikasi kami keliru: SBU kami masih berlaku sampai 2027.";
const ANSWER = "Setelah diperiksa ulang, SBU penyanggah memang telah kedaluwarsa pada tanggal evaluasi.";

describe("fileSanggah", () => {
  it("a bidder files inside the window; audited, the Pokja told; documents attach while it can be filed", async () => {
    const { tender, losers, pokja } = await makeAwardedTender();
    const filer = losers[0]!.penyedia;
    const sanggah = await fileSanggah(filer, { tenderId: tender.id, body: BODY });
    expect(await db.sanggah.findUniqueOrThrow({ where: { id: sanggah.id } })).toMatchObject({
      kind: "SANGGAH",
      vendorId: filer.vendorId,
      body: BODY,
      answeredAt: null,
    });
    expect(
      await db.auditEvent.count({ where: { action: "sanggah.filed", entityId: sanggah.id, actorId: filer.userId } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { kind: "sanggah.filed", userId: pokja.userId } })).toBe(1);
    const document = await uploadDocument(filer, {
      target: { sanggahId: sanggah.id },
      kind: "LAINNYA",
      fileName: "sbu.pdf",
      body: Readable.from([PDF_BYTES]),
    });
    expect(
      await db.document.findUniqueOrThrow({
        where: { id: document.id },
        select: { sanggahId: true, vendorId: true, isPublic: true },
      }),
    ).toEqual({ sanggahId: sanggah.id, vendorId: filer.vendorId, isPublic: false });
    await expect(
      uploadDocument(pokja, {
        target: { sanggahId: sanggah.id },
        kind: "LAINNYA",
        fileName: "x.pdf",
        body: Readable.from([PDF_BYTES]),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fileSanggah(filer, { tenderId: tender.id, body: BODY })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "sanggahAlreadyFiled",
    });
  });

  it("refuses 1 ms after the window closes, naming the window in the agency zone", async () => {
    const { tender, losers } = await makeAwardedTender({ announcedAgoMs: 5 * DAY + 1, timeZone: "Asia/Jayapura" });
    const error = await fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body: BODY }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_STATE", messageKey: "sanggahWindowClosed" });
    expect((error as { values: { end: string } }).values.end).toMatch(/WIT$/);
    expect(await db.sanggah.count()).toBe(0);
  });

  it("refuses a vendor that did not bid, and a short text", async () => {
    const { tender, losers } = await makeAwardedTender();
    const registeredOnly = await makeBidder(tender.id);
    await expect(fileSanggah(registeredOnly.actor, { tenderId: tender.id, body: BODY })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "sanggahNotBidder",
    });
    await expect(
      fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body: "Tidak setuju." }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "sanggahTextTooShort" });
    expect(await db.sanggah.count()).toBe(0);
  });
});

describe("answerSanggah", () => {
  it("the Pokja answers once and the filer is told; a PPK may not answer", async () => {
    const { tender, losers, pokja, ppk } = await makeAwardedTender();
    const sanggah = await fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body: BODY });
    await expect(
      answerSanggah(ppk, { sanggahId: sanggah.id, verdict: "REJECTED", answer: ANSWER }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await answerSanggah(pokja, { sanggahId: sanggah.id, verdict: "REJECTED", answer: ANSWER })).toMatchObject({
      decision: "REJECTED",
      isLate: false,
    });
    await expect(
      answerSanggah(pokja, { sanggahId: sanggah.id, verdict: "ACCEPTED", answer: ANSWER }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await db.sanggah.findUniqueOrThrow({
        where: { id: sanggah.id },
        select: { decision: true, answer: true, answeredById: true },
      }),
    ).toEqual({ decision: "REJECTED", answer: ANSWER, answeredById: pokja.userId });
    expect(
      await db.notification.count({ where: { kind: "sanggah.answered", userId: losers[0]!.penyedia.userId } }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "sanggah.answered", entityId: sanggah.id } })).toBe(1);
  });

  it("takes a late answer and records it as late", async () => {
    const { tender, losers, pokja } = await makeAwardedTender();
    const sanggah = await fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body: BODY });
    const shift = 8 * DAY + 1;
    await db.$executeRaw`UPDATE "Tender" SET "announcedAt" = "announcedAt" - ${shift} * interval '1 millisecond' WHERE id = ${tender.id}::uuid`;
    await db.$executeRaw`UPDATE "Sanggah" SET "filedAt" = "filedAt" - ${shift} * interval '1 millisecond' WHERE id = ${sanggah.id}::uuid`;
    expect(await answerSanggah(pokja, { sanggahId: sanggah.id, verdict: "REJECTED", answer: ANSWER })).toMatchObject({
      isLate: true,
    });
  });
});

describe("sanggah banding", () => {
  async function rejectedSanggah(category: "BARANG" | "PEKERJAAN_KONSTRUKSI") {
    const made = await makeAwardedTender({ category, hps: 1_234_567_899n });
    const filer = made.losers[0]!.penyedia;
    const sanggah = await fileSanggah(filer, { tenderId: made.tender.id, body: BODY });
    await answerSanggah(made.pokja, { sanggahId: sanggah.id, verdict: "REJECTED", answer: ANSWER });
    return { ...made, filer, sanggah };
  }
  const APPEAL = "Kami tidak sependapat dengan jawaban Pokja atas masa berlaku SBU kami.";

  it("is refused for goods", async () => {
    const { filer, sanggah } = await rejectedSanggah("BARANG");
    await expect(
      fileSanggahBanding(filer, { sanggahId: sanggah.id, body: APPEAL, bondConfirmed: true }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bandingConstructionOnly" });
  });

  it("construction: filed with a bond of 1% of HPS rounded up, answered by the agency's KPA only", async () => {
    const { filer, sanggah, kpa, pokja } = await rejectedSanggah("PEKERJAAN_KONSTRUKSI");
    await expect(
      fileSanggahBanding(filer, { sanggahId: sanggah.id, body: APPEAL, bondConfirmed: false }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "bondNotConfirmed" });
    const banding = await fileSanggahBanding(filer, { sanggahId: sanggah.id, body: APPEAL, bondConfirmed: true });
    expect(banding.bondAmount).toBe(12_345_679n);
    expect(
      await db.sanggah.findUniqueOrThrow({
        where: { id: banding.id },
        select: { kind: true, appealOfId: true, bondAmount: true },
      }),
    ).toEqual({ kind: "SANGGAH_BANDING", appealOfId: sanggah.id, bondAmount: 12_345_679n });
    expect(await db.notification.count({ where: { kind: "sanggah.bandingFiled", userId: kpa.userId } })).toBe(1);
    await expect(
      fileSanggahBanding(filer, { sanggahId: sanggah.id, body: APPEAL, bondConfirmed: true }),
    ).rejects.toMatchObject({ messageKey: "bandingAlreadyFiled" });

    const otherKpa = await makeActor("KPA", (await makeAwardedTender()).agency.id);
    const answer = {
      bandingId: banding.id,
      verdict: "REJECTED" as const,
      answer: "Jawaban Pokja sudah sesuai dengan dokumen pemilihan.",
    };
    await expect(answerSanggahBanding(otherKpa, answer)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(answerSanggahBanding(pokja, answer)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await answerSanggahBanding(kpa, answer)).toMatchObject({ decision: "REJECTED", isLate: false });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "sanggah.bandingAnswered", entityId: banding.id },
      select: { actorId: true, data: true },
    });
    expect(audit).toMatchObject({ actorId: kpa.userId, data: { bondOutcome: "DICAIRKAN", bondAmount: "12345679" } });
  });

  it("is refused 1 ms after its window: 5 days after the Pokja's answer deadline", async () => {
    const { filer, sanggah, tender } = await rejectedSanggah("PEKERJAAN_KONSTRUKSI");
    // announced 13 days and 1 ms ago: masa sanggah 5 + answer period 3 + banding 5 ended 1 ms ago
    await db.$executeRaw`UPDATE "Tender" SET "announcedAt" = segel_now() - interval '13 days' - interval '1 millisecond' WHERE id = ${tender.id}::uuid`;
    await db.$executeRaw`UPDATE "Sanggah" SET "filedAt" = segel_now() - interval '10 days', "answeredAt" = segel_now() - interval '6 days' WHERE id = ${sanggah.id}::uuid`;
    await expect(
      fileSanggahBanding(filer, { sanggahId: sanggah.id, body: APPEAL, bondConfirmed: true }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bandingWindowClosed" });
  });
});
