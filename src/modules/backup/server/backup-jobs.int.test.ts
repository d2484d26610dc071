import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actorFor, makeActor, makeUser } from "../../../../tests/factories";
import { readBackupSettings } from "@/server/backup-settings";
import { db, dbNow } from "@/server/db";
import { manifestPath, setDir, setIdAt } from "../domain/layout";
import type { BackupManifest } from "../domain/manifest";
import { localHour } from "../domain/schedule";
import { runBackupTick, runStoreCopyTick, type BackupJob, type BackupJobParts } from "./backup-jobs";
import { getBackupOverview } from "./get-backup-overview";
import type { DrillOutcome } from "./record-drill";
import { requestDrill } from "./request-drill";

// The job's decisions and records against the real database, PostgreSQL's own archiver view
// and the real disk. The base backup and the drill are stand-ins that write what the real ones
// would (a set with a manifest, a report): their own tests run them on an archiving cluster.

const HOUR = 60 * 60 * 1000;
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "segel-backup-job-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function standIns(options: { backupFails?: string; drill?: Partial<DrillOutcome>; latestSetId?: string } = {}) {
  const calls = { backups: 0, drills: [] as (string | undefined)[], retention: 0 };
  const parts: BackupJobParts = {
    copyNewStoreObjects: async () => ({ copied: 0, bytes: 0 }),
    takeBaseBackup: async ({ backupRoot, now }) => {
      calls.backups += 1;
      if (options.backupFails) throw new Error(options.backupFails);
      const setId = setIdAt(now);
      await mkdir(setDir(backupRoot, setId), { recursive: true });
      await writeFile(manifestPath(backupRoot, setId), `{"setId":"${setId}"}\n`);
      const manifest = {
        setId,
        database: { restorePointTime: now.toISOString() },
        storeObjects: [{ path: "objects/x", size: 20, sha256: "0".repeat(64) }],
      } as unknown as BackupManifest;
      return { setId, manifest, dataFiles: 3, dataBytes: 100, storeObjects: 1 };
    },
    applyRetention: async () => {
      calls.retention += 1;
      return [];
    },
    runRestoreDrill: async ({ setId }) => {
      calls.drills.push(setId);
      return {
        ok: true,
        setId: setId ?? options.latestSetId ?? "20261201T000000Z",
        checks: { tables: 40, rows: 1234, files: 5, bytes: 4096 },
        firstFailure: null,
        durationMs: 42,
        ...options.drill,
      };
    },
  };
  return { calls, parts };
}

/**
 * A job whose daily hour is twelve hours away from now, so only "none at all" or "a day old"
 * make a backup due. Its disk floor is zero unless a test sets one: the host's real free space
 * must not open DISK_LOW in a test about something else.
 */
async function jobWith(parts: BackupJobParts, env: Record<string, string> = {}): Promise<BackupJob> {
  const offHour = (localHour(await dbNow(), "Asia/Jakarta") + 12) % 24;
  const settings = readBackupSettings({
    SEGEL_BACKUP_DIR: root,
    SEGEL_BACKUP_HOUR: String(offHour),
    SEGEL_BACKUP_DISK_MIN_FREE_PERCENT: "0",
    SEGEL_BACKUP_DISK_MIN_FREE_MB: "0",
    ...env,
  });
  return { settings, backupUrl: "postgres://stand-in", dataDir: "/stand-in", parts };
}

const events = (action: string) =>
  db.auditEvent.findMany({ where: { action }, select: { entityId: true, data: true } });
const hoursAgo = async (h: number) => new Date((await dbNow()).getTime() - h * HOUR);

