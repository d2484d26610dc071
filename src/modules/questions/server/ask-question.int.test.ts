import { describe, expect, it } from "vitest";
import { makeQaTender, registerParticipant } from "@/tests/factories";
import { db } from "@/server/db";
import { askQuestion } from "./ask-question";

const BODY = "Apakah jaminan penawaran diperlukan untuk paket ini?";

describe("askQuestion", () => {
  it("records the question with the database time, audits it and tells the Pokja", async () => {
    const { tender, pokja } = await makeQaTender();
    const { vendor, penyedia } = await registerParticipant(tender.id);
    const { id } = await askQuestion(penyedia, { tenderId: tender.id, body: `  ${BODY}  ` });
    const row = await db.question.findUniqueOrThrow({
      where: { id },
      select: { body: true, vendorId: true, askedById: true, askedAt: true },
    });
    expect(row).toMatchObject({ body: BODY, vendorId: vendor.id, askedById: penyedia.userId });
    const audit = await db.auditEvent.findFirst({
      where: { action: "question.asked", entityId: id },
      select: { actorId: true, data: true },
    });
    expect(audit).toMatchObject({ actorId: penyedia.userId, data: { tenderId: tender.id, body: BODY } });
    expect(await db.notification.findMany({ where: { userId: pokja.userId }, select: { kind: true } })).toEqual([
      { kind: "question.asked" },
    ]);
  });

  it.each([
    [
      "before the stage",
      [
        ["PENGUMUMAN", -1, 2],
        ["PEMBERIAN_PENJELASAN", 2, 24],
        ["UPLOAD_PENAWARAN", 24, 48],
      ],
    ],
    [
      "after the stage",
      [
        ["PENGUMUMAN", -48, -24],
        ["PEMBERIAN_PENJELASAN", -24, -1],
        ["UPLOAD_PENAWARAN", -1, 48],
      ],
    ],
  ] as const)("refuses %s with INVALID_STATE naming the window in the agency zone", async (_label, stages) => {
    const { tender } = await makeQaTender({ stages: stages.map((s) => [...s]), timeZone: "Asia/Makassar" });
    const { penyedia } = await registerParticipant(tender.id);
    const error = await askQuestion(penyedia, { tenderId: tender.id, body: BODY }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_STATE", messageKey: "outsideExplanationStage" });
    const { values } = error as { values: { start: string; end: string } };
    expect(values.start).toMatch(/WITA$/);
    expect(values.end).toMatch(/WITA$/);
    expect(await db.question.count()).toBe(0);
  });

  it("refuses a vendor that is not registered for the tender, and an unverified one", async () => {
    const { tender } = await makeQaTender();
    const other = await makeQaTender();
    const { penyedia: stranger } = await registerParticipant(other.tender.id);
    await expect(askQuestion(stranger, { tenderId: tender.id, body: BODY })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "notRegisteredForTender",
    });
    const { penyedia: pending } = await registerParticipant(tender.id, { status: "PENDING" });
    await expect(askQuestion(pending, { tenderId: tender.id, body: BODY })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "vendorNotVerifiedForTender",
    });
    expect(await db.question.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "question.asked" } })).toBe(0);
  });

  it("refuses the Pokja itself, and a question that is too short or too long", async () => {
    const { tender, pokja } = await makeQaTender();
    const { penyedia } = await registerParticipant(tender.id);
    await expect(askQuestion(pokja, { tenderId: tender.id, body: BODY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(askQuestion(penyedia, { tenderId: tender.id, body: "  pendek  " })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "questionTooShort",
    });
    await expect(askQuestion(penyedia, { tenderId: tender.id, body: "x".repeat(4001) })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "questionTooLong",
    });
    expect(await db.question.count()).toBe(0);
  });
});
