import { describe, expect, it } from "vitest";
import { answerSanggah } from "@/modules/sanggah/server/answer-sanggah";
import { fileSanggah } from "@/modules/sanggah/server/file-sanggah";
import { makeActor, makeAgency, makeAwardedTender } from "@/tests/factories";
import { db } from "@/server/db";
import { openStored } from "@/server/storage";
import { issueSppbj } from "./issue-sppbj";

const DAY = 86_400_000;
const BODY = "Evaluasi kualifikasi kami keliru: SBU kami masih berlaku sampai 2027.";
const ANSWER = "Setelah diperiksa ulang, SBU penyanggah memang telah kedaluwarsa pada tanggal evaluasi.";

/** Moves the announcement and every sanggah filed so far back by `ms`, as if that time had passed. */
async function passTime(tenderId: string, ms: number) {
  await db.$executeRaw`UPDATE "Tender" SET "announcedAt" = "announcedAt" - ${ms} * interval '1 millisecond' WHERE id = ${tenderId}::uuid`;
  await db.$executeRaw`UPDATE "Sanggah" SET "filedAt" = "filedAt" - ${ms} * interval '1 millisecond', "answeredAt" = "answeredAt" - ${ms} * interval '1 millisecond' WHERE "tenderId" = ${tenderId}::uuid`;
}

async function readAll(storageKey: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of openStored(storageKey)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("issueSppbj", () => {
  it("is refused while the masa sanggah is open, then while a sanggah is unanswered, then issued", async () => {
    const { tender, ppk, pokja, losers, winner } = await makeAwardedTender({ timeZone: "Asia/Makassar" });
    await expect(issueSppbj(ppk, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "sppbjSanggahFilingOpen",
      values: { until: expect.stringMatching(/WITA$/) },
    });
    const sanggah = await fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body: BODY });
    await passTime(tender.id, 5 * DAY);
    await expect(issueSppbj(ppk, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "sppbjSanggahUnanswered",
    });
    await answerSanggah(pokja, { sanggahId: sanggah.id, verdict: "REJECTED", answer: ANSWER });
    expect(await db.document.count({ where: { kind: "SPPBJ" } })).toBe(0);

    const issued = await issueSppbj(ppk, { tenderId: tender.id });
    const document = await db.document.findUniqueOrThrow({
      where: { id: issued.documentId },
      select: { kind: true, tenderId: true, isPublic: true, mimeType: true, storageKey: true },
    });
    expect(document).toMatchObject({ kind: "SPPBJ", tenderId: tender.id, isPublic: true, mimeType: "application/pdf" });
    expect((await readAll(document.storageKey)).subarray(0, 5).toString()).toBe("%PDF-");
    expect(issued.letterNumber).toMatch(/^SPPBJ\//);
    const after = await db.tender.findUniqueOrThrow({
      where: { id: tender.id },
      select: { status: true, sppbjIssuedAt: true, completedAt: true, paket: { select: { status: true } } },
    });
    expect(after).toMatchObject({ status: "COMPLETED", paket: { status: "COMPLETED" } });
    expect(after.sppbjIssuedAt).toEqual(issued.issuedAt);
    expect(after.completedAt).toEqual(issued.issuedAt);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "sppbj.issued", entityId: tender.id },
      select: { actorId: true, data: true },
    });
    expect(audit).toMatchObject({ actorId: ppk.userId, data: { documentId: issued.documentId, price: "452750000" } });
    expect(await db.notification.count({ where: { kind: "sppbj.issued", userId: winner.penyedia.userId } })).toBe(1);
    await expect(issueSppbj(ppk, { tenderId: tender.id })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "sppbjAlreadyIssued",
    });
  });

  it("is refused after an accepted sanggah: the award is withdrawn and the evaluation redone", async () => {
    const { tender, ppk, pokja, losers } = await makeAwardedTender();
    const sanggah = await fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body: BODY });
    await answerSanggah(pokja, { sanggahId: sanggah.id, verdict: "ACCEPTED", answer: ANSWER });
    await passTime(tender.id, 9 * DAY);
    await expect(issueSppbj(ppk, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "sppbjNotAwarded",
    });
    expect(
      await db.tender.findUniqueOrThrow({ where: { id: tender.id }, select: { status: true, sppbjIssuedAt: true } }),
    ).toEqual({ status: "EVALUATION", sppbjIssuedAt: null });
  });

  it("construction: waits for the banding window of a rejected sanggah", async () => {
    const { tender, ppk, pokja, losers } = await makeAwardedTender({ category: "PEKERJAAN_KONSTRUKSI" });
    const sanggah = await fileSanggah(losers[0]!.penyedia, { tenderId: tender.id, body: BODY });
    await passTime(tender.id, 5 * DAY);
    await answerSanggah(pokja, { sanggahId: sanggah.id, verdict: "REJECTED", answer: ANSWER });
    await expect(issueSppbj(ppk, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "sppbjBandingOpen",
    });
    // answered 1 h before the answer deadline: the window ends 5 days after that deadline
    await passTime(tender.id, 3 * DAY + 4 * DAY);
    await expect(issueSppbj(ppk, { tenderId: tender.id })).rejects.toMatchObject({ messageKey: "sppbjBandingOpen" });
    await passTime(tender.id, DAY);
    await expect(issueSppbj(ppk, { tenderId: tender.id })).resolves.toMatchObject({ documentId: expect.any(String) });
  });

  it("refuses the Pokja and a PPK of another agency; nothing is written", async () => {
    const { tender, pokja } = await makeAwardedTender({ announcedAgoMs: 6 * DAY });
    const otherPpk = await makeActor("PPK", (await makeAgency()).id);
    await expect(issueSppbj(otherPpk, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issueSppbj(pokja, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.document.count({ where: { kind: "SPPBJ" } })).toBe(0);
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id }, select: { status: true } })).status).toBe(
      "AWARDED",
    );
  });
});
