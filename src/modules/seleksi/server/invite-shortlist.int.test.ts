import { describe, expect, it } from "vitest";
import { runScheduleTick } from "@/modules/schedule/server/run-schedule-tick";
import { makeApplication, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";

describe("the invitation of the shortlist", () => {
  it("goes to the shortlisted firms once, when the worker records the UNDANGAN stage", async () => {
    const { tender, pokja } = await makeSeleksiTender({ shiftHours: -100 });
    const decision = { passed: true, score: 80, decidedById: pokja.userId };
    const listed = await makeApplication(tender.id, { decision, shortlisted: true });
    const passedOver = await makeApplication(tender.id, { decision: { ...decision, passed: false } });
    await db.$executeRaw`UPDATE "Tender" SET "shortlistAnnouncedAt" = now() - interval '2 days',
      "currentStage" = 'SANGGAH_PRAKUALIFIKASI', "nextCheckAt" = now() - interval '1 second' WHERE id = ${tender.id}::uuid`;
    await runScheduleTick();
    const invited = (userId: string) => db.notification.count({ where: { userId, kind: "seleksi.invited" } });
    expect(await invited(listed.penyedia.userId)).toBe(1);
    expect(await invited(passedOver.penyedia.userId)).toBe(0);
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).currentStage).toBe("UNDANGAN");
    await runScheduleTick();
    expect(await invited(listed.penyedia.userId)).toBe(1);
    expect(await db.emailOutbox.count({ where: { subject: { contains: `Undangan seleksi: ${tender.code}` } } })).toBe(
      1,
    );
  });
});
