import { describe, expect, it } from "vitest";
import { actorFor, makePokja, makeQaTender, makeUser, registerParticipant } from "@/tests/factories";
import { db } from "@/server/db";
import { answerQuestion } from "./answer-question";
import { askQuestion } from "./ask-question";

async function asked() {
  const made = await makeQaTender();
  const a = await registerParticipant(made.tender.id);
  const b = await registerParticipant(made.tender.id);
  const question = await askQuestion(a.penyedia, {
    tenderId: made.tender.id,
    body: "Berapa lama masa garansi yang diminta?",
  });
  return { ...made, a, b, questionId: question.id };
}

const answerOf = (questionId: string) =>
  db.answer.findUnique({ where: { questionId }, select: { body: true, answeredById: true } });

describe("answerQuestion", () => {
  it("answers once, audits it and notifies every registered participant", async () => {
    const { pokja, a, b, questionId } = await asked();
    expect(await answerQuestion(pokja, { questionId, body: "Garansi 12 bulan." })).toMatchObject({ edited: false });
    expect(await answerOf(questionId)).toEqual({ body: "Garansi 12 bulan.", answeredById: pokja.userId });
    const audit = await db.auditEvent.findFirst({
      where: { action: "question.answered", entityId: questionId },
      select: { actorId: true },
    });
    expect(audit?.actorId).toBe(pokja.userId);
    const told = await db.notification.findMany({ where: { kind: "question.answered" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([a.penyedia.userId, b.penyedia.userId].sort());
  });

  it("records an edit as its own audit event with the previous text", async () => {
    const { pokja, questionId } = await asked();
    await answerQuestion(pokja, { questionId, body: "Garansi 12 bulan." });
    expect(await answerQuestion(pokja, { questionId, body: "Garansi 24 bulan." })).toMatchObject({ edited: true });
    expect((await answerOf(questionId))?.body).toBe("Garansi 24 bulan.");
    const edit = await db.auditEvent.findFirst({
      where: { action: "question.answerEdited", entityId: questionId },
      select: { data: true },
    });
    expect(edit?.data).toMatchObject({ body: "Garansi 24 bulan.", previousBody: "Garansi 12 bulan." });
    expect(await db.answer.count()).toBe(1);
  });

  it("refuses a Pokja member of another tender, and a POKJA of the agency outside this Pokja", async () => {
    const { agency, questionId } = await asked();
    const other = await makeQaTender();
    await expect(answerQuestion(other.pokja, { questionId, body: "Jawaban dari luar." })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const colleague = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    await makePokja(agency, [colleague.id]);
    await expect(answerQuestion(actorFor(colleague), { questionId, body: "Jawaban dari luar." })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await db.answer.count()).toBe(0);
    expect(await db.notification.count({ where: { kind: "question.answered" } })).toBe(0);
  });

  it("refuses to answer or edit once the bid deadline has passed", async () => {
    const { tender, pokja, questionId } = await asked();
    await answerQuestion(pokja, { questionId, body: "Garansi 12 bulan." });
    await db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = clock_timestamp() - interval '3 hours', "endsAt" = clock_timestamp() - interval '1 second' WHERE "tenderId" = ${tender.id}::uuid AND kind = 'UPLOAD_PENAWARAN'`;
    await expect(answerQuestion(pokja, { questionId, body: "Garansi 24 bulan." })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "answerAfterDeadline",
    });
    expect((await answerOf(questionId))?.body).toBe("Garansi 12 bulan.");
  });
});
