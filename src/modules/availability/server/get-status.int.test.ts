import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/status/route";
import type { Prisma } from "@/generated/prisma/client";
import { db, dbNow } from "@/server/db";
import { makeAgency, makePaket, makeStages, makeTender, makeUser } from "@/tests/factories";
import { getStatus } from "./get-status";
import { isoInZone } from "./status-json";

const H = 3600_000;

/** The ledger as the beats, the declarations and the maintenance would leave it, `now` read from the database. */
async function seedLedger() {
  const now = await dbNow();
  const ago = (hours: number) => new Date(now.getTime() - hours * H);
  const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
  const agency = await makeAgency();
  const paket = await makePaket(agency, admin.id);
  const tender = await makeTender(paket, { status: "PUBLISHED" });
  await makeStages(tender.id, [["UPLOAD_PENAWARAN", ago(48), ago(-24)]]);
  const stage = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id } });
  const record = (data: Omit<Prisma.OutageUncheckedCreateInput, "recordedAt">) =>
    db.outage.create({ data: { recordedAt: now, ...data } });
  const webGap = await record({
    cause: "UNKNOWN",
    scope: "INSTANCE",
    role: "WEB",
    startsAt: ago(10),
    endsAt: ago(8),
    compensatedAt: ago(7),
  });
  await record({ cause: "UNKNOWN", scope: "INSTANCE", role: "WORKER", startsAt: ago(9), endsAt: ago(6) });
  // overlaps the WEB gap by an hour: counted once
  await record({
    cause: "DECLARED",
    scope: "INSTANCE",
    startsAt: ago(9),
    endsAt: ago(7),
    description: "Pusat data padam",
    declaredById: admin.id,
  });
  const uploads = await record({
    cause: "DECLARED",
    scope: "UPLOADS",
    startsAt: ago(1),
    description: "Unggah gagal",
    declaredById: admin.id,
  });
  // older than the 90 days: not in the ledger
  await record({
    cause: "UNKNOWN",
    scope: "INSTANCE",
    role: "WEB",
    startsAt: ago(24 * 100),
    endsAt: ago(24 * 100 - 1),
  });
  const compensation = await db.compensation.create({
    data: {
      outageId: webGap.id,
      tenderId: tender.id,
      stageId: stage.id,
      stageKind: "UPLOAD_PENAWARAN",
      lostSeconds: 7200,
      extensionSeconds: 7200,
      oldEndsAt: ago(-24),
      newEndsAt: ago(-26),
      createdAt: ago(7),
    },
  });
  await db.compensationAddition.create({
    data: {
      compensationId: compensation.id,
      addedById: admin.id,
      seconds: 3600,
      reason: "Penyedia melaporkan unggah lambat",
      oldEndsAt: ago(-26),
      newEndsAt: ago(-27),
      createdAt: ago(6),
    },
  });
  const upcoming = await db.maintenanceWindow.create({
    data: {
      startsAt: ago(-48),
      endsAt: ago(-50),
      description: "Pembaruan basis data",
      createdById: admin.id,
      createdAt: now,
    },
  });
  await db.maintenanceWindow.create({
    data: {
      startsAt: ago(-72),
      endsAt: ago(-73),
      description: "Dibatalkan",
      createdById: admin.id,
      createdAt: now,
      cancelledAt: now,
    },
  });
  return { now, tender, webGap, uploads, upcoming };
}

