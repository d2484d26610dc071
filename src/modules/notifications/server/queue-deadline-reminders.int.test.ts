import { describe, expect, it } from "vitest";
import { makeQaTender, registerParticipant } from "@/tests/factories";
import { db } from "@/server/db";
import { queueDeadlineReminders } from "./queue-deadline-reminders";

async function submittedBid(tenderId: string, vendorId: string, userId: string) {
  await db.bid.create({
    data: {
      tenderId,
      vendorId,
      submittedById: userId,
      idempotencyKey: `uji-${tenderId}-${vendorId}`,
      sealedPrice: Buffer.from("x"),
      priceCommitment: "0".repeat(64),
      submittedAt: new Date(),
      integrityPactAt: new Date(),
      receipt: {},
      receiptSignature: "uji",
    },
  });
}

describe("queueDeadlineReminders", () => {
  it("reminds, once, each registered vendor without a submitted bid when the deadline is within 24 hours", async () => {
    const { tender } = await makeQaTender({
      stages: [
        ["PENGUMUMAN", -48, -24],
        ["UPLOAD_PENAWARAN", -24, 10],
      ],
    });
    const late = await registerParticipant(tender.id, { users: 2 });
    const done = await registerParticipant(tender.id);
    await submittedBid(tender.id, done.vendor.id, done.penyedia.userId);
    const far = await makeQaTender({
      stages: [
        ["PENGUMUMAN", -48, -24],
        ["UPLOAD_PENAWARAN", -24, 30],
      ],
    });
    await registerParticipant(far.tender.id);

    expect(await queueDeadlineReminders()).toEqual({ tenders: 1, notified: 2 });
    expect(await queueDeadlineReminders()).toEqual({ tenders: 1, notified: 0 });
    const reminders = await db.notification.findMany({
      where: { kind: "bid.deadlineReminder" },
      select: { userId: true, link: true, body: true },
    });
    expect(reminders.map((r) => r.userId).sort()).toEqual(late.users.map((u) => u.userId).sort());
    expect(reminders[0]!.link).toBe(`/tender/${tender.code}`);
    expect(reminders[0]!.body).toMatch(/WIB/);
    expect(await db.emailOutbox.count()).toBe(2);
  });

  it("two passes at once still remind once", async () => {
    const { tender } = await makeQaTender({
      stages: [
        ["PENGUMUMAN", -48, -24],
        ["UPLOAD_PENAWARAN", -24, 2],
      ],
    });
    await registerParticipant(tender.id);
    await Promise.all([queueDeadlineReminders(), queueDeadlineReminders()]);
    expect(await db.notification.count({ where: { kind: "bid.deadlineReminder" } })).toBe(1);
  });
});
