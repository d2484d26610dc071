import { describe, expect, it } from "vitest";
import { makeQaTender, registerParticipant } from "@/tests/factories";
import { db } from "@/server/db";
import { answerQuestion } from "./answer-question";
import { askQuestion } from "./ask-question";
import { findPublicQuestions } from "./find-public-questions";

describe("findPublicQuestions", () => {
  it("numbers the questions in order and carries nothing about who asked", async () => {
    const { tender, pokja } = await makeQaTender();
    const a = await registerParticipant(tender.id);
    const b = await registerParticipant(tender.id);
    const q1 = await askQuestion(a.penyedia, { tenderId: tender.id, body: "Pertanyaan pertama dari penyedia A?" });
    await askQuestion(b.penyedia, { tenderId: tender.id, body: "Pertanyaan kedua dari penyedia B?" });
    await answerQuestion(pokja, { questionId: q1.id, body: "Jawaban untuk yang pertama." });

    const result = await findPublicQuestions(tender.id);
    expect(result?.timeZone).toBe("Asia/Jakarta");
    const questions = result!.questions;
    expect(questions.map((q) => q.number)).toEqual([1, 2]);
    for (const q of questions) expect(Object.keys(q).sort()).toEqual(["answer", "askedAt", "body", "number"]);
    expect(Object.keys(questions[0]!.answer!).sort()).toEqual(["answeredAt", "body"]);
    expect(questions[1]!.answer).toBeNull();
    const text = JSON.stringify(questions);
    for (const secret of [
      a.vendor.id,
      b.vendor.id,
      a.vendor.name,
      b.vendor.name,
      a.penyedia.userId,
      b.penyedia.userId,
      a.penyedia.name,
      pokja.userId,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("shows nothing for a draft tender", async () => {
    const { tender } = await makeQaTender();
    await db.tender.update({ where: { id: tender.id }, data: { status: "DRAFT", publishedAt: null } });
    expect(await findPublicQuestions(tender.id)).toBeNull();
  });
});
