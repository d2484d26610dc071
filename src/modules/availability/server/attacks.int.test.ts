import { describe, expect, it } from "vitest";
import type { StageKind } from "@/generated/prisma/enums";
import { changeStageSchedule } from "@/modules/tenders/server/change-stage-schedule";
import { makeActor, makeAwardedTender, makePokjaTender, makeStages, makeUser } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { compensateOutages } from "./compensate-outages";
import { declareIncident } from "./declare-incident";
import { portalIsUp } from "./portal-hold";

// Attacks on the availability ledger and the compensation (issue 13, engineer H): what a
// careless or hostile administrator or Pokja member could do with what was built.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function clock() {
  const now = (await dbNow()).getTime();
  return (h: number) => new Date(now + h * HOUR);
}

const stagesOf = (tenderId: string) =>
  db.tenderStage.findMany({
    where: { tenderId },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, startsAt: true, endsAt: true },
  });

describe("attacks on the ledger and the compensation", () => {
  it("a declared incident with a huge period is refused, and the longest allowed does not reopen the bid window of a tender whose bids were opened", async () => {
    const t = await clock();
    // awarded an hour ago: the bids were opened days ago, the sanggah runs now
    const awarded = await makeAwardedTender({ announcedAgoMs: HOUR });
    const windows: [StageKind, number, number][] = [
      ["PENGUMUMAN", -30 * 24, -25 * 24],
      ["UPLOAD_PENAWARAN", -25 * 24, -10 * 24],
      ["PEMBUKAAN", -10 * 24, -9 * 24],
      ["EVALUASI", -9 * 24, -2 * 24],
      ["PENGUMUMAN_PEMENANG", -2 * 24, -1],
      ["MASA_SANGGAH", -1, 119],
      ["PENUNJUKAN_PEMENANG", 119, 143],
    ];
    await makeStages(
      awarded.tender.id,
      windows.map(([kind, from, to]) => [kind, t(from), t(to)]),
    );
    await db.tender.update({ where: { id: awarded.tender.id }, data: { currentStage: "MASA_SANGGAH" } });
    const before = await stagesOf(awarded.tender.id);

    const admin = await makeActor("ADMIN_LPSE");
    // "uploads failed" from ten years ago until a minute ago: refused (at most 30 days back)
    await expect(
      declareIncident(admin, {
        scope: "UPLOADS",
        startsAt: new Date(t(0).getTime() - 3650 * DAY),
        endsAt: new Date(t(0).getTime() - 60_000),
        description: "Unggah berkas gagal (uji serangan: periode sangat panjang)",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    // the longest period allowed still reaches back over the awarded tender's bid window
    await declareIncident(admin, {
      scope: "UPLOADS",
      startsAt: new Date(t(0).getTime() - 29 * DAY),
      endsAt: new Date(t(0).getTime() - 60_000),
      description: "Unggah berkas gagal (uji serangan: periode 29 hari)",
    });
    await compensateOutages();

    const after = await stagesOf(awarded.tender.id);
    const upload = (rows: typeof after) => rows.find((s) => s.kind === "UPLOAD_PENAWARAN")!;
    // the opened bids cannot be sealed again: the upload stage may not end in the future
    expect(upload(after).endsAt, "the bid window of an awarded tender was reopened").toEqual(upload(before).endsAt);
    expect(upload(after).endsAt.getTime()).toBeLessThan(t(0).getTime());
  });

  it("the worker keeps deadlines held after a maintenance window until its time has been given back", async () => {
    const t = await clock();
    // an upload deadline placed exactly at a window's end (allowed: a deadline at the very
    // end is after the window); the window has just ended and the worker's availability
    // loop has not yet recorded it nor compensated it
    const { tender } = await makePokjaTender();
    await makeStages(tender.id, [
      ["PENGUMUMAN", t(-72), t(-48)],
      ["UPLOAD_PENAWARAN", t(-48), t(0)],
      ["PEMBUKAAN", t(0), t(2)],
    ]);
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    await db.maintenanceWindow.create({
      data: {
        startsAt: t(-2),
        endsAt: t(0),
        description: "Pemeliharaan server (uji serangan)",
        createdById: admin.id,
        createdAt: t(-48),
      },
    });
    const justAfter = new Date(t(0).getTime() + 1000);
    // Up now means the schedule tick may close the bid stage before the window's two hours
    // are given back; a Pokja member who opens the bids at once then makes the compensation
    // refused (tenderAlreadyOpened): the window has blocked the last two hours for nothing.
    const state = await portalIsUp(justAfter);
    expect(state.up, "the hold ended before the maintenance window was recorded and compensated").toBe(false);
  });

  it("a Pokja member cannot take a compensation back by moving the stage's end earlier again", async () => {
    const t = await clock();
    const { tender, pokja } = await makePokjaTender();
    await makeStages(tender.id, [
      ["PENGUMUMAN", t(-72), t(-48)],
      ["UPLOAD_PENAWARAN", t(-48), t(48)],
      ["PEMBUKAAN", t(48), t(50)],
    ]);
    await db.tender.update({
      where: { id: tender.id },
      data: { status: "PUBLISHED", publishedAt: t(-72), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(48) },
    });
    await db.outage.create({
      data: { cause: "UNKNOWN", scope: "INSTANCE", role: "WEB", startsAt: t(-3), endsAt: t(-1), recordedAt: t(-1) },
    });
    await compensateOutages();
    const [, upload] = await stagesOf(tender.id);
    expect(upload!.endsAt).toEqual(t(50));

    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: upload!.id,
        startsAt: t(-48),
        endsAt: t(48),
        reason: "Mengembalikan jadwal semula (uji serangan)",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await stagesOf(tender.id))[1]!.endsAt).toEqual(t(50));
  });

  it("the application cannot delete a compensation row, nor make it give less than it lost", async () => {
    const t = await clock();
    const { tender } = await makePokjaTender();
    await makeStages(tender.id, [
      ["PENGUMUMAN", t(-72), t(-48)],
      ["UPLOAD_PENAWARAN", t(-48), t(48)],
      ["PEMBUKAAN", t(48), t(50)],
    ]);
    await db.tender.update({
      where: { id: tender.id },
      data: { status: "PUBLISHED", publishedAt: t(-72), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(48) },
    });
    await db.outage.create({
      data: { cause: "UNKNOWN", scope: "INSTANCE", role: "WEB", startsAt: t(-3), endsAt: t(-1), recordedAt: t(-1) },
    });
    await compensateOutages();
    const row = await db.compensation.findFirstOrThrow({ where: { tenderId: tender.id } });
    await expect(db.compensation.delete({ where: { id: row.id } })).rejects.toThrow(/permission denied/);
    await expect(
      db.compensation.update({ where: { id: row.id }, data: { extensionSeconds: 1, newEndsAt: row.oldEndsAt } }),
    ).rejects.toThrow(/Compensation_amount_check/);
    expect(await db.compensation.count({ where: { tenderId: tender.id } })).toBe(1);
  });

  it("a Pokja member cannot remove a compensation through an addition of zero or fewer hours, nor another Pokja add to it", async () => {
    const t = await clock();
    const { tender, pokja } = await makePokjaTender();
    await makeStages(tender.id, [
      ["PENGUMUMAN", t(-72), t(-48)],
      ["UPLOAD_PENAWARAN", t(-48), t(48)],
      ["PEMBUKAAN", t(48), t(50)],
    ]);
    await db.tender.update({
      where: { id: tender.id },
      data: { status: "PUBLISHED", publishedAt: t(-72), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(48) },
    });
    await db.outage.create({
      data: { cause: "UNKNOWN", scope: "INSTANCE", role: "WEB", startsAt: t(-3), endsAt: t(-1), recordedAt: t(-1) },
    });
    await compensateOutages();
    const compensation = await db.compensation.findFirstOrThrow({ where: { tenderId: tender.id } });
    const { addToCompensation } = await import("./add-to-compensation");
    const reason = "Mengurangi kompensasi karena dianggap terlalu panjang (uji serangan)";
    for (const hours of [-2, 0, 0.000001]) {
      await expect(
        addToCompensation(pokja, { compensationId: compensation.id, hours, reason }),
        `hours ${hours}`,
      ).rejects.toBeDefined();
    }
    const other = await makePokjaTender();
    await expect(
      addToCompensation(other.pokja, { compensationId: compensation.id, hours: 5, reason }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stagesOf(tender.id))[1]!.endsAt).toEqual(t(50));
    expect(await db.compensationAddition.count()).toBe(0);
    await expect(db.compensationAddition.deleteMany({})).rejects.toThrow(/permission denied/);
  });

  it("a Pokja member cannot put a bid deadline inside an announced maintenance window, not even at its first instant", async () => {
    const t = await clock();
    const { tender, pokja } = await makePokjaTender();
    await makeStages(tender.id, [
      ["PENGUMUMAN", t(-72), t(-48)],
      ["UPLOAD_PENAWARAN", t(-48), t(30)],
      ["PEMBUKAAN", t(60), t(62)],
    ]);
    await db.tender.update({
      where: { id: tender.id },
      data: { status: "PUBLISHED", publishedAt: t(-72), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(30) },
    });
    const { scheduleMaintenance } = await import("./schedule-maintenance");
    const admin = await makeActor("ADMIN_LPSE");
    await scheduleMaintenance(admin, {
      startsAt: t(48),
      endsAt: t(50),
      description: "Pembaruan versi Segel (uji serangan)",
    });
    const [, upload] = await stagesOf(tender.id);
    for (const end of [t(48), t(49)]) {
      await expect(
        changeStageSchedule(pokja, {
          tenderId: tender.id,
          stageId: upload!.id,
          startsAt: t(-48),
          endsAt: end,
          reason: "Batas unggah dipindah ke dalam jendela pemeliharaan (uji serangan)",
        }),
        end.toISOString(),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect((await stagesOf(tender.id))[1]!.endsAt).toEqual(t(30));
  });
});
