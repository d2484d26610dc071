import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  makeActor,
  makePokjaTender,
  makeQaTender,
  makeSealedBidTender,
  makeStages,
  PDF_BYTES,
  registerParticipant,
} from "@/tests/factories";
import { publishAddendum } from "@/modules/addenda/server/publish-addendum";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { buildDefaultSchedule } from "@/modules/tenders/domain/schedule";
import { procedureStages } from "@/modules/tenders/server/tender-stages";
import { changeStageSchedule } from "@/modules/tenders/server/change-stage-schedule";
import { setTenderSchedule } from "@/modules/tenders/server/set-tender-schedule";
import { db, dbNow } from "@/server/db";
import { cancelMaintenance } from "./cancel-maintenance";
import { endMaintenanceEarly } from "./end-maintenance";
import { findMaintenanceState, forgetMaintenanceState } from "./find-maintenance";
import { recordEndedMaintenance } from "./record-ended-maintenance";
import { scheduleMaintenance } from "./schedule-maintenance";

const H = 3_600_000;
const DESCRIPTION = "Pemutakhiran PostgreSQL dan uji pemulihan cadangan.";

/** Instants relative to the database clock: the tests never wait, they place windows. */
async function clock() {
  const now = (await dbNow()).getTime();
  return (hours: number) => new Date(now + hours * H);
}

/** A window written as if announced earlier: a start in the past is how a test is "during" it. */
async function placeWindow(startsAt: Date, endsAt: Date, extra: { endedAt?: Date; cancelledAt?: Date } = {}) {
  const admin = await makeActor("ADMIN_LPSE");
  return db.maintenanceWindow.create({
    data: { startsAt, endsAt, description: DESCRIPTION, createdById: admin.userId, createdAt: new Date(), ...extra },
  });
}

const counts = async () => ({
  windows: await db.maintenanceWindow.count(),
  audit: await db.auditEvent.count({ where: { action: { startsWith: "maintenance." } } }),
  notifications: await db.notification.count(),
  outbox: await db.emailOutbox.count(),
});

describe("scheduleMaintenance", () => {
  it("announces a window, audits it, and tells the participants of a tender with a stage running in it, once", async () => {
    const t = await clock();
    const { tender } = await makeSealedBidTender({ uploadEndsInMs: 48 * H });
    const { penyedia } = await registerParticipant(tender.id);
    // a tender whose stages all end before the window hears nothing
    const other = await makeSealedBidTender({ uploadEndsInMs: 10 * H });
    const bystander = await registerParticipant(other.tender.id);
    const admin = await makeActor("ADMIN_LPSE");

    const { id } = await scheduleMaintenance(admin, {
      startsAt: t(25),
      endsAt: t(27),
      description: ` ${DESCRIPTION} `,
    });

    const window = await db.maintenanceWindow.findUniqueOrThrow({ where: { id } });
    expect(window).toMatchObject({
      startsAt: t(25),
      endsAt: t(27),
      description: DESCRIPTION,
      createdById: admin.userId,
    });
    expect(window.notifiedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "maintenance.scheduled", entityId: id } });
    expect(audit).toMatchObject({ actorId: admin.userId, data: { description: DESCRIPTION } });
    const notices = await db.notification.findMany({ where: { kind: "maintenance.announced" } });
    expect(notices.map((n) => n.userId)).toEqual([penyedia.userId]);
    expect(notices[0]!.body).toContain(tender.code);
    expect(await db.notification.count({ where: { userId: bystander.penyedia.userId } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { subject: notices[0]!.title } })).toBe(1);
  });

  it("refuses too soon, end before start, too long, a bad description and an overlap, each by field, writing nothing", async () => {
    const t = await clock();
    const admin = await makeActor("ADMIN_LPSE");
    await placeWindow(t(30), t(40));
    const before = await counts();
    const refusals: [Parameters<typeof scheduleMaintenance>[1], Record<string, string[]>][] = [
      [{ startsAt: t(23), endsAt: t(24), description: DESCRIPTION }, { startsAt: ["maintenance.tooSoon"] }],
      [{ startsAt: t(50), endsAt: t(50), description: DESCRIPTION }, { endsAt: ["maintenance.endBeforeStart"] }],
      [{ startsAt: t(50), endsAt: t(49), description: DESCRIPTION }, { endsAt: ["maintenance.endBeforeStart"] }],
      [{ startsAt: t(50), endsAt: t(50 + 72.01), description: DESCRIPTION }, { endsAt: ["maintenance.tooLong"] }],
      [
        { startsAt: t(50), endsAt: t(51), description: "  pendek  " },
        { description: ["maintenance.descriptionLength"] },
      ],
      [
        { startsAt: t(50), endsAt: t(51), description: "x".repeat(2001) },
        { description: ["maintenance.descriptionLength"] },
      ],
      [{ startsAt: t(39), endsAt: t(45), description: DESCRIPTION }, { startsAt: ["maintenance.overlaps"] }],
      [{ startsAt: t(25), endsAt: t(31), description: DESCRIPTION }, { startsAt: ["maintenance.overlaps"] }],
    ];
    for (const [input, fieldErrors] of refusals)
      await expect(scheduleMaintenance(admin, input)).rejects.toMatchObject({
        code: "VALIDATION",
        messageKey: "maintenance.invalid",
        fieldErrors,
      });
    expect(await counts()).toEqual(before);
    // exactly 72 hours, and right after the other window, are allowed
    await scheduleMaintenance(admin, { startsAt: t(40), endsAt: t(112), description: DESCRIPTION });
  });

  it("refuses anyone but ADMIN_LPSE", async () => {
    const t = await clock();
    for (const role of ["POKJA", "PPK", "PENYEDIA", "AUDITOR"] as const) {
      const actor = await makeActor(role);
      await expect(
        scheduleMaintenance(actor, { startsAt: t(30), endsAt: t(31), description: DESCRIPTION }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.maintenanceWindow.count()).toBe(0);
  });

  it("ignores a cancelled window when checking overlap", async () => {
    const t = await clock();
    const admin = await makeActor("ADMIN_LPSE");
    await placeWindow(t(30), t(40), { cancelledAt: new Date() });
    await scheduleMaintenance(admin, { startsAt: t(31), endsAt: t(35), description: DESCRIPTION });
    expect(await db.maintenanceWindow.count({ where: { cancelledAt: null } })).toBe(1);
  });
});

