import { describe, expect, it } from "vitest";
import type { StageKind } from "@/generated/prisma/enums";
import { makePokjaTender, makeStages, makeUser, registerParticipant } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { compensateOutages } from "./compensate-outages";

const HOUR = 3_600_000;

async function clock() {
  const now = (await dbNow()).getTime();
  return (h: number) => new Date(now + h * HOUR);
}

type T = (h: number) => Date;

/** A tender with the given schedule, in `status`, as the worker would have recorded it. */
async function tenderWith(
  t: T,
  windows: [StageKind, number, number][],
  state: {
    status?: "PUBLISHED" | "EVALUATION";
    currentStage?: StageKind;
    nextCheckAt?: number;
    openedAt?: number;
  } = {},
) {
  const ctx = await makePokjaTender();
  await makeStages(
    ctx.tender.id,
    windows.map(([kind, from, to]) => [kind, t(from), t(to)]),
  );
  await db.tender.update({
    where: { id: ctx.tender.id },
    data: {
      status: state.status ?? "PUBLISHED",
      publishedAt: t(windows[0]![1]),
      currentStage: state.currentStage ?? "UPLOAD_PENAWARAN",
      nextCheckAt: t(state.nextCheckAt ?? 48),
      openedAt: state.openedAt === undefined ? null : t(state.openedAt),
    },
  });
  const { penyedia } = await registerParticipant(ctx.tender.id);
  return { ...ctx, penyedia };
}

const UPLOAD_RUNNING: [StageKind, number, number][] = [
  ["PENGUMUMAN", -72, -48],
  ["UPLOAD_PENAWARAN", -48, 48],
  ["PEMBUKAAN", 48, 50],
  ["EVALUASI", 50, 100],
];

async function webGap(t: T, from: number, to: number, role: "WEB" | "WORKER" = "WEB") {
  return db.outage.create({
    data: { cause: "UNKNOWN", scope: "INSTANCE", role, startsAt: t(from), endsAt: t(to), recordedAt: t(to) },
  });
}

const stagesOf = (tenderId: string) =>
  db.tenderStage.findMany({
    where: { tenderId },
    orderBy: { position: "asc" },
    select: { kind: true, startsAt: true, endsAt: true },
  });

