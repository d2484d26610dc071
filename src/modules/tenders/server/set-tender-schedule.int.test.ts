import { describe, expect, it } from "vitest";
import { makePokjaTender } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { buildDefaultSchedule } from "../domain/schedule";
import { procedureStages } from "./tender-stages";
import { setTenderSchedule } from "./set-tender-schedule";

const HOUR = 3_600_000;

async function defaultWindows(tenderId: string, startOffsetMs: number) {
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { procedure: { select: { stages: true } } },
  });
  const start = new Date((await dbNow()).getTime() + startOffsetMs);
  return buildDefaultSchedule(procedureStages(tender.procedure.stages), start).map(({ startsAt, endsAt }) => ({
    startsAt,
    endsAt,
  }));
}

const stagesOf = (tenderId: string) => db.tenderStage.findMany({ where: { tenderId }, orderBy: { position: "asc" } });

describe("setTenderSchedule", () => {
  it("stores one row per stage of the procedure, replacing the previous ones, with an audit event", async () => {
    const { pokja, tender } = await makePokjaTender();
    await setTenderSchedule(pokja, { tenderId: tender.id, stages: await defaultWindows(tender.id, HOUR) });
    const windows = await defaultWindows(tender.id, 2 * HOUR);
    await setTenderSchedule(pokja, { tenderId: tender.id, stages: windows });
    const stored = await stagesOf(tender.id);
    expect(stored.map((s) => s.kind).slice(0, 3)).toEqual(["PENGUMUMAN", "PEMBERIAN_PENJELASAN", "UPLOAD_PENAWARAN"]);
    expect(stored.map((s) => s.startsAt)).toEqual(windows.map((w) => w.startsAt));
    expect(
      await db.auditEvent.count({
        where: { action: "tender.scheduleSet", entityId: tender.id, actorId: pokja.userId },
      }),
    ).toBe(2);
  });

  it("names each stage that overlaps, ends before it starts or starts in the past, and keeps the old schedule", async () => {
    const { pokja, tender } = await makePokjaTender();
    await setTenderSchedule(pokja, { tenderId: tender.id, stages: await defaultWindows(tender.id, HOUR) });
    const before = await stagesOf(tender.id);
    const bad = await defaultWindows(tender.id, -HOUR);
    const early = new Date(bad[2]!.startsAt.getTime() - 1);
    bad[2] = { startsAt: early, endsAt: early };
    await expect(setTenderSchedule(pokja, { tenderId: tender.id, stages: bad })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "scheduleInvalid",
      fieldErrors: {
        "schedule.PENGUMUMAN": ["scheduleStartsInPast"],
        "schedule.UPLOAD_PENAWARAN": ["stageEndsBeforeStart", "stageOverlaps"],
      },
    });
    expect(await stagesOf(tender.id)).toEqual(before);
  });

  it("refuses a stage one millisecond shorter than the procedure's minimum, and keeps the minimum with each stage", async () => {
    const { pokja, tender } = await makePokjaTender();
    const { procedure } = await db.tender.findUniqueOrThrow({
      where: { id: tender.id },
      select: { procedure: { select: { stages: true } } },
    });
    const upload = procedureStages(procedure.stages).findIndex((s) => s.kind === "UPLOAD_PENAWARAN");
    const minHours = procedureStages(procedure.stages)[upload]!.minHours;
    expect(minHours).toBeGreaterThan(0);
    const windows = await defaultWindows(tender.id, HOUR);
    const short = windows.map((w, i) =>
      i === upload ? { startsAt: w.startsAt, endsAt: new Date(w.startsAt.getTime() + minHours * HOUR - 1) } : w,
    );
    await expect(setTenderSchedule(pokja, { tenderId: tender.id, stages: short })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "schedule.UPLOAD_PENAWARAN": ["stageTooShort"] },
    });
    expect(await stagesOf(tender.id)).toEqual([]);

    const exact = short.map((w, i) => (i === upload ? { ...w, endsAt: new Date(w.endsAt.getTime() + 1) } : w));
    await setTenderSchedule(pokja, { tenderId: tender.id, stages: exact });
    expect((await stagesOf(tender.id))[upload]!.minHours).toBe(minHours);
  });

  it("refuses a schedule with a different number of stages than the procedure", async () => {
    const { pokja, tender } = await makePokjaTender();
    const windows = (await defaultWindows(tender.id, HOUR)).slice(1);
    await expect(setTenderSchedule(pokja, { tenderId: tender.id, stages: windows })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "scheduleStagesMismatch",
    });
  });

  it("refuses a PPK and an announced tender, changing nothing", async () => {
    const { ppk, pokja, tender } = await makePokjaTender();
    const windows = await defaultWindows(tender.id, HOUR);
    await expect(setTenderSchedule(ppk, { tenderId: tender.id, stages: windows })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await db.tender.update({ where: { id: tender.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await expect(setTenderSchedule(pokja, { tenderId: tender.id, stages: windows })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await stagesOf(tender.id)).toEqual([]);
  });
});