describe("the base backup", () => {
  it("is taken when none exists, recorded with its figures and events, and drilled after", async () => {
    const { calls, parts } = standIns();
    await runBackupTick(await jobWith(parts));
    const run = await db.backupRun.findFirstOrThrow();
    expect(run).toMatchObject({ status: "COMPLETE", dataFiles: 3, storeObjects: 1, sizeBytes: 120n });
    expect(run.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await events("backup.started")).map((e) => e.entityId)).toEqual([run.id]);
    expect((await events("backup.completed")).map((e) => e.entityId)).toEqual([run.id]);
    expect(calls).toMatchObject({ backups: 1, retention: 1, drills: [run.id] });
    const drill = await db.restoreDrill.findFirstOrThrow();
    expect(drill).toMatchObject({ trigger: "AFTER_BACKUP", status: "PASSED", backupRunId: run.id, durationMs: 42 });
    expect(drill.figures).toEqual({ tables: 40, rows: 1234, files: 5, bytes: 4096 });
    expect(await events("backup.drillPassed")).toHaveLength(1);
  });

  it("is not taken again outside the hour while the newest is under a day old, and is at a day", async () => {
    const { calls, parts } = standIns();
    const job = await jobWith(parts);
    const recent = await hoursAgo(23);
    await db.backupRun.create({ data: completeRun(recent) });
    await db.restoreDrill.create({ data: passedDrill(await hoursAgo(1)) });
    await runBackupTick(job);
    expect(calls.backups).toBe(0);
    expect(calls.drills).toEqual([]);

    await db.backupRun.update({ where: { id: setIdAt(recent) }, data: { startedAt: await hoursAgo(24) } });
    await runBackupTick(job);
    expect(calls.backups).toBe(1);
  });

  it("is taken in the settings' local hour when the newest is older than an hour", async () => {
    const { calls, parts } = standIns();
    const hour = localHour(await dbNow(), "Asia/Jakarta");
    const job = await jobWith(parts, { SEGEL_BACKUP_HOUR: String(hour) });
    await db.backupRun.create({ data: completeRun(await hoursAgo(0.5)) });
    await runBackupTick(job);
    expect(calls.backups).toBe(0);
    await db.backupRun.updateMany({ data: { startedAt: await hoursAgo(1.01) } });
    await runBackupTick(job);
    expect(calls.backups).toBe(1);
  });

  it("is not taken by a worker without the backup role and data directory", async () => {
    const { calls, parts } = standIns();
    await runBackupTick({ ...(await jobWith(parts)), backupUrl: null, dataDir: null });
    expect(calls.backups).toBe(0);
  });

  it("waits while another worker holds the job's lock", async () => {
    const { calls, parts } = standIns();
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock(hashtext('segel.backupJob'))");
      await runBackupTick(await jobWith(parts));
      expect(calls.backups).toBe(0);
    } finally {
      await other.end();
    }
    await runBackupTick(await jobWith(parts));
    expect(calls.backups).toBe(1);
  });

  it("fails as a record, not a throw: one alert, one notification to each active ADMIN_LPSE, no retry within the hour", async () => {
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    const disabled = await makeUser([{ role: "ADMIN_LPSE" }], { isDisabled: true });
    const revoked = await makeUser([{ role: "ADMIN_LPSE" }]);
    await db.roleMembership.updateMany({
      where: { userId: revoked.id },
      data: { revokedAt: await dbNow(), revokedById: admin.id },
    });
    const ppk = await makeUser([{ role: "PPK" }]);
    const { calls, parts } = standIns({ backupFails: "ENOSPC: no space left on device" });
    const job = await jobWith(parts);

    await expect(runBackupTick(job)).resolves.toBeDefined();
    await runBackupTick(job);
    expect(calls.backups).toBe(1);
    const run = await db.backupRun.findFirstOrThrow();
    expect(run).toMatchObject({ status: "FAILED", error: expect.stringMatching(/ENOSPC/) });
    expect(await events("backup.failed")).toHaveLength(1);
    const alerts = await db.backupAlert.findMany();
    expect(alerts).toMatchObject([{ kind: "BACKUP_FAILED", closedAt: null }]);
    expect(alerts[0]!.detail).toMatch(/ENOSPC/);
    const inbox = await db.notification.findMany({ select: { userId: true, kind: true, link: true } });
    expect(inbox).toEqual([{ userId: admin.id, kind: "backup.alertOpened", link: "/admin/cadangan" }]);
    expect(await db.emailOutbox.count({ where: { to: admin.email } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: { in: [disabled.email, revoked.email, ppk.email] } } })).toBe(0);

    // a worker without the backup role beside this one leaves that alert, and the page's mode, alone
    await runStoreCopyTick(job);
    await runStoreCopyTick({ ...job, backupUrl: null, dataDir: null });
    expect(await db.backupAlert.count({ where: { kind: "BACKUP_FAILED", closedAt: null } })).toBe(1);
    expect(await db.backupStatus.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ managed: true });

    // a later complete backup closes it, and says so once
    const fixed = standIns();
    // two hours back, named as a set of that time is (the id is the start's second: left as it
    // was, the next backup begun in the same second would take the same name)
    const past = await hoursAgo(2);
    await db.backupRun.update({ where: { id: run.id }, data: { id: setIdAt(past), startedAt: past } });
    const fixedJob = await jobWith(fixed.parts);
    await runBackupTick(fixedJob);
    await runBackupTick(fixedJob);
    expect(fixed.calls.backups).toBe(1);
    expect(await db.backupAlert.findFirstOrThrow()).toMatchObject({
      kind: "BACKUP_FAILED",
      closedAt: expect.any(Date),
    });
    expect(await events("backup.alertOpened")).toHaveLength(1);
    expect(await events("backup.alertClosed")).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: admin.id, kind: "backup.alertClosed" } })).toBe(1);
  });
});

