import { describe, expect, it } from "vitest";
import { holdReason, type PortalState } from "./portal-hold";

const now = new Date("2026-12-07T03:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const up: PortalState = {
  now,
  webLastBeatAt: ago(1),
  gapSeconds: 120,
  isMaintenanceRunning: false,
  hasUnrecordedMaintenance: false,
  hasPendingCompensation: false,
};

describe("holdReason", () => {
  it("is up while the web beats and nothing is owed", () => {
    expect(holdReason(up)).toBeNull();
  });
  it("counts no web beat yet as up, so a worker alone still works", () => {
    expect(holdReason({ ...up, webLastBeatAt: null })).toBeNull();
  });
  it("is up at exactly the gap and silent one millisecond after", () => {
    expect(holdReason({ ...up, webLastBeatAt: ago(120) })).toBeNull();
    expect(holdReason({ ...up, webLastBeatAt: new Date(ago(120).getTime() - 1) })).toBe("webSilent");
  });
  it("holds for a running maintenance window even while the web beats", () => {
    expect(holdReason({ ...up, isMaintenanceRunning: true })).toBe("maintenance");
    expect(holdReason({ ...up, webLastBeatAt: ago(600), isMaintenanceRunning: true })).toBe("maintenance");
  });
  it("holds after an outage until its time is given back", () => {
    expect(holdReason({ ...up, hasUnrecordedMaintenance: true })).toBe("maintenance");
    expect(holdReason({ ...up, hasPendingCompensation: true })).toBe("compensating");
    expect(holdReason({ ...up, webLastBeatAt: ago(600), hasPendingCompensation: true })).toBe("webSilent");
  });
});
