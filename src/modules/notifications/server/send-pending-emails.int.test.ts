import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeQaTender, makeUser, registerParticipant } from "@/tests/factories";
import { answerQuestion } from "@/modules/questions/server/answer-question";
import { askQuestion } from "@/modules/questions/server/ask-question";
import { db } from "@/server/db";
import { startSmtpTestServer, type SmtpTestServer } from "../testing/smtp-test-server";
import { notify } from "./notify";
import { sendPendingEmails } from "./send-pending-emails";

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refuseWith(null);
});

const outbox = () =>
  db.emailOutbox.findMany({
    orderBy: { createdAt: "asc" },
    select: { to: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true },
  });
const dbClock = async () => (await db.$queryRaw<[{ now: Date }]>`SELECT clock_timestamp() AS now`)[0].now;
/** Lets time pass for the retry: every pending row becomes due now. */
const makeDue = () =>
  db.$executeRaw`UPDATE "EmailOutbox" SET "nextAttemptAt" = clock_timestamp() - interval '1 second' WHERE status = 'PENDING'`;

async function queueOne() {
  const user = await makeUser();
  await db.$transaction((tx) =>
    notify(tx, { userIds: [user.id], kind: "test", title: "Uji surel", body: "Isi surel uji.", link: "/kotak-masuk" }),
  );
  return user;
}

describe("sendPendingEmails", () => {
  it("after an answer is committed, mails every registered participant over SMTP", async () => {
    const { tender, pokja } = await makeQaTender();
    const a = await registerParticipant(tender.id, { users: 2 });
    const b = await registerParticipant(tender.id);
    const question = await askQuestion(a.penyedia, {
      tenderId: tender.id,
      body: "Apakah boleh menawarkan merek setara?",
    });
    await answerQuestion(pokja, {
      questionId: question.id,
      body: "Boleh, selama spesifikasinya setara atau lebih baik.",
    });

    const result = await sendPendingEmails({ smtpUrl: smtp.url });
    expect(result).toMatchObject({ mode: "smtp", failed: 0 });
    const answerMails = smtp.received.filter((m) => m.subject === `Jawaban baru: tender ${tender.code}`);
    const participants = [...a.users, b.penyedia].map((u) => u.email).sort();
    expect(answerMails.flatMap((m) => m.to).sort()).toEqual(participants);
    for (const mail of answerMails) {
      expect(mail.from).toBe("noreply@segel.test");
      expect(mail.text).toContain("Apakah boleh menawarkan merek setara?");
      expect(mail.text).toContain("Boleh, selama spesifikasinya setara atau lebih baik.");
      expect(mail.text).toContain(`/penyedia/tender/${tender.id}/penjelasan`);
    }
    // the Pokja was told of the question too
    expect(smtp.received.find((m) => m.to.includes(pokja.email))?.subject).toBe(
      `Pertanyaan baru: tender ${tender.code}`,
    );
    expect((await outbox()).every((r) => r.status === "SENT" && r.sentAt !== null)).toBe(true);
  });

  it("sends nothing for a change that rolled back", async () => {
    const user = await makeUser();
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { userIds: [user.id], kind: "test", title: "Tidak jadi", body: "Tidak boleh terkirim." });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await sendPendingEmails({ smtpUrl: smtp.url })).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await db.notification.count()).toBe(0);
  });

  it("on a 5xx refusal counts the attempt, waits, and sends on the retry", async () => {
    const user = await queueOne();
    smtp.refuseWith(550);
    expect(await sendPendingEmails({ smtpUrl: smtp.url })).toMatchObject({ failed: 1, sent: 0 });
    const [failed] = await outbox();
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(failed!.lastError).toMatch(/550/);
    const waitMs = failed!.nextAttemptAt.getTime() - (await dbClock()).getTime();
    expect(waitMs).toBeGreaterThan(50_000);
    expect(waitMs).toBeLessThanOrEqual(60_000);
    // not due yet: a tick now does nothing
    smtp.refuseWith(null);
    expect(await sendPendingEmails({ smtpUrl: smtp.url })).toMatchObject({ claimed: 0 });

    await makeDue();
    expect(await sendPendingEmails({ smtpUrl: smtp.url })).toMatchObject({ sent: 1 });
    expect((await outbox())[0]).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(smtp.received.map((m) => m.to)).toEqual([[user.email]]);
  });

  it("on a closed port counts the attempt and backs off further each time; FAILED after 8", async () => {
    await queueOne();
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const deadUrl = `smtp://127.0.0.1:${closed}`;
    await sendPendingEmails({ smtpUrl: deadUrl });
    const first = (await outbox())[0]!;
    expect(first).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(first.lastError).toMatch(/ECONNREFUSED|connect/i);
    await makeDue();
    await sendPendingEmails({ smtpUrl: deadUrl });
    const second = (await outbox())[0]!;
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt.getTime() - (await dbClock()).getTime()).toBeGreaterThan(4 * 60_000);

    await db.emailOutbox.updateMany({ data: { attempts: 7 } });
    await makeDue();
    await sendPendingEmails({ smtpUrl: deadUrl });
    expect((await outbox())[0]).toMatchObject({ status: "FAILED", attempts: 8 });
    await makeDue();
    expect(await sendPendingEmails({ smtpUrl: smtp.url })).toMatchObject({ claimed: 0 });
  });

  it("two senders at once send each mail exactly once", async () => {
    const users = [];
    for (let i = 0; i < 12; i++) users.push(await queueOne());
    const results = await Promise.all([
      sendPendingEmails({ smtpUrl: smtp.url, limit: 5 }),
      sendPendingEmails({ smtpUrl: smtp.url, limit: 5 }),
      sendPendingEmails({ smtpUrl: smtp.url, limit: 5 }),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(users.map((u) => u.email).sort());
    expect(await db.emailOutbox.count({ where: { status: "SENT" } })).toBe(12);
  });

  it("without an SMTP server keeps the mail for the in-app viewer and marks it SENT", async () => {
    await queueOne();
    expect(await sendPendingEmails({ smtpUrl: null })).toEqual({ mode: "viewer", claimed: 1, sent: 1, failed: 0 });
    expect((await outbox())[0]).toMatchObject({ status: "SENT", lastError: null });
    expect(smtp.received).toHaveLength(0);
  });
});
