import { describe, expect, it } from "vitest";
import { makeOpenedTender } from "@/tests/factories";
import { makeAwardReadyTender } from "@/modules/evaluation/testing/evaluate";
import { db } from "@/server/db";
import { announceWinner } from "./announce-winner";

const DAY = 86_400_000;

describe("announceWinner", () => {
  it("awards at the database's time, moves masa sanggah, notifies every participant, audits", async () => {
    const ctx = await makeAwardReadyTender();
    const { announcedAt, sanggahEndsAt } = await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
    const tender = await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id } });
    expect(tender).toMatchObject({
      status: "AWARDED",
      announcedAt,
      currentStage: "MASA_SANGGAH",
      nextCheckAt: sanggahEndsAt,
    });
    expect(sanggahEndsAt.getTime() - announcedAt.getTime()).toBe(5 * DAY);
    const stages = await db.tenderStage.findMany({
      where: { tenderId: tender.id },
      orderBy: { position: "asc" },
      select: { kind: true, startsAt: true, endsAt: true },
    });
    expect(stages.find((s) => s.kind === "MASA_SANGGAH")).toEqual({
      kind: "MASA_SANGGAH",
      startsAt: announcedAt,
      endsAt: sanggahEndsAt,
    });
    expect(stages.find((s) => s.kind === "PENGUMUMAN_PEMENANG")!.endsAt).toEqual(announcedAt);
    expect(stages.find((s) => s.kind === "PENUNJUKAN_PEMENANG")!.startsAt.getTime()).toBeGreaterThanOrEqual(
      sanggahEndsAt.getTime(),
    );
    expect(
      await db.scheduleChange.count({ where: { tenderId: tender.id, changedById: ctx.pokja.userId } }),
    ).toBeGreaterThanOrEqual(2);

    const inbox = await db.notification.findMany({
      where: { kind: "tender.winnerAnnounced" },
      select: { userId: true, body: true },
    });
    expect(inbox.map((n) => n.userId).sort()).toEqual(ctx.bidders.map((b) => b.user.id).sort());
    expect(inbox[0]!.body).toContain(`${ctx.bidders[0]!.vendor.name} dengan harga penawaran terkoreksi Rp900.000.000`);
    expect(await db.emailOutbox.count({ where: { subject: { startsWith: "Pengumuman pemenang" } } })).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.winnerAnnounced" } });
    expect(audit).toMatchObject({
      actorId: ctx.pokja.userId,
      data: expect.objectContaining({
        announcedById: ctx.pokja.userId,
        announcedAt: announcedAt.toISOString(),
        notified: 2,
      }),
    });
  });

  it("places sanggah banding after the answer period for construction", async () => {
    const ctx = await makeAwardReadyTender({ category: "PEKERJAAN_KONSTRUKSI", hps: 1_000_000_000n });
    const { announcedAt } = await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
    const banding = await db.tenderStage.findFirstOrThrow({
      where: { tenderId: ctx.tender.id, kind: "SANGGAH_BANDING" },
    });
    expect(banding.startsAt.getTime() - announcedAt.getTime()).toBe((5 + 3) * DAY);
    expect(banding.endsAt.getTime() - banding.startsAt.getTime()).toBe(5 * DAY);
  });

  it("refuses to announce twice, and before the winner is set", async () => {
    const ready = await makeAwardReadyTender();
    await announceWinner(ready.pokja, { tenderId: ready.tender.id });
    await expect(announceWinner(ready.pokja, { tenderId: ready.tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "winnerAlreadyAnnounced",
    });
    const early = await makeOpenedTender();
    await expect(announceWinner(early.pokja, { tenderId: early.tender.id })).rejects.toMatchObject({
      messageKey: "winnerNotSet",
    });
    expect(await db.auditEvent.count({ where: { action: "tender.winnerAnnounced" } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "tender.winnerAnnounced" } })).toBe(2);
  });

  it("refuses a PPK, a vendor and a Pokja of another tender, and changes nothing", async () => {
    const ctx = await makeAwardReadyTender();
    const other = await makeOpenedTender();
    const notifications = await db.notification.count();
    for (const actor of [ctx.ppk, ctx.bidders[0]!.actor, other.pokja]) {
      await expect(announceWinner(actor, { tenderId: ctx.tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id } })).status).toBe("EVALUATION");
    expect(await db.notification.count()).toBe(notifications);
  });
});
