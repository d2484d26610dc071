import { describe, expect, it } from "vitest";
import { holdReason } from "./portal-hold";

const now = new Date("2026-12-07T03:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("holdReason", () => {
  it("counts no web beat yet as up, so a worker alone still works", () => {
    expect(holdReason({ now, webLastBeatAt: null, gapSeconds: 120, isMaintenanceRunning: false })).toBeNull();
  });
  it("is up at exactly the gap and silent one millisecond after", () => {
    expect(holdReason({ now, webLastBeatAt: ago(120), gapSeconds: 120, isMaintenanceRunning: false })).toBeNull();
    const late = new Date(ago(120).getTime() - 1);
    expect(holdReason({ now, webLastBeatAt: late, gapSeconds: 120, isMaintenanceRunning: false })).toBe("webSilent");
  });
  it("holds for a running maintenance window even while the web beats", () => {
    expect(holdReason({ now, webLastBeatAt: ago(1), gapSeconds: 120, isMaintenanceRunning: true })).toBe("maintenance");
    expect(holdReason({ now, webLastBeatAt: null, gapSeconds: 120, isMaintenanceRunning: true })).toBe("maintenance");
  });
});