describe("compensateOutages", () => {
  it("gives a running upload stage the web gap's time back, rounded up, and pushes the later stages", async () => {
    const t = await clock();
    const { tender, penyedia } = await tenderWith(t, UPLOAD_RUNNING);
    const outage = await webGap(t, -2.5, -1); // 90 minutes, 49 hours before the deadline

    expect(await compensateOutages()).toEqual({ outages: 1, compensations: 1 });

    expect(await stagesOf(tender.id)).toEqual([
      { kind: "PENGUMUMAN", startsAt: t(-72), endsAt: t(-48) },
      { kind: "UPLOAD_PENAWARAN", startsAt: t(-48), endsAt: t(50) },
      { kind: "PEMBUKAAN", startsAt: t(50), endsAt: t(52) },
      { kind: "EVALUASI", startsAt: t(52), endsAt: t(102) },
    ]);
    expect(await db.compensation.findMany({ where: { tenderId: tender.id } })).toMatchObject([
      {
        outageId: outage.id,
        stageKind: "UPLOAD_PENAWARAN",
        lostSeconds: 5400,
        extensionSeconds: 7200,
        oldEndsAt: t(48),
        newEndsAt: t(50),
      },
    ]);
    const history = await db.scheduleChange.findMany({ where: { tenderId: tender.id } });
    expect(history).toHaveLength(3);
    for (const change of history) {
      expect(change.changedById).toBeNull();
      expect(change.reason).toMatch(/^Kompensasi gangguan sistem .+–.+ WIB$/);
    }
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.scheduleCompensated", entityId: tender.id },
    });
    expect(audit.data).toMatchObject({
      outageId: outage.id,
      fromStatus: "PUBLISHED",
      toStatus: "PUBLISHED",
      nextCheckAt: t(50).toISOString(),
    });
    const inbox = await db.notification.findMany({ where: { userId: penyedia.userId } });
    expect(inbox).toMatchObject([{ kind: "tender.scheduleCompensated" }]);
    expect(inbox[0]!.body).toContain("diperpanjang 2 jam");
    const after = await db.tender.findUniqueOrThrow({ where: { id: tender.id } });
    expect(after.nextCheckAt).toEqual(t(50));
    expect((await db.outage.findUniqueOrThrow({ where: { id: outage.id } })).compensatedAt).not.toBeNull();

    // a second pass, and a pass over the same outage again, give nothing more
    expect(await compensateOutages()).toEqual({ outages: 0, compensations: 0 });
    await db.outage.update({ where: { id: outage.id }, data: { compensatedAt: null } });
    expect(await compensateOutages()).toEqual({ outages: 1, compensations: 0 });
    expect((await stagesOf(tender.id))[1]!.endsAt).toEqual(t(50));
  });

  it("gives nothing for a worker's gap: users could still act", async () => {
    const t = await clock();
    const { tender } = await tenderWith(t, UPLOAD_RUNNING);
    await webGap(t, -3, -1, "WORKER");
    expect(await compensateOutages()).toEqual({ outages: 0, compensations: 0 });
    expect((await stagesOf(tender.id))[1]!.endsAt).toEqual(t(48));
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("gives nothing for failing uploads during the clarification", async () => {
    const t = await clock();
    const { tender } = await tenderWith(
      t,
      [
        ["PEMBERIAN_PENJELASAN", -24, 24],
        ["UPLOAD_PENAWARAN", 24, 96],
      ],
      { currentStage: "PEMBERIAN_PENJELASAN", nextCheckAt: 24 },
    );
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    const outage = await db.outage.create({
      data: {
        cause: "DECLARED",
        scope: "UPLOADS",
        startsAt: t(-5),
        endsAt: t(-1),
        description: "Penyimpanan berkas penuh, unggahan gagal",
        declaredById: admin.id,
        recordedAt: t(-1),
      },
    });
    expect(await compensateOutages()).toEqual({ outages: 1, compensations: 0 });
    expect((await stagesOf(tender.id)).map((s) => s.endsAt)).toEqual([t(24), t(96)]);
    expect((await db.outage.findUniqueOrThrow({ where: { id: outage.id } })).compensatedAt).not.toBeNull();
  });

  it("takes an unopened tender back from EVALUATION to PUBLISHED when its bid window reopens", async () => {
    const t = await clock();
    const { tender } = await tenderWith(
      t,
      [
        ["UPLOAD_PENAWARAN", -48, -1],
        ["PEMBUKAAN", -1, 2],
      ],
      { status: "EVALUATION", currentStage: "PEMBUKAAN", nextCheckAt: 2 },
    );
    await webGap(t, -2, -0.5); // 1 h of the upload stage; it ended inside the outage
    expect(await compensateOutages()).toEqual({ outages: 1, compensations: 1 });
    // at least the procedure's 24 h after the outage ended, rounded up to the hour: -1 + 25 h
    expect(await stagesOf(tender.id)).toEqual([
      { kind: "UPLOAD_PENAWARAN", startsAt: t(-48), endsAt: t(24) },
      { kind: "PEMBUKAAN", startsAt: t(24), endsAt: t(27) },
    ]);
    expect(await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).toMatchObject({
      status: "PUBLISHED",
      currentStage: "UPLOAD_PENAWARAN",
      nextCheckAt: t(24),
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.scheduleCompensated", entityId: tender.id },
    });
    expect(audit.data).toMatchObject({ fromStatus: "EVALUATION", toStatus: "PUBLISHED" });
  });

  it("does not change an opened tender, and audits the refusal once", async () => {
    const t = await clock();
    const { tender } = await tenderWith(
      t,
      [
        ["UPLOAD_PENAWARAN", -48, -1],
        ["PEMBUKAAN", -1, 2],
      ],
      { status: "EVALUATION", currentStage: "PEMBUKAAN", nextCheckAt: 2, openedAt: -0.25 },
    );
    const outage = await webGap(t, -2, -0.5);
    expect(await compensateOutages()).toEqual({ outages: 1, compensations: 0 });
    await db.outage.update({ where: { id: outage.id }, data: { compensatedAt: null } });
    await compensateOutages();

    expect((await stagesOf(tender.id)).map((s) => s.endsAt)).toEqual([t(-1), t(2)]);
    expect(await db.compensation.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).toMatchObject({ status: "EVALUATION" });
    const refusals = await db.auditEvent.findMany({
      where: { action: "tender.compensationNotApplied", entityId: tender.id },
    });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.data).toMatchObject({ outageId: outage.id, reason: "tenderAlreadyOpened" });
  });

  it("extends every tender exactly once when a pass dies after the first tender and runs again", async () => {
    const t = await clock();
    const a = await tenderWith(t, UPLOAD_RUNNING);
    const b = await tenderWith(t, UPLOAD_RUNNING);
    const outage = await webGap(t, -2, -1);

    await expect(
      compensateOutages({
        afterTender: () => {
          throw new Error("the process died");
        },
      }),
    ).rejects.toThrow("the process died");
    expect((await db.outage.findUniqueOrThrow({ where: { id: outage.id } })).compensatedAt).toBeNull();
    expect(await db.compensation.count()).toBe(1);

    expect(await compensateOutages()).toEqual({ outages: 1, compensations: 1 });
    for (const { tender } of [a, b]) {
      expect((await stagesOf(tender.id))[1]!.endsAt).toEqual(t(49));
      expect(await db.compensation.count({ where: { tenderId: tender.id } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "tender.scheduleCompensated", entityId: tender.id } })).toBe(
        1,
      );
    }
  });
});
