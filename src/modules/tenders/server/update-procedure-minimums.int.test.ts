import { describe, expect, it } from "vitest";
import { makeActor, makePokjaTender } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { buildDefaultSchedule } from "../domain/schedule";
import { findProcedureMinimums } from "./find-procedure-minimums";
import { setTenderSchedule } from "./set-tender-schedule";
import { procedureStages } from "./tender-stages";
import { updateProcedureMinimums } from "./update-procedure-minimums";

const BASIS = "Keputusan Kepala LPSE 7/2026 (konfigurasi, bukan ketentuan hukum)";

async function procedureOf(tenderId: string) {
  const { procedure } = await db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: { procedure: true } });
  return { ...procedure, stages: procedureStages(procedure.stages) };
}

/** The procedure's minimums as the form sends them, with the upload stage's set to `uploadHours`. */
function inputFor(procedure: Awaited<ReturnType<typeof procedureOf>>, uploadHours: number) {
  return {
    procedureId: procedure.id,
    stages: procedure.stages.map((s) =>
      s.kind === "UPLOAD_PENAWARAN"
        ? { minHours: uploadHours, basis: BASIS }
        : { minHours: s.minHours, basis: s.basis },
    ),
    addendumMinHours: 120,
    addendumMinBasis: BASIS,
  };
}

const uploadMinimum = async (tenderId: string) =>
  (await db.tenderStage.findFirstOrThrow({ where: { tenderId, kind: "UPLOAD_PENAWARAN" }, select: { minHours: true } }))
    .minHours;

describe("updateProcedureMinimums", () => {
  it("lets ADMIN_LPSE change a minimum with its basis, audited before and after, for schedules set after it only", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const earlier = await makePokjaTender();
    const procedure = await procedureOf(earlier.tender.id);
    const start = new Date((await dbNow()).getTime() + 3_600_000);
    const windows = buildDefaultSchedule(procedure.stages, start).map(({ startsAt, endsAt }) => ({ startsAt, endsAt }));
    await setTenderSchedule(earlier.pokja, { tenderId: earlier.tender.id, stages: windows });

    await updateProcedureMinimums(admin, inputFor(procedure, 200));

    const after = await procedureOf(earlier.tender.id);
    expect(after.stages.find((s) => s.kind === "UPLOAD_PENAWARAN")).toMatchObject({
      minHours: 200,
      basis: BASIS,
      days: 7,
    });
    expect(after).toMatchObject({ addendumMinHours: 120, addendumMinBasis: BASIS });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "procedure.minimumsChanged", entityId: procedure.id },
      select: { actorId: true, data: true },
    });
    expect(audit.actorId).toBe(admin.userId);
    expect(audit.data).toMatchObject({
      before: {
        addendumMinHours: 96,
        stages: expect.arrayContaining([expect.objectContaining({ kind: "UPLOAD_PENAWARAN", minHours: 120 })]),
      },
      after: {
        addendumMinHours: 120,
        stages: expect.arrayContaining([{ kind: "UPLOAD_PENAWARAN", minHours: 200, basis: BASIS }]),
      },
    });
    // the schedule set before keeps its minimum; one set now must follow the new one
    expect(await uploadMinimum(earlier.tender.id)).toBe(120);
    const later = await makePokjaTender();
    await expect(setTenderSchedule(later.pokja, { tenderId: later.tender.id, stages: windows })).rejects.toMatchObject({
      fieldErrors: { "schedule.UPLOAD_PENAWARAN": ["stageTooShort"] },
    });
  });

  it("refuses a Pokja member and an auditor, who may read but not edit, and writes nothing", async () => {
    const { pokja, tender } = await makePokjaTender();
    const procedure = await procedureOf(tender.id);
    const auditor = await makeActor("AUDITOR");
    await expect(updateProcedureMinimums(pokja, inputFor(procedure, 1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateProcedureMinimums(auditor, inputFor(procedure, 1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findProcedureMinimums(pokja)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await findProcedureMinimums(auditor)).canManage).toBe(false);
    expect(await procedureOf(tender.id)).toEqual(procedure);
    expect(await db.auditEvent.count({ where: { action: "procedure.minimumsChanged" } })).toBe(0);
  });

  it("refuses a list of another length than the procedure's stages", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const { tender } = await makePokjaTender();
    const procedure = await procedureOf(tender.id);
    const input = inputFor(procedure, 150);
    await expect(updateProcedureMinimums(admin, { ...input, stages: input.stages.slice(1) })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await procedureOf(tender.id)).toEqual(procedure);
  });

  it("is held by PostgreSQL too: a negative addendum time is refused", async () => {
    const { tender } = await makePokjaTender();
    const procedure = await procedureOf(tender.id);
    await expect(
      db.procedureConfig.update({ where: { id: procedure.id }, data: { addendumMinHours: -1 } }),
    ).rejects.toThrow(/addendumMinHours_range/);
  });
});
