import { describe, expect, it } from "vitest";
import {
  BACKUP_RETRY_MS,
  currentAlerts,
  isBaseBackupDue,
  isScheduledDrillDue,
  type BackupObservation,
} from "./schedule";

const HOUR = 60 * 60 * 1000;
// 01:30 WIB on 7 December 2026 is 18:30 UTC on the 6th
const atOneThirtyWib = new Date("2026-12-06T18:30:00Z");
const settings = { baseBackupHour: 1, timeZone: "Asia/Jakarta" };
const ago = (ms: number, from = atOneThirtyWib) => new Date(from.getTime() - ms);

describe("isBaseBackupDue", () => {
  it("is due when no base backup ever completed (the first start)", () => {
    expect(isBaseBackupDue(atOneThirtyWib, { lastCompleteAt: null, lastAttempt: null }, settings)).toBe(true);
  });
  it("is due in the settings' local hour when none completed within the hour", () => {
    const runs = { lastCompleteAt: ago(HOUR), lastAttempt: null };
    expect(isBaseBackupDue(atOneThirtyWib, runs, settings)).toBe(true);
    expect(isBaseBackupDue(atOneThirtyWib, { ...runs, lastCompleteAt: ago(HOUR - 1) }, settings)).toBe(false);
  });
  it("is not due outside the hour until the newest is a day old", () => {
    const noon = new Date("2026-12-07T05:00:00Z"); // 12:00 WIB
    expect(isBaseBackupDue(noon, { lastCompleteAt: ago(24 * HOUR - 1, noon), lastAttempt: null }, settings)).toBe(
      false,
    );
    expect(isBaseBackupDue(noon, { lastCompleteAt: ago(24 * HOUR, noon), lastAttempt: null }, settings)).toBe(true);
  });
  it("reads the hour in the LPSE's zone: 01:30 WIB is 03:30 WIT", () => {
    const runs = { lastCompleteAt: ago(2 * HOUR), lastAttempt: null };
    expect(isBaseBackupDue(atOneThirtyWib, runs, { baseBackupHour: 1, timeZone: "Asia/Jayapura" })).toBe(false);
    expect(isBaseBackupDue(atOneThirtyWib, runs, { baseBackupHour: 3, timeZone: "Asia/Jayapura" })).toBe(true);
  });
  it("waits BACKUP_RETRY_MS after a failed attempt, even with no backup at all", () => {
    const failed = (ms: number) => ({ lastCompleteAt: null, lastAttempt: { startedAt: ago(ms), failed: true } });
    expect(isBaseBackupDue(atOneThirtyWib, failed(BACKUP_RETRY_MS - 1), settings)).toBe(false);
    expect(isBaseBackupDue(atOneThirtyWib, failed(BACKUP_RETRY_MS), settings)).toBe(true);
  });
});

describe("isScheduledDrillDue", () => {
  it("needs a complete set, and no drill finished within a day", () => {
    expect(isScheduledDrillDue(atOneThirtyWib, null, false)).toBe(false);
    expect(isScheduledDrillDue(atOneThirtyWib, null, true)).toBe(true);
    expect(isScheduledDrillDue(atOneThirtyWib, ago(24 * HOUR - 1), true)).toBe(false);
    expect(isScheduledDrillDue(atOneThirtyWib, ago(24 * HOUR), true)).toBe(true);
  });
});

describe("currentAlerts", () => {
  const thresholds = { staleHours: 26, drillStaleHours: 26, diskMinFreePercent: 10, diskMinFreeBytes: 1024 * 1024 };
  const healthy: BackupObservation = {
    now: atOneThirtyWib,
    managed: true,
    archiver: { lastArchivedAt: ago(1000), lastFailedAt: ago(HOUR), lastFailedWal: "000000010000000000000003" },
    lastCompleteAt: ago(HOUR),
    lastAttempt: { startedAt: ago(HOUR), failed: false, error: null },
    firstAttemptAt: ago(48 * HOUR),
    lastDrill: { finishedAt: ago(HOUR), passed: true, failure: null },
    disk: { freeBytes: 50 * 1024 * 1024, totalBytes: 100 * 1024 * 1024 },
    storeCopyError: null,
  };
  it("holds none when everything is recent and the archiver's last failure is older than its last success", () => {
    expect([...currentAlerts(healthy, thresholds).keys()]).toEqual([]);
  });
  it("names the archiver failing when its last failure is newer than its last success", () => {
    const o = { ...healthy, archiver: { ...healthy.archiver!, lastFailedAt: ago(10) } };
    expect(currentAlerts(o, thresholds).get("ARCHIVE_FAILING")).toMatch(/segmen 000000010000000000000003/);
  });
  it("holds a stale backup at the limit, not an hour before", () => {
    expect(currentAlerts({ ...healthy, lastCompleteAt: ago(25 * HOUR) }, thresholds).has("BACKUP_STALE")).toBe(false);
    expect(currentAlerts({ ...healthy, lastCompleteAt: ago(26 * HOUR) }, thresholds).has("BACKUP_STALE")).toBe(true);
  });
  it("holds a failed backup and a failed drill with their reasons", () => {
    const o = {
      ...healthy,
      lastAttempt: { startedAt: ago(10), failed: true, error: "ENOSPC" },
      lastDrill: { finishedAt: ago(10), passed: false, failure: "rowCounts: Bid 3 != 4" },
    };
    const alerts = currentAlerts(o, thresholds);
    expect(alerts.get("BACKUP_FAILED")).toMatch(/ENOSPC/);
    expect(alerts.get("DRILL_FAILED")).toMatch(/Bid 3 != 4/);
    expect(currentAlerts({ ...healthy, storeCopyError: "EACCES" }, thresholds).get("STORE_COPY_FAILING")).toMatch(
      /EACCES/,
    );
  });
  it("holds a stale drill, and none for backups the worker does not take (external PostgreSQL)", () => {
    const o = { ...healthy, lastDrill: { finishedAt: ago(27 * HOUR), passed: true, failure: null } };
    expect(currentAlerts(o, thresholds).has("DRILL_STALE")).toBe(true);
    expect(currentAlerts({ ...o, managed: false, lastCompleteAt: null }, thresholds).size).toBe(0);
  });
  it("holds a low disk under the share or under the bytes", () => {
    const low = (freeBytes: number, totalBytes: number) =>
      currentAlerts({ ...healthy, disk: { freeBytes, totalBytes } }, thresholds).has("DISK_LOW");
    expect(low(10 * 1024 * 1024, 100 * 1024 * 1024)).toBe(false);
    expect(low(10 * 1024 * 1024 - 1, 100 * 1024 * 1024)).toBe(true);
    expect(low(1024 * 1024 - 1, 2 * 1024 * 1024)).toBe(true);
  });
});
