import { describe, expect, it } from "vitest";
import { makeUser } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { compensateOutages } from "./compensate-outages";
import { portalIsUp } from "./portal-hold";
import { recordEndedMaintenance } from "./record-ended-maintenance";
import { recordHeartbeat } from "./record-heartbeat";

const GAP = 120;
const web1 = { host: "web-1", pid: 101, startedAt: new Date("2026-12-01T00:00:00Z") };
const web2 = { host: "web-2", pid: 202, startedAt: new Date("2026-12-01T00:00:00Z") };
const worker = { host: "worker-1", pid: 303, startedAt: new Date("2026-12-01T00:00:00Z") };
const beat = (role: "WEB" | "WORKER", p = web1) => recordHeartbeat(role, p, { gapSeconds: GAP });

/** The role's last beat moved `seconds` into the past: the database clock seen from a silence. */
async function silenceFor(role: "WEB" | "WORKER", seconds: number) {
  const at = new Date((await dbNow()).getTime() - seconds * 1000);
  await db.availabilityBeat.update({ where: { role }, data: { lastBeatAt: at } });
  return at;
}

describe("recordHeartbeat", () => {
  it("records nothing on the first beat ever of a role, and keeps the process's own row", async () => {
    expect(await beat("WEB")).toEqual({ outage: null });
    expect(await db.outage.count()).toBe(0);
    const row = await db.availabilityBeat.findUniqueOrThrow({ where: { role: "WEB" } });
    const process = await db.processHeartbeat.findFirstOrThrow({ where: { role: "WEB", host: "web-1" } });
    expect(process.beatAt).toEqual(row.lastBeatAt);
    expect(await db.availabilityBeat.count()).toBe(1);
  });

  it("records a gap over the threshold once, even when two processes beat after it", async () => {
    await beat("WEB");
    const silentSince = await silenceFor("WEB", 600);
    const first = await beat("WEB", web1);
    const second = await beat("WEB", web2);
    expect(first.outage).toMatchObject({ startsAt: silentSince });
    expect(second.outage).toBeNull();
    const outages = await db.outage.findMany();
    expect(outages).toHaveLength(1);
    expect(outages[0]).toMatchObject({
      cause: "UNKNOWN",
      scope: "INSTANCE",
      role: "WEB",
      startsAt: silentSince,
      endsAt: first.outage!.endsAt,
      declaredById: null,
      compensatedAt: null,
    });
    expect(outages[0]!.endsAt!.getTime() - silentSince.getTime()).toBeGreaterThanOrEqual(600_000);
    const audit = await db.auditEvent.findMany({ where: { action: "availability.downtimeRecorded" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "Outage", entityId: outages[0]!.id, actorId: null });
    expect(audit[0]!.data).toMatchObject({ role: "WEB", startsAt: silentSince.toISOString(), gapSeconds: GAP });
  });

  it("records a gap once when two processes beat at the same moment", async () => {
    await beat("WEB");
    await silenceFor("WEB", 900);
    const results = await Promise.all([beat("WEB", web1), beat("WEB", web2), beat("WEB", worker)]);
    expect(results.filter((r) => r.outage !== null)).toHaveLength(1);
    expect(await db.outage.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "availability.downtimeRecorded" } })).toBe(1);
  });

  it("records one first beat when two processes start at the same moment", async () => {
    const results = await Promise.all([beat("WEB", web1), beat("WEB", web2)]);
    expect(results).toEqual([{ outage: null }, { outage: null }]);
    expect(await db.outage.count()).toBe(0);
    expect(await db.processHeartbeat.count({ where: { role: "WEB" } })).toBe(2);
  });

  it("records nothing for a gap at or under the threshold", async () => {
    await beat("WEB");
    await silenceFor("WEB", GAP - 5);
    expect(await beat("WEB")).toEqual({ outage: null });
    expect(await db.outage.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "availability.downtimeRecorded" } })).toBe(0);
  });

  it("records a worker's silence with role WORKER, apart from the web's", async () => {
    await beat("WEB");
    await beat("WORKER", worker);
    const since = await silenceFor("WORKER", 400);
    expect((await beat("WEB")).outage).toBeNull();
    const { outage } = await beat("WORKER", worker);
    expect(outage).toMatchObject({ startsAt: since });
    expect(await db.outage.findMany({ select: { role: true } })).toEqual([{ role: "WORKER" }]);
  });

  it("removes process rows not beaten for a day, keeping the living ones", async () => {
    const now = await dbNow();
    await db.processHeartbeat.create({
      data: {
        id: "WEB:gone:1:0",
        role: "WEB",
        host: "gone",
        pid: 1,
        startedAt: new Date(0),
        beatAt: new Date(now.getTime() - 25 * 3_600_000),
      },
    });
    await beat("WEB");
    expect(await db.processHeartbeat.findMany({ select: { host: true } })).toEqual([{ host: "web-1" }]);
  });
});