describe("the drill", () => {
  it("records a failure with the first failed check and opens DRILL_FAILED", async () => {
    const { parts } = standIns({
      drill: { ok: false, firstFailure: { check: "rowCounts", detail: 'table "Bid": manifest 4, restored 3' } },
    });
    await runBackupTick(await jobWith(parts));
    const drill = await db.restoreDrill.findFirstOrThrow();
    expect(drill).toMatchObject({ status: "FAILED", failureCheck: "rowCounts" });
    expect(await events("backup.drillFailed")).toHaveLength(1);
    const alert = await db.backupAlert.findFirstOrThrow({ where: { kind: "DRILL_FAILED" } });
    expect(alert.detail).toMatch(/manifest 4, restored 3/);
  });

  it("runs daily when the last is a day old, and on a worker's first tick for a set never drilled", async () => {
    const set = completeRun(await hoursAgo(2));
    const { calls, parts } = standIns({ latestSetId: set.id });
    const job = await jobWith(parts);
    await db.backupRun.create({ data: set });
    await db.restoreDrill.create({ data: { ...passedDrill(await hoursAgo(23)), setId: "20261101T000000Z" } });
    await runBackupTick(job);
    expect(calls.drills).toEqual([]);
    await runBackupTick(job, { firstTick: true });
    expect(calls.drills).toEqual([undefined]);
    expect(await db.restoreDrill.findFirst({ where: { trigger: "START" } })).toMatchObject({ backupRunId: set.id });
    await db.restoreDrill.updateMany({
      data: { finishedAt: await hoursAgo(24), startedAt: await hoursAgo(24.1), requestedAt: await hoursAgo(24.2) },
    });
    await runBackupTick(job);
    expect(calls.drills).toHaveLength(2);
    // the one seeded a day ago and the one just run
    expect(await db.restoreDrill.count({ where: { trigger: "SCHEDULE", status: "PASSED" } })).toBe(2);
  });

  it("is asked for by an ADMIN_LPSE only, once at a time, and the worker runs the request", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    for (const role of ["AUDITOR", "PPK", "VERIFIKATOR"] as const)
      await expect(requestDrill(await makeActor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
    // no worker here takes base backups (an external PostgreSQL): nobody would run it
    await expect(requestDrill(admin)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await runStoreCopyTick(await jobWith(standIns().parts));
    const asked = await requestDrill(admin);
    await expect(requestDrill(admin)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.findFirst({ where: { action: "backup.drillRequested" } })).toMatchObject({
      entityId: asked.id,
      actorId: admin.userId,
    });
    const { calls, parts } = standIns();
    await db.backupRun.create({ data: completeRun(await hoursAgo(2)) });
    await db.restoreDrill.create({ data: passedDrill(await hoursAgo(1)) });
    await runBackupTick(await jobWith(parts));
    expect(calls.drills).toHaveLength(1);
    expect(await db.restoreDrill.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({
      trigger: "REQUEST",
      status: "PASSED",
      requestedById: admin.userId,
    });
  });

  it("left RUNNING by a stopped worker is failed as interrupted on the next tick", async () => {
    const started = await hoursAgo(3);
    const drill = await db.restoreDrill.create({
      data: { trigger: "SCHEDULE", status: "RUNNING", requestedAt: started, startedAt: started },
    });
    await db.backupRun.create({ data: { id: setIdAt(started), status: "RUNNING", startedAt: started } });
    // a worker without the backup role leaves them: it runs no backups or drills at all
    await runBackupTick({ ...(await jobWith(standIns().parts)), backupUrl: null });
    expect(await db.backupRun.findUniqueOrThrow({ where: { id: setIdAt(started) } })).toMatchObject({
      status: "RUNNING",
    });
    await runBackupTick(await jobWith(standIns().parts));
    expect(await db.restoreDrill.findUniqueOrThrow({ where: { id: drill.id } })).toMatchObject({
      status: "FAILED",
      failureCheck: "interrupted",
    });
    expect(await db.backupRun.findUniqueOrThrow({ where: { id: setIdAt(started) } })).toMatchObject({
      status: "FAILED",
      error: expect.stringMatching(/terputus/),
    });
  });
});

describe("the file-store tick and the page", () => {
  it("keeps its look for the page and opens DISK_LOW once under the floor, closing it once above", async () => {
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    const { parts } = standIns();
    const low = await jobWith(parts, { SEGEL_BACKUP_DISK_MIN_FREE_PERCENT: "99" });
    await runStoreCopyTick(low);
    const first = await db.backupStatus.findUniqueOrThrow({ where: { id: 1 } });
    await runStoreCopyTick(low);
    const status = await db.backupStatus.findUniqueOrThrow({ where: { id: 1 } });
    // nothing changed: the row is not written again (an idle portal writes no WAL to archive)
    expect(status.checkedAt).toEqual(first.checkedAt);
    expect(status).toMatchObject({ backupDir: root, managed: true, lastStoreCopyError: null });
    expect(status.lastStoreCopyAt).toBeInstanceOf(Date);
    expect(Number(status.diskTotalBytes)).toBeGreaterThan(0);
    expect(await db.backupAlert.findMany({ where: { kind: "DISK_LOW" } })).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: admin.id } })).toBe(1);

    const overview = await getBackupOverview(actorFor(admin));
    expect(overview.health).toBe("alert");
    expect(overview.alerts.map((a) => a.kind)).toContain("DISK_LOW");

    await runStoreCopyTick(
      await jobWith(parts, { SEGEL_BACKUP_DISK_MIN_FREE_PERCENT: "0", SEGEL_BACKUP_DISK_MIN_FREE_MB: "0" }),
    );
    expect(await db.backupAlert.findFirstOrThrow({ where: { kind: "DISK_LOW" } })).toMatchObject({
      closedAt: expect.any(Date),
    });
    expect(await db.notification.count({ where: { userId: admin.id } })).toBe(2);
  });

  it("records a failing copy as STORE_COPY_FAILING without throwing", async () => {
    const { parts } = standIns();
    const failing = { ...parts, copyNewStoreObjects: async () => Promise.reject(new Error("EACCES: files/sealed")) };
    await expect(runStoreCopyTick(await jobWith(failing))).resolves.toBeDefined();
    expect(await db.backupStatus.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      lastStoreCopyError: "EACCES: files/sealed",
      lastStoreCopyAt: null,
    });
    expect(await db.backupAlert.count({ where: { kind: "STORE_COPY_FAILING", closedAt: null } })).toBe(1);
  });

  it("copies the file store in one worker at a time: another holding the copy's lock leaves it alone", async () => {
    let calls = 0;
    const { parts } = standIns();
    const counting = { ...parts, copyNewStoreObjects: async () => ((calls += 1), { copied: 1, bytes: 1 }) };
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock(hashtext('segel.backupStoreCopy'))");
      await runStoreCopyTick(await jobWith(counting));
      expect(calls).toBe(0);
      await other.query("SELECT pg_advisory_unlock(hashtext('segel.backupStoreCopy'))");
      await runStoreCopyTick(await jobWith(counting));
      expect(calls).toBe(1);
    } finally {
      await other.end();
    }
  });

  it("is shown to ADMIN_LPSE only, green after a complete backup and a passed drill", async () => {
    for (const role of ["AUDITOR", "ADMIN_AGENCY", "PENYEDIA"] as const)
      await expect(getBackupOverview(await makeActor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await makeActor("ADMIN_LPSE");
    expect((await getBackupOverview(admin)).health).toBe("pending");
    const { parts } = standIns();
    await runBackupTick(await jobWith(parts));
    const overview = await getBackupOverview(admin);
    expect(overview.health).toBe("healthy");
    expect(overview.backups).toMatchObject([{ status: "COMPLETE", sizeBytes: 120, dataFiles: 3 }]);
    expect(overview.lastDrill).toMatchObject({ status: "PASSED", figures: { rows: 1234 } });
  });
});

function completeRun(startedAt: Date) {
  return {
    id: setIdAt(startedAt),
    status: "COMPLETE" as const,
    startedAt,
    finishedAt: new Date(startedAt.getTime() + 1000),
    sizeBytes: 1n,
    dataFiles: 1,
    storeObjects: 0,
    restorePointTime: startedAt,
    manifestSha256: "a".repeat(64),
  };
}

function passedDrill(finishedAt: Date) {
  const startedAt = new Date(finishedAt.getTime() - 1000);
  return { trigger: "SCHEDULE" as const, status: "PASSED" as const, requestedAt: startedAt, startedAt, finishedAt };
}
