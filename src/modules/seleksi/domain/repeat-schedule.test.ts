import { describe, expect, it } from "vitest";
import { repeatSchedule } from "./repeat-schedule";

const t = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3_600_000);
const STAGES = [
  { kind: "PENGUMUMAN" as const, startsAt: t(0), endsAt: t(10) },
  { kind: "PRAKUALIFIKASI" as const, startsAt: t(10), endsAt: t(20) },
  { kind: "PENGUMUMAN_HASIL_PRAKUALIFIKASI" as const, startsAt: t(20), endsAt: t(22) },
  { kind: "UNDANGAN" as const, startsAt: t(24), endsAt: t(26) },
];

describe("the schedule of a prakualifikasi ulang", () => {
  it("runs PRAKUALIFIKASI again from now for its length and moves the later stages by as much", () => {
    const moves = repeatSchedule(STAGES, t(21));
    expect(moves.map((m) => [m.stage.kind, m.startsAt, m.endsAt])).toEqual([
      ["PRAKUALIFIKASI", t(21), t(31)],
      ["PENGUMUMAN_HASIL_PRAKUALIFIKASI", t(31), t(33)],
      ["UNDANGAN", t(35), t(37)],
    ]);
  });

  it("leaves the announcement as it was", () => {
    expect(repeatSchedule(STAGES, t(21)).some((m) => m.stage.kind === "PENGUMUMAN")).toBe(false);
  });

  it("moves nothing without a PRAKUALIFIKASI stage", () => {
    expect(repeatSchedule([STAGES[0]!], t(21))).toEqual([]);
  });
});
