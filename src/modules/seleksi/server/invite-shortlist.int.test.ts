import { describe, expect, it } from "vitest";
import { runScheduleTick } from "@/modules/schedule/server/run-schedule-tick";
import { blacklistVendor } from "@/tests/factories/blacklist";
import { makeApplication, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";

/** A seleksi whose shortlist was announced two days ago, due at its UNDANGAN stage now. */
async function shortlistAnnounced() {
  const made = await makeSeleksiTender({ shiftHours: -100 });
  const decision = { passed: true, score: 80, decidedById: made.pokja.userId };
  const listed = await makeApplication(made.tender.id, { decision, shortlisted: true });
  const passedOver = await makeApplication(made.tender.id, { decision: { ...decision, passed: false } });
  await db.$executeRaw`UPDATE "Tender" SET "shortlistAnnouncedAt" = now() - interval '2 days',
    "currentStage" = 'SANGGAH_PRAKUALIFIKASI', "nextCheckAt" = now() - interval '1 second' WHERE id = ${made.tender.id}::uuid`;
  return { ...made, decision, listed, passedOver };
}
const invited = (userId: string) => db.notification.count({ where: { userId, kind: "seleksi.invited" } });

describe("the invitation of the shortlist", () => {
  it("goes to the shortlisted firms once, when the worker records the UNDANGAN stage", async () => {
    const { tender, listed, passedOver } = await shortlistAnnounced();
    await runScheduleTick();
    expect(await invited(listed.penyedia.userId)).toBe(1);
    expect(await invited(passedOver.penyedia.userId)).toBe(0);
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).currentStage).toBe("UNDANGAN");
    await runScheduleTick();
    expect(await invited(listed.penyedia.userId)).toBe(1);
    expect(await db.emailOutbox.count({ where: { subject: { contains: `Undangan seleksi: ${tender.code}` } } })).toBe(
      1,
    );
  });

  // Attack (issue 15): a firm shortlisted cleanly is put on the daftar hitam before the
  // invitation goes out. Perpres 16/2018 Pasal 78 ayat (5): it takes no part for the period.
  it("skips a shortlisted firm put on the daftar hitam since, tells the Pokja the decree and names the entry", async () => {
    const { tender, pokja, decision, listed } = await shortlistAnnounced();
    const barred = await makeApplication(tender.id, { decision, shortlisted: true });
    const entry = await blacklistVendor(barred.vendor, "SK/DH/077/2026");
    await runScheduleTick();

    expect(await invited(listed.penyedia.userId)).toBe(1);
    expect(await invited(barred.penyedia.userId)).toBe(0);
    const told = await db.notification.findMany({
      where: { userId: pokja.userId, kind: "seleksi.notInvitedBlacklisted" },
    });
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain(barred.vendor.name);
    expect(told[0]!.body).toContain("SK/DH/077/2026");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: tender.id, action: "seleksi.shortlistInvited" },
    });
    expect(audit.data).toMatchObject({
      vendorIds: [listed.vendor.id],
      notInvitedBlacklisted: [{ vendorId: barred.vendor.id, blacklistEntryId: entry.id }],
    });
  });
});