describe("getStatus", () => {
  it("reads the ledger of 90 days with compensations and additions, the windows, and the state", async () => {
    const { tender, webGap, uploads, upcoming } = await seedLedger();
    // the instance has run for over a year (months before its set-up are left out)
    await db.lpseInstance.updateMany({ data: { createdAt: new Date(Date.now() - 400 * 86_400_000) } });
    const s = await getStatus();
    // newest first; the one older than 90 days left out
    expect(s.ledger.map((o) => o.startsAt.getTime())).toEqual(
      s.ledger.map((o) => o.startsAt.getTime()).sort((a, b) => b - a),
    );
    expect(s.ledger.map((o) => `${o.cause} ${o.scope} ${o.role}`).sort()).toEqual([
      "DECLARED INSTANCE null",
      "DECLARED UPLOADS null",
      "UNKNOWN INSTANCE WEB",
      "UNKNOWN INSTANCE WORKER",
    ]);
    const gap = s.ledger.find((o) => o.id === webGap.id)!;
    expect(gap).toMatchObject({ ongoing: false, countsAsDowntime: true });
    expect(gap.compensations).toEqual([
      expect.objectContaining({
        tenderCode: tender.code,
        stageKind: "UPLOAD_PENAWARAN",
        lostSeconds: 7200,
        extensionSeconds: 7200,
      }),
    ]);
    expect(gap.compensations[0]!.additions).toEqual([expect.objectContaining({ seconds: 3600 })]);
    // the partial incident is listed and ongoing, but never counted as full downtime
    expect(s.ledger.find((o) => o.id === uploads.id)).toMatchObject({ ongoing: true, countsAsDowntime: false });
    expect(s.state).toBe("incident");
    expect(s.ongoingIncidents.map((o) => o.id)).toEqual([uploads.id]);
    // the cancelled window is no window
    expect(s.maintenance.map((w) => w.id)).toEqual([upcoming.id]);
    expect(s.runningMaintenance).toBeNull();
    // union of the WEB gap (10-8 h ago) and the whole-instance incident (9-7 h ago): 3 hours, once;
    // the WORKER gap and the UPLOADS incident not at all
    const down = s.availability.reduce((sum, m) => sum + m.downSeconds, 0);
    // plus the hour 100 days ago, out of the ledger's 90 days but inside the 12 months
    expect(down).toBe(4 * 3600);
    expect(s.availability).toHaveLength(12);
    expect(s.rule.procedures.length).toBeGreaterThan(0);
    expect(s.rule.procedures[0]).toMatchObject({ compensationMinHours: 24, compensationMinBasis: expect.any(String) });
    expect(s.rule).toMatchObject({ compensationUnitMinutes: 60, compensationLeadHours: 24 });
  });

  it("is operational with a fresh worker and no backup yet, degraded by a stale worker, and in maintenance while a window runs", async () => {
    const now = await dbNow();
    const beat = (secondsAgo: number) => {
      const beatAt = new Date(now.getTime() - secondsAgo * 1000);
      return db.processHeartbeat.create({
        data: { id: `WORKER:t:${secondsAgo}`, role: "WORKER", host: "t", pid: 1, startedAt: beatAt, beatAt },
      });
    };
    expect((await getStatus()).state).toBe("degraded"); // no worker ever beat
    await beat(5);
    const fresh = await getStatus();
    expect(fresh.state).toBe("operational");
    expect(fresh.availability.every((m) => m.percent === 100)).toBe(true);
    await db.processHeartbeat.deleteMany();
    await beat(600);
    const stale = await getStatus();
    expect(stale.state).toBe("degraded");
    expect(stale.degraded).toEqual(["worker"]);
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    const running = await db.maintenanceWindow.create({
      data: {
        startsAt: new Date(now.getTime() - H),
        endsAt: new Date(now.getTime() + H),
        description: "Pemeliharaan",
        createdById: admin.id,
        createdAt: now,
      },
    });
    const during = await getStatus();
    expect(during.state).toBe("maintenance");
    expect(during.runningMaintenance?.id).toBe(running.id);
    // the running window counts as downtime before recordEndedMaintenance records it
    expect(during.availability.reduce((sum, m) => sum + m.downSeconds, 0)).toBeGreaterThanOrEqual(3600);
  });
});

describe("/api/status", () => {
  it("answers the same data as JSON: times with the LPSE's offset, numbers as numbers, cached 15 s", async () => {
    const { tender } = await seedLedger();
    await db.lpseInstance.updateMany({ data: { timeZone: "Asia/Jayapura" } });
    const response = await GET();
    expect(response.headers.get("cache-control")).toBe("public, max-age=15");
    const body = await response.json();
    expect(body.version).toBe(1);
    expect(body.lpse.timeZone).toBe("Asia/Jayapura");
    expect(body.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/);
    const gap = body.ledger.outages.find((o: { role: string | null }) => o.role === "WEB");
    expect(gap.compensations[0]).toMatchObject({
      tenderCode: tender.code,
      stage: "UPLOAD_PENAWARAN",
      lostSeconds: 7200,
    });
    expect(gap.compensations[0].additions[0]).toMatchObject({
      seconds: 3600,
      reason: "Penyedia melaporkan unggah lambat",
    });
    expect(typeof body.availability[0].percent).toBe("number");
    expect(body.state).toBe("incident");
  });

  it("writes ISO times with the zone's offset", () => {
    const instant = new Date("2026-11-30T17:00:00.250Z");
    expect(isoInZone(instant, "Asia/Jakarta")).toBe("2026-12-01T00:00:00.250+07:00");
    expect(isoInZone(instant, "Asia/Makassar")).toBe("2026-12-01T01:00:00.250+08:00");
    expect(new Date(isoInZone(instant, "Asia/Jayapura")).getTime()).toBe(instant.getTime());
  });
});