describe("findMaintenanceState (the banner's and the gate's read)", () => {
  it("names the next window only within 7 days, and the running one once it starts, never a cancelled one", async () => {
    const t = await clock();
    const read = () => (forgetMaintenanceState(), findMaintenanceState());
    await placeWindow(t(7 * 24 + 1), t(7 * 24 + 2));
    expect(await read()).toMatchObject({ running: null, next: null });
    const soon = await placeWindow(t(30), t(31));
    await placeWindow(t(20), t(21), { cancelledAt: t(-1) });
    expect(await read()).toMatchObject({ running: null, next: { id: soon.id } });
    const now = await placeWindow(t(-1), t(1));
    expect(await read()).toMatchObject({ running: { id: now.id }, next: null });
    await db.maintenanceWindow.update({ where: { id: now.id }, data: { endedAt: t(0) } });
    expect(await read()).toMatchObject({ running: null, next: { id: soon.id } });
  });
});

describe("cancelMaintenance and endMaintenanceEarly", () => {
  it("cancels before the start (audited) and refuses once it has started, or twice", async () => {
    const t = await clock();
    const admin = await makeActor("ADMIN_LPSE");
    const ahead = await placeWindow(t(30), t(31));
    await cancelMaintenance(admin, { maintenanceId: ahead.id });
    expect((await db.maintenanceWindow.findUniqueOrThrow({ where: { id: ahead.id } })).cancelledAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "maintenance.cancelled", entityId: ahead.id } })).toBe(1);
    await expect(cancelMaintenance(admin, { maintenanceId: ahead.id })).rejects.toMatchObject({
      messageKey: "maintenance.cancelled",
    });

    const started = await placeWindow(t(-1), t(2));
    await expect(cancelMaintenance(admin, { maintenanceId: started.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "maintenance.alreadyStarted",
    });
    expect((await db.maintenanceWindow.findUniqueOrThrow({ where: { id: started.id } })).cancelledAt).toBeNull();
    await expect(cancelMaintenance(await makeActor("POKJA"), { maintenanceId: ahead.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("ends a running window early (audited) and refuses one not started, or already ended", async () => {
    const t = await clock();
    const admin = await makeActor("ADMIN_LPSE");
    const ahead = await placeWindow(t(30), t(31));
    await expect(endMaintenanceEarly(admin, { maintenanceId: ahead.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "maintenance.notStarted",
    });
    const running = await placeWindow(t(-1), t(2));
    await endMaintenanceEarly(admin, { maintenanceId: running.id });
    const ended = await db.maintenanceWindow.findUniqueOrThrow({ where: { id: running.id } });
    expect(ended.endedAt!.getTime()).toBeGreaterThanOrEqual(t(0).getTime());
    expect(ended.endedAt!.getTime()).toBeLessThan(t(2).getTime());
    expect(await db.auditEvent.count({ where: { action: "maintenance.endedEarly", entityId: running.id } })).toBe(1);
    await expect(endMaintenanceEarly(admin, { maintenanceId: running.id })).rejects.toMatchObject({
      messageKey: "maintenance.alreadyEnded",
    });
    const over = await placeWindow(t(-3), t(-2));
    await expect(endMaintenanceEarly(admin, { maintenanceId: over.id })).rejects.toMatchObject({
      messageKey: "maintenance.alreadyEnded",
    });
  });
});

describe("recordEndedMaintenance", () => {
  it("records each ended window once as a MAINTENANCE outage (ended early: at endedAt), never a running or cancelled one", async () => {
    const t = await clock();
    const planned = await placeWindow(t(-5), t(-3));
    const early = await placeWindow(t(-2), t(4), { endedAt: t(-1) });
    await placeWindow(t(-1), t(1)); // still running
    await placeWindow(t(-10), t(-9), { cancelledAt: t(-20) });

    expect(await recordEndedMaintenance()).toBe(2);
    expect(await recordEndedMaintenance()).toBe(0);

    const outages = await db.outage.findMany({ orderBy: { startsAt: "asc" } });
    expect(outages).toMatchObject([
      { cause: "MAINTENANCE", scope: "INSTANCE", maintenanceId: planned.id, startsAt: t(-5), endsAt: t(-3) },
      { cause: "MAINTENANCE", scope: "INSTANCE", maintenanceId: early.id, startsAt: t(-2), endsAt: t(-1) },
    ]);
    expect(outages.every((o) => o.description === DESCRIPTION && o.compensatedAt === null)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "maintenance.recorded" } })).toBe(2);
  });
});

describe("deadlines and announced windows", () => {
  it("setTenderSchedule refuses an action stage ending inside a window, naming it, and stores nothing", async () => {
    const { pokja, tender } = await makePokjaTender();
    const { procedure } = await db.tender.findUniqueOrThrow({
      where: { id: tender.id },
      select: { procedure: { select: { stages: true } } },
    });
    const t = await clock();
    const defaults = buildDefaultSchedule(procedureStages(procedure.stages), t(2));
    const kinds = defaults.map((s) => s.kind);
    const stages = defaults.map(({ startsAt, endsAt }) => ({ startsAt, endsAt }));
    const upload = kinds.indexOf("UPLOAD_PENAWARAN");
    const deadline = stages[upload]!.endsAt;
    await placeWindow(new Date(deadline.getTime() - H), new Date(deadline.getTime() + H));
    await expect(setTenderSchedule(pokja, { tenderId: tender.id, stages })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "maintenance.scheduleRefused",
      fieldErrors: { "schedule.UPLOAD_PENAWARAN": ["maintenance.stageEnd"] },
    });
    expect(await db.tenderStage.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("changeStageSchedule refuses a new end inside a window, and allows one at the window's end", async () => {
    const { pokja, tender } = await makePokjaTender();
    const t = await clock();
    await makeStages(tender.id, [
      ["PENGUMUMAN", t(-3), t(-1)],
      ["UPLOAD_PENAWARAN", t(-1), t(24)],
      ["PEMBUKAAN", t(24), t(26)],
    ]);
    await db.tender.update({ where: { id: tender.id }, data: { status: "PUBLISHED", publishedAt: t(-3) } });
    const upload = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" } });
    await placeWindow(t(30), t(40));
    const change = (endsAt: Date) =>
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: upload.id,
        startsAt: upload.startsAt,
        endsAt,
        reason: "Perpanjangan karena permintaan banyak penyedia",
      });
    await expect(change(t(35))).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "maintenance.scheduleRefused",
      fieldErrors: { endsAt: ["maintenance.stageEnd"] },
    });
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id } })).toBe(0);
    await change(t(40));
    expect((await db.tenderStage.findUniqueOrThrow({ where: { id: upload.id } })).endsAt).toEqual(t(40));
  });

  it("the addendum's automatic extension moves the deadline out of a window to its end", async () => {
    const made = await makeQaTender({
      stages: [
        ["PENGUMUMAN", -48, -1],
        ["UPLOAD_PENAWARAN", -1, 24],
        ["PEMBUKAAN", 24, 26],
      ],
    });
    await registerParticipant(made.tender.id);
    const doc = await uploadDocument(made.pokja, {
      target: { tenderId: made.tender.id },
      kind: "ADENDUM",
      fileName: "Adendum 1.pdf",
      body: Readable.from([PDF_BYTES]),
    });
    const { procedure } = await db.tender.findUniqueOrThrow({
      where: { id: made.tender.id },
      select: { procedure: { select: { addendumMinHours: true } } },
    });
    const t = await clock();
    const min = procedure.addendumMinHours;
    const window = await placeWindow(t(min - 1), t(min + 5));
    await publishAddendum(made.pokja, {
      tenderId: made.tender.id,
      documentId: doc.id,
      summary: "Spesifikasi laptop diubah: RAM 16 GB, bukan 8 GB.",
    });
    const upload = await db.tenderStage.findFirstOrThrow({
      where: { tenderId: made.tender.id, kind: "UPLOAD_PENAWARAN" },
    });
    expect(upload.endsAt).toEqual(window.endsAt);
  });
});
