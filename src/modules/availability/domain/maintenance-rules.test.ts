import { describe, expect, it } from "vitest";
import { checkMaintenanceProposal, endOutsideWindows, guardedEndInWindow } from "./maintenance-rules";

const H = 3_600_000;
const now = new Date("2026-12-07T00:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * H);
const description = "Pemutakhiran server basis data.";
const keys = (input: { startsAt: Date; endsAt: Date; description?: string }, others = [] as never[]) =>
  checkMaintenanceProposal({ description, ...input }, now, others, 24).map((p) => p.key);

describe("checkMaintenanceProposal", () => {
  it("takes the notice, the length and the description at their boundaries", () => {
    expect(keys({ startsAt: at(24), endsAt: at(24 + 72) })).toEqual([]);
    expect(keys({ startsAt: new Date(at(24).getTime() - 1), endsAt: at(30) })).toEqual(["maintenance.tooSoon"]);
    expect(keys({ startsAt: at(24), endsAt: new Date(at(96).getTime() + 1) })).toEqual(["maintenance.tooLong"]);
    expect(keys({ startsAt: at(30), endsAt: at(30) })).toEqual(["maintenance.endBeforeStart"]);
    expect(keys({ startsAt: at(30), endsAt: at(31), description: " 123456789 " })).toEqual([
      "maintenance.descriptionLength",
    ]);
    expect(keys({ startsAt: at(30), endsAt: at(31), description: "1234567890" })).toEqual([]);
    expect(keys({ startsAt: at(30), endsAt: at(31), description: "x".repeat(2001) })).toEqual([
      "maintenance.descriptionLength",
    ]);
  });

  it("refuses an overlap but not a window that touches, is cancelled or was ended early before", () => {
    const other = { startsAt: at(30), endsAt: at(40) };
    const check = (startsAt: Date, endsAt: Date, w: object) =>
      checkMaintenanceProposal({ startsAt, endsAt, description }, now, [{ ...other, ...w }], 24).map((p) => p.key);
    expect(check(at(39), at(41), {})).toEqual(["maintenance.overlaps"]);
    expect(check(at(25), at(31), {})).toEqual(["maintenance.overlaps"]);
    expect(check(at(40), at(41), {})).toEqual([]);
    expect(check(at(25), at(30), {})).toEqual([]);
    expect(check(at(31), at(32), { cancelledAt: at(-1) })).toEqual([]);
    expect(check(at(35), at(36), { endedAt: at(34) })).toEqual([]);
  });
});

describe("deadlines and windows", () => {
  const windows = [
    { startsAt: at(10), endsAt: at(20) },
    { startsAt: at(20), endsAt: at(25) },
  ];
  it("finds a guarded stage ending inside a window (start inclusive, end exclusive) and ignores other stages", () => {
    expect(guardedEndInWindow([{ kind: "UPLOAD_PENAWARAN" as const, endsAt: at(10) }], windows)?.window).toBe(
      windows[0],
    );
    expect(guardedEndInWindow([{ kind: "UPLOAD_PENAWARAN" as const, endsAt: at(25) }], windows)).toBeNull();
    expect(guardedEndInWindow([{ kind: "PEMBUKAAN" as const, endsAt: at(12) }], windows)).toBeNull();
    expect(guardedEndInWindow([{ kind: "MASA_SANGGAH" as const, endsAt: at(21) }], windows)?.window).toBe(windows[1]);
  });

  it("moves an end out of touching windows to the last one's end", () => {
    expect(endOutsideWindows(at(15), windows)).toEqual(at(25));
    expect(endOutsideWindows(at(5), windows)).toEqual(at(5));
    expect(endOutsideWindows(at(15), [{ ...windows[0]!, cancelledAt: at(0) }])).toEqual(at(15));
  });
});
