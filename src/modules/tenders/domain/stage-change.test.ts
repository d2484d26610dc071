import { describe, expect, it } from "vitest";
import { checkStageChange } from "./stage-change";
import type { StageWindow } from "./schedule";

const at = (iso: string) => new Date(iso);
const stages: StageWindow[] = [
  { kind: "PENGUMUMAN", startsAt: at("2026-12-01T01:00:00Z"), endsAt: at("2026-12-04T01:00:00Z") },
  { kind: "UPLOAD_PENAWARAN", startsAt: at("2026-12-04T01:00:00Z"), endsAt: at("2026-12-11T08:00:00Z") },
  { kind: "PEMBUKAAN", startsAt: at("2026-12-11T08:00:00Z"), endsAt: at("2026-12-12T08:00:00Z") },
];
const reason = "Perpanjangan karena adendum dokumen";
const keys = (r: ReturnType<typeof checkStageChange>) => (typeof r === "string" ? r : r.map((i) => i.key));

describe("checkStageChange", () => {
  it("refuses a stage that has passed, at its exact end", () => {
    expect(checkStageChange(stages, 0, { ...stages[0]!, reason }, at("2026-12-04T01:00:00Z"))).toBe("stagePassed");
  });

  it("lets a running stage end earlier or later, up to the next stage", () => {
    const now = at("2026-12-05T00:00:00Z");
    expect(keys(checkStageChange(stages, 1, { startsAt: stages[1]!.startsAt, endsAt: at("2026-12-11T08:00:00Z"), reason: "Sama saja, tanpa perubahan" }, now))).toEqual(["noChange"]);
    expect(keys(checkStageChange(stages, 1, { startsAt: stages[1]!.startsAt, endsAt: at("2026-12-10T08:00:00Z"), reason }, now))).toEqual([]);
    expect(keys(checkStageChange(stages, 1, { startsAt: stages[1]!.startsAt, endsAt: at("2026-12-11T08:00:00.001Z"), reason }, now))).toEqual(["overlapsNext"]);
  });

  it("keeps the start of a running stage", () => {
    const now = at("2026-12-05T00:00:00Z");
    expect(keys(checkStageChange(stages, 1, { startsAt: at("2026-12-04T02:00:00Z"), endsAt: stages[1]!.endsAt, reason }, now))).toEqual(["stageStarted"]);
  });

  it("moves a future stage, but not into the past nor over its neighbours", () => {
    const now = at("2026-12-02T00:00:00Z");
    expect(keys(checkStageChange(stages, 2, { startsAt: at("2026-12-12T08:00:00Z"), endsAt: at("2026-12-13T08:00:00Z"), reason }, now))).toEqual([]);
    expect(keys(checkStageChange(stages, 2, { startsAt: at("2026-12-11T07:59:59Z"), endsAt: at("2026-12-13T08:00:00Z"), reason }, now))).toEqual(["overlapsPrevious"]);
    expect(keys(checkStageChange(stages, 1, { startsAt: at("2026-12-01T23:00:00Z"), endsAt: stages[1]!.endsAt, reason }, now))).toEqual(["startInPast", "overlapsPrevious"]);
    expect(keys(checkStageChange(stages, 2, { startsAt: at("2026-12-12T08:00:00Z"), endsAt: at("2026-12-12T08:00:00Z"), reason }, now))).toEqual(["stageEndsBeforeStart"]);
  });

  it("asks for a reason of at least 10 characters", () => {
    const now = at("2026-12-02T00:00:00Z");
    const moved = { startsAt: at("2026-12-12T08:00:00Z"), endsAt: at("2026-12-13T08:00:00Z") };
    expect(keys(checkStageChange(stages, 2, { ...moved, reason: " 123456789 " }, now))).toEqual(["changeReasonTooShort"]);
    expect(keys(checkStageChange(stages, 2, { ...moved, reason: "1234567890" }, now))).toEqual([]);
  });
});
