import { describe, expect, it } from "vitest";
import { makePokjaTender, makeStages, registerParticipant } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { changeStageSchedule } from "./change-stage-schedule";

const HOUR = 3_600_000;
const reason = "Adendum dokumen pemilihan memerlukan waktu tambahan";

/** An announced tender: announcement ended an hour ago, upload running, opening ahead. */
async function runningTender() {
  const ctx = await makePokjaTender();
  const now = (await dbNow()).getTime();
  const t = (h: number) => new Date(now + h * HOUR);
  await makeStages(ctx.tender.id, [
    ["PENGUMUMAN", t(-3), t(-1)],
    ["UPLOAD_PENAWARAN", t(-1), t(24)],
    ["PEMBUKAAN", t(24), t(26)],
    ["EVALUASI", t(30), t(50)],
  ]);
  await db.tender.update({
    where: { id: ctx.tender.id },
    data: { status: "PUBLISHED", publishedAt: t(-3), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(24) },
  });
  const stages = await db.tenderStage.findMany({ where: { tenderId: ctx.tender.id }, orderBy: { position: "asc" } });
  return { ...ctx, stages, t };
}

describe("changeStageSchedule", () => {
  it("moves a future stage, keeps the public history and the audit, and recomputes the next look", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    await changeStageSchedule(pokja, {
      tenderId: tender.id,
      stageId: stages[3]!.id,
      startsAt: t(27),
      endsAt: t(48),
      reason,
    });
    const history = await db.scheduleChange.findMany({ where: { tenderId: tender.id } });
    expect(history).toMatchObject([
      {
        stageId: stages[3]!.id,
        oldStartsAt: t(30),
        newStartsAt: t(27),
        newEndsAt: t(48),
        reason,
        changedById: pokja.userId,
      },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.scheduleChanged", entityId: tender.id },
    });
    expect(audit.data).toMatchObject({
      stage: "EVALUASI",
      old: { startsAt: t(30).toISOString() },
      new: { startsAt: t(27).toISOString() },
      reason,
    });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).nextCheckAt).toEqual(t(24));
  });

  it("tells every registered bidder, in the inbox and by e-mail queued in the same transaction", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    const { penyedia } = await registerParticipant(tender.id);
    await changeStageSchedule(pokja, {
      tenderId: tender.id,
      stageId: stages[3]!.id,
      startsAt: t(27),
      endsAt: t(48),
      reason,
    });
    const inbox = await db.notification.findMany({ where: { userId: penyedia.userId } });
    expect(inbox).toMatchObject([{ kind: "tender.scheduleChanged" }]);
    expect(inbox[0]!.body).toContain(reason);
    expect(await db.emailOutbox.findMany({ where: { to: penyedia.email }, select: { status: true } })).toEqual([
      { status: "PENDING" },
    ]);
  });

  it("refuses the attack: a running bid deadline 8 days out moved to 25 seconds from now; nothing is written", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    await db.tenderStage.update({ where: { id: stages[1]!.id }, data: { endsAt: t(8 * 24) } });
    const { penyedia } = await registerParticipant(tender.id);
    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: stages[1]!.id,
        startsAt: stages[1]!.startsAt,
        endsAt: t(25 / 3600),
        reason,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { endsAt: ["endMovedEarlier"] } });
    expect((await db.tenderStage.findUniqueOrThrow({ where: { id: stages[1]!.id } })).endsAt).toEqual(t(8 * 24));
    expect(await db.scheduleChange.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.scheduleChanged" } })).toBe(0);
    expect(await db.notification.count({ where: { userId: penyedia.userId } })).toBe(0);
  });

  it("extends the running upload stage: its end moves later, the later stages are pushed back by as much, each change public", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    await changeStageSchedule(pokja, {
      tenderId: tender.id,
      stageId: stages[1]!.id,
      startsAt: stages[1]!.startsAt,
      endsAt: t(48),
      reason,
    });
    const after = await db.tenderStage.findMany({
      where: { tenderId: tender.id },
      orderBy: { position: "asc" },
      select: { startsAt: true, endsAt: true },
    });
    expect(after).toEqual([
      { startsAt: t(-3), endsAt: t(-1) },
      { startsAt: t(-1), endsAt: t(48) },
      { startsAt: t(48), endsAt: t(50) },
      { startsAt: t(54), endsAt: t(74) },
    ]);
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id, reason, changedById: pokja.userId } })).toBe(
      3,
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.scheduleChanged", entityId: tender.id },
    });
    expect(audit.data).toMatchObject({
      stage: "UPLOAD_PENAWARAN",
      new: { endsAt: t(48).toISOString() },
      pushedBack: [{ stage: "PEMBUKAAN" }, { stage: "EVALUASI" }],
    });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).nextCheckAt).toEqual(t(48));
  });

  it("keeps a running stage's start and never brings its end earlier", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: stages[1]!.id,
        startsAt: stages[1]!.startsAt,
        endsAt: t(23),
        reason,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { endsAt: ["endMovedEarlier"] } });
    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: stages[1]!.id,
        startsAt: t(0),
        endsAt: t(25),
        reason,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { startsAt: ["stageStarted"] } });
    expect(await db.scheduleChange.count()).toBe(0);
  });

  it("refuses a stage shorter than the minimum it was scheduled with, and PostgreSQL refuses it too", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    await db.tenderStage.update({ where: { id: stages[3]!.id }, data: { minHours: 20 } });
    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: stages[3]!.id,
        startsAt: t(31),
        endsAt: new Date(t(51).getTime() - 1),
        reason,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { endsAt: ["stageTooShort"] } });
    expect(await db.scheduleChange.count()).toBe(0);
    await changeStageSchedule(pokja, {
      tenderId: tender.id,
      stageId: stages[3]!.id,
      startsAt: t(31),
      endsAt: t(51),
      reason,
    });
    await expect(
      db.$executeRaw`UPDATE "TenderStage" SET "endsAt" = "endsAt" - interval '1 millisecond' WHERE id = ${stages[3]!.id}::uuid`,
    ).rejects.toThrow(/TenderStage_min_length/);
    await expect(
      db.$executeRaw`UPDATE "TenderStage" SET "endsAt" = "startsAt" - interval '1 millisecond' WHERE id = ${stages[0]!.id}::uuid`,
    ).rejects.toThrow(/TenderStage_ends_after_start/);
  });

  it("refuses a stage that has passed and a short reason", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: stages[0]!.id,
        startsAt: t(-3),
        endsAt: t(-0.5),
        reason,
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "stagePassed" });
    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: stages[3]!.id,
        startsAt: t(31),
        endsAt: t(50),
        reason: "  singkat  ",
      }),
    ).rejects.toMatchObject({ fieldErrors: { reason: ["changeReasonTooShort"] } });
    expect(await db.scheduleChange.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.scheduleChanged" } })).toBe(0);
  });

  it("refuses a draft (its schedule is set on the set-up page) and a PPK", async () => {
    const { ppk, pokja, tender, stages, t } = await runningTender();
    const change = { tenderId: tender.id, stageId: stages[3]!.id, startsAt: t(31), endsAt: t(50), reason };
    await expect(changeStageSchedule(ppk, change)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.tender.update({
      where: { id: tender.id },
      data: { status: "DRAFT", publishedAt: null, nextCheckAt: null },
    });
    await expect(changeStageSchedule(pokja, change)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderNotPublished",
    });
    expect(await db.scheduleChange.count()).toBe(0);
  });

  it("raises the late-deadline-move red flag in the same change when the Pokja moves the bid deadline a day before it ends", async () => {
    const { pokja, tender, stages, t } = await runningTender();
    const flags = () => db.tenderRedFlag.findMany({ where: { tenderId: tender.id }, select: { code: true } });
    expect(await flags()).toEqual([]);
    await changeStageSchedule(pokja, {
      tenderId: tender.id,
      stageId: stages[1]!.id,
      startsAt: t(-1),
      endsAt: t(30),
      reason,
    });
    expect(await flags()).toContainEqual({ code: "LATE_DEADLINE_MOVE" });
  });
});
