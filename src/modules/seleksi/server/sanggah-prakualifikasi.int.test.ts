import { describe, expect, it } from "vitest";
import { makeActor } from "@/tests/factories";
import { makeApplication, makeConsultant, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";
import { answerSanggahPrakualifikasi } from "./answer-sanggah-prakualifikasi";
import { concludePrequalification } from "./conclude-prequalification";
import { decidePrequalification } from "./decide-prequalification";
import { fileSanggahPrakualifikasi } from "./file-sanggah-prakualifikasi";

const BODY = "Pengalaman kami memenuhi syarat, bukti kontrak terlampir pada formulir.";
const ANSWER = "Setelah diperiksa ulang, bukti pengalaman memang memenuhi syarat.";
const IN_SANGGAH = -50;

/** A seleksi whose shortlist was announced a minute ago: three listed, `rejected` not. */
async function announced(shiftHours = IN_SANGGAH) {
  const made = await makeSeleksiTender({ shiftHours });
  const decision = { passed: true, score: 80, decidedById: made.pokja.userId };
  const listed = [];
  for (let i = 0; i < 3; i++) listed.push(await makeApplication(made.tender.id, { decision, shortlisted: true }));
  const rejected = await makeApplication(made.tender.id, { decision: { ...decision, passed: false } });
  await db.$executeRaw`UPDATE "Tender" SET "shortlistAnnouncedAt" = now() - interval '1 minute' WHERE id = ${made.tender.id}::uuid`;
  return { ...made, listed, rejected };
}

describe("sanggah prakualifikasi", () => {
  it("an applicant files once inside its stage; the Pokja is told", async () => {
    const { tender, rejected, pokja } = await announced();
    const sanggah = await fileSanggahPrakualifikasi(rejected.penyedia, { tenderId: tender.id, body: BODY });
    expect(await db.sanggah.findUniqueOrThrow({ where: { id: sanggah.id } })).toMatchObject({
      kind: "SANGGAH_PRAKUALIFIKASI",
      bidId: null,
      vendorId: rejected.vendor.id,
    });
    expect(await db.notification.count({ where: { userId: pokja.userId, kind: "seleksi.sanggahFiled" } })).toBe(1);
    await expect(
      fileSanggahPrakualifikasi(rejected.penyedia, { tenderId: tender.id, body: BODY }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a firm that did not apply, a short text, and outside the stage", async () => {
    const { tender } = await announced();
    const stranger = await makeConsultant();
    await expect(
      fileSanggahPrakualifikasi(stranger.penyedia, { tenderId: tender.id, body: BODY }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "seleksi.notApplicant" });
    for (const [shift, key] of [
      [-30, "seleksi.sanggahPrakualifikasiNotOpen"],
      [-100, "seleksi.sanggahPrakualifikasiClosed"],
    ] as const) {
      const other = await announced(shift);
      await expect(
        fileSanggahPrakualifikasi(other.rejected.penyedia, { tenderId: other.tender.id, body: BODY }),
      ).rejects.toMatchObject({ messageKey: key });
    }
    const again = await announced();
    await expect(
      fileSanggahPrakualifikasi(again.rejected.penyedia, { tenderId: again.tender.id, body: "pendek" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("rejected: the shortlist stands", async () => {
    const { tender, rejected, pokja } = await announced();
    const { id } = await fileSanggahPrakualifikasi(rejected.penyedia, { tenderId: tender.id, body: BODY });
    await answerSanggahPrakualifikasi(pokja, { sanggahId: id, verdict: "REJECTED", answer: ANSWER });
    const row = await db.tender.findUniqueOrThrow({ where: { id: tender.id } });
    expect(row.shortlistAnnouncedAt).not.toBeNull();
    await expect(
      answerSanggahPrakualifikasi(pokja, { sanggahId: id, verdict: "ACCEPTED", answer: ANSWER }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("accepted: the shortlist is withdrawn, the Pokja decides again and announces once more", async () => {
    const { tender, rejected, pokja, outsider, agency } = await announced();
    const { id } = await fileSanggahPrakualifikasi(rejected.penyedia, { tenderId: tender.id, body: BODY });
    const input = { sanggahId: id, verdict: "ACCEPTED", answer: ANSWER } as const;
    await expect(answerSanggahPrakualifikasi(outsider, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(answerSanggahPrakualifikasi(await makeActor("PPK", agency.id), input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await answerSanggahPrakualifikasi(pokja, input);
    const after = await db.tender.findUniqueOrThrow({ where: { id: tender.id } });
    expect(after.shortlistAnnouncedAt).toBeNull();
    expect(await db.prequalificationApplication.count({ where: { tenderId: tender.id, shortlisted: true } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.shortlistWithdrawn", entityId: tender.id } })).toBe(1);
    await decidePrequalification(pokja, {
      applicationId: rejected.application.id,
      passed: true,
      score: 99,
      reason: ANSWER,
    });
    const result = await concludePrequalification(pokja, { tenderId: tender.id });
    expect(result.shortlist[0]).toBe(rejected.application.id);
    expect(result.shortlist).toHaveLength(4);
  });
});