describe("portalIsUp", () => {
  it("counts a portal whose web never beat as up, so a worker alone still works", async () => {
    expect(await portalIsUp(undefined, { gapSeconds: GAP })).toEqual({ up: true, reason: null });
  });

  it("holds while the web is silent past the gap and lets go once it beats again", async () => {
    await beat("WEB");
    expect((await portalIsUp(undefined, { gapSeconds: GAP })).up).toBe(true);
    await silenceFor("WEB", GAP + 30);
    expect(await portalIsUp(undefined, { gapSeconds: GAP })).toEqual({ up: false, reason: "webSilent" });
    // the beat that ends the silence records it; the time is owed until the compensation pass ran
    await beat("WEB");
    expect(await portalIsUp(undefined, { gapSeconds: GAP })).toEqual({ up: false, reason: "compensating" });
    await compensateOutages();
    expect(await portalIsUp(undefined, { gapSeconds: GAP })).toEqual({ up: true, reason: null });
  });

  it("holds while a maintenance window runs, not when it was cancelled or ended early", async () => {
    await beat("WEB");
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    const now = await dbNow();
    const h = (n: number) => new Date(now.getTime() + n * 3_600_000);
    const window = await db.maintenanceWindow.create({
      data: {
        startsAt: h(-1),
        endsAt: h(1),
        description: "Pemutakhiran server basis data",
        createdById: admin.id,
        createdAt: h(-30),
      },
    });
    expect(await portalIsUp(now, { gapSeconds: GAP })).toEqual({ up: false, reason: "maintenance" });
    // just after its end the window is not recorded as an outage yet: its time is still owed
    expect(await portalIsUp(new Date(h(1).getTime() + 1000), { gapSeconds: 86_400 })).toEqual({
      up: false,
      reason: "maintenance",
    });
    // ended early: held until the window is recorded as an outage and compensated
    await db.maintenanceWindow.update({ where: { id: window.id }, data: { endedAt: now } });
    expect(await portalIsUp(now, { gapSeconds: GAP })).toEqual({ up: false, reason: "maintenance" });
    expect(await recordEndedMaintenance()).toBe(1);
    expect(await portalIsUp(now, { gapSeconds: GAP })).toEqual({ up: false, reason: "compensating" });
    await compensateOutages();
    expect(await portalIsUp(now, { gapSeconds: GAP })).toEqual({ up: true, reason: null });
    await db.maintenanceWindow.create({
      data: {
        startsAt: h(-1),
        endsAt: h(2),
        description: "Dibatalkan",
        createdById: admin.id,
        createdAt: h(-30),
        cancelledAt: h(-2),
      },
    });
    expect(await portalIsUp(now, { gapSeconds: GAP })).toEqual({ up: true, reason: null });
  });

  it("holds after a closed outage until the compensation pass has given its time back", async () => {
    await beat("WEB");
    await silenceFor("WEB", 600);
    const { outage } = await beat("WEB");
    expect(await portalIsUp(undefined, { gapSeconds: GAP })).toEqual({ up: false, reason: "compensating" });
    await db.outage.update({ where: { id: outage!.id }, data: { compensatedAt: outage!.endsAt } });
    expect(await portalIsUp(undefined, { gapSeconds: GAP })).toEqual({ up: true, reason: null });
    // a worker's silence is not compensated, so it holds nothing
    await beat("WORKER", worker);
    await silenceFor("WORKER", 600);
    expect((await beat("WORKER", worker)).outage).not.toBeNull();
    expect(await portalIsUp(undefined, { gapSeconds: GAP })).toEqual({ up: true, reason: null });
  });

  it("stops waiting for a compensation that has not come an hour after the outage", async () => {
    await beat("WEB");
    await silenceFor("WEB", 600);
    const { outage } = await beat("WEB");
    const later = new Date(outage!.endsAt.getTime() + 61 * 60_000);
    await db.availabilityBeat.update({ where: { role: "WEB" }, data: { lastBeatAt: later } });
    expect(await portalIsUp(later, { gapSeconds: GAP })).toEqual({ up: true, reason: null });
  });
});
