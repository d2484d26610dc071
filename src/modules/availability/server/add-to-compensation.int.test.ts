import { describe, expect, it } from "vitest";
import { makePokjaTender, makeStages, registerParticipant } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { addToCompensationSchema } from "../compensation.schemas";
import { addToCompensation } from "./add-to-compensation";
import { compensateOutages } from "./compensate-outages";

const HOUR = 3_600_000;
const reason = "Listrik kantor pemerintah daerah padam sepanjang siang, peserta belum sempat mengunggah";

/** A running upload stage that a 1-hour web gap already compensated (new deadline t(49)). */
async function compensatedTender() {
  const now = (await dbNow()).getTime();
  const t = (h: number) => new Date(now + h * HOUR);
  const ctx = await makePokjaTender();
  await makeStages(ctx.tender.id, [
    ["UPLOAD_PENAWARAN", t(-48), t(48)],
    ["PEMBUKAAN", t(48), t(50)],
  ]);
  await db.tender.update({
    where: { id: ctx.tender.id },
    data: { status: "PUBLISHED", publishedAt: t(-48), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(48) },
  });
  const { penyedia } = await registerParticipant(ctx.tender.id);
  await db.outage.create({
    data: { cause: "UNKNOWN", scope: "INSTANCE", role: "WEB", startsAt: t(-3), endsAt: t(-2), recordedAt: t(-2) },
  });
  await compensateOutages();
  const compensation = await db.compensation.findFirstOrThrow({ where: { tenderId: ctx.tender.id } });
  return { ...ctx, t, penyedia, compensation };
}

const endsOf = async (tenderId: string) =>
  (await db.tenderStage.findMany({ where: { tenderId }, orderBy: { position: "asc" } })).map((s) => s.endsAt);

describe("addToCompensation", () => {
  it("lets a member of the tender's Pokja add hours with a reason: later end, public, audited, told", async () => {
    const { pokja, tender, t, penyedia, compensation } = await compensatedTender();
    expect(await endsOf(tender.id)).toEqual([t(49), t(51)]);

    await addToCompensation(pokja, { compensationId: compensation.id, hours: 5, reason });

    expect(await endsOf(tender.id)).toEqual([t(54), t(56)]);
    expect(await db.compensationAddition.findMany({ where: { compensationId: compensation.id } })).toMatchObject([
      { addedById: pokja.userId, seconds: 5 * 3600, reason, oldEndsAt: t(49), newEndsAt: t(54) },
    ]);
    const latest = await db.scheduleChange.findMany({ where: { tenderId: tender.id, changedById: pokja.userId } });
    expect(latest).toHaveLength(2);
    expect(latest[0]!.reason).toBe(`Tambahan kompensasi gangguan sistem: ${reason}`);
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { action: "compensation.added", entityId: tender.id } }),
    ).toMatchObject({ actorId: pokja.userId, data: { hours: 5, reason } });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).nextCheckAt).toEqual(t(54));
    const inbox = await db.notification.findMany({ where: { userId: penyedia.userId }, orderBy: { createdAt: "asc" } });
    expect(inbox.map((n) => n.kind)).toEqual(["tender.scheduleCompensated", "tender.scheduleChanged"]);
  });

  it("refuses a member of another Pokja as if the compensation did not exist; nothing is written", async () => {
    const { tender, t, compensation } = await compensatedTender();
    const other = await makePokjaTender();
    await expect(
      addToCompensation(other.pokja, { compensationId: compensation.id, hours: 5, reason }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await endsOf(tender.id)).toEqual([t(49), t(51)]);
    expect(await db.compensationAddition.count()).toBe(0);
  });

  it("refuses once the stage has ended", async () => {
    const { pokja, tender, compensation } = await compensatedTender();
    const now = await dbNow();
    await db.tenderStage.update({
      where: { id: compensation.stageId },
      data: { endsAt: new Date(now.getTime() - 1000) },
    });
    await expect(addToCompensation(pokja, { compensationId: compensation.id, hours: 5, reason })).rejects.toMatchObject(
      {
        code: "INVALID_STATE",
        messageKey: "compensationStageEnded",
      },
    );
    expect(await db.compensationAddition.count()).toBe(0);
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id, changedById: pokja.userId } })).toBe(0);
  });

  it("refuses a removal, zero, a fraction, more than 720 hours and a short or long reason", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const problems = (input: Record<string, unknown>) => {
      const parsed = addToCompensationSchema.safeParse({ compensationId: id, hours: 5, reason, ...input });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    for (const hours of [-3, "-3", 0, 1.5, "1.5", 721, "", "lima"])
      expect(problems({ hours }), String(hours)).toEqual(["compensationHoursRange"]);
    expect(problems({ hours: "720" })).toEqual([]);
    expect(problems({ hours: 1 })).toEqual([]);
    expect(problems({ reason: "a".repeat(19) })).toEqual(["compensationReasonLength"]);
    expect(problems({ reason: ` ${"a".repeat(19)} ` })).toEqual(["compensationReasonLength"]);
    expect(problems({ reason: "a".repeat(2001) })).toEqual(["compensationReasonLength"]);
    expect(problems({ reason: "a".repeat(20) })).toEqual([]);
  });
});
