import { describe, expect, it } from "vitest";
import { checkStageChange, planStageChange } from "./stage-change";
import type { StageWindow } from "./schedule";

const at = (iso: string) => new Date(iso);
const H = 3_600_000;
const stages: StageWindow[] = [
  { kind: "PENGUMUMAN", startsAt: at("2026-12-01T01:00:00Z"), endsAt: at("2026-12-04T01:00:00Z"), minHours: 72 },
  { kind: "UPLOAD_PENAWARAN", startsAt: at("2026-12-04T01:00:00Z"), endsAt: at("2026-12-11T08:00:00Z"), minHours: 120 },
  { kind: "PEMBUKAAN", startsAt: at("2026-12-11T08:00:00Z"), endsAt: at("2026-12-12T08:00:00Z") },
];
const upload = stages[1]!;
const reason = "Perpanjangan karena adendum dokumen";
const keys = (r: ReturnType<typeof checkStageChange>) => (typeof r === "string" ? r : r.map((i) => i.key));
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("checkStageChange", () => {
  it("refuses a stage that has passed, at its exact end", () => {
    expect(checkStageChange(stages, 0, { ...stages[0]!, reason }, at("2026-12-04T01:00:00Z"))).toBe("stagePassed");
  });

  it("refuses to cut a running bid window short: 25 seconds from now instead of 8 days", () => {
    const now = at("2026-12-05T00:00:00Z");
    expect(
      keys(checkStageChange(stages, 1, { startsAt: upload.startsAt, endsAt: ms(now, 25_000), reason }, now)),
    ).toEqual(["endMovedEarlier"]);
  });

  it("lets a running stage's end move later, never earlier, to the millisecond", () => {
    const now = at("2026-12-05T00:00:00Z");
    expect(
      keys(checkStageChange(stages, 1, { startsAt: upload.startsAt, endsAt: ms(upload.endsAt, -1), reason }, now)),
    ).toEqual(["endMovedEarlier"]);
    expect(
      keys(checkStageChange(stages, 1, { startsAt: upload.startsAt, endsAt: ms(upload.endsAt, 1), reason }, now)),
    ).toEqual([]);
    expect(
      keys(
        checkStageChange(
          stages,
          1,
          { startsAt: upload.startsAt, endsAt: upload.endsAt, reason: "Sama saja, tanpa perubahan" },
          now,
        ),
      ),
    ).toEqual(["noChange"]);
  });

  it("treats a window that started one ms ago as running, one that starts in one ms as not yet", () => {
    const earlier = { startsAt: upload.startsAt, endsAt: ms(upload.endsAt, -H), reason };
    expect(keys(checkStageChange(stages, 1, earlier, ms(upload.startsAt, 1)))).toEqual(["endMovedEarlier"]);
    expect(keys(checkStageChange(stages, 1, earlier, ms(upload.startsAt, -1)))).toEqual([]);
  });

  it("keeps the start of a running stage", () => {
    const now = at("2026-12-05T00:00:00Z");
    expect(
      keys(checkStageChange(stages, 1, { startsAt: at("2026-12-04T02:00:00Z"), endsAt: upload.endsAt, reason }, now)),
    ).toEqual(["stageStarted"]);
  });

  it("keeps every stage at least its minimum, to the millisecond", () => {
    const now = at("2026-12-02T00:00:00Z");
    const exactly = { startsAt: upload.startsAt, endsAt: ms(upload.startsAt, 120 * H), reason };
    expect(keys(checkStageChange(stages, 1, exactly, now))).toEqual([]);
    expect(keys(checkStageChange(stages, 1, { ...exactly, endsAt: ms(exactly.endsAt, -1) }, now))).toEqual([
      "stageTooShort",
    ]);
  });

  it("moves a future stage, but not into the past nor over the stage before it", () => {
    const now = at("2026-12-02T00:00:00Z");
    expect(
      keys(
        checkStageChange(
          stages,
          2,
          { startsAt: at("2026-12-12T08:00:00Z"), endsAt: at("2026-12-13T08:00:00Z"), reason },
          now,
        ),
      ),
    ).toEqual([]);
    expect(
      keys(
        checkStageChange(
          stages,
          2,
          { startsAt: at("2026-12-11T07:59:59Z"), endsAt: at("2026-12-13T08:00:00Z"), reason },
          now,
        ),
      ),
    ).toEqual(["overlapsPrevious"]);
    expect(
      keys(checkStageChange(stages, 1, { startsAt: at("2026-12-01T23:00:00Z"), endsAt: upload.endsAt, reason }, now)),
    ).toEqual(["startInPast", "overlapsPrevious"]);
    expect(
      keys(
        checkStageChange(
          stages,
          2,
          { startsAt: at("2026-12-12T08:00:00Z"), endsAt: at("2026-12-12T08:00:00Z"), reason },
          now,
        ),
      ),
    ).toEqual(["stageEndsBeforeStart"]);
  });

  it("asks for a reason of at least 10 characters", () => {
    const now = at("2026-12-02T00:00:00Z");
    const moved = { startsAt: at("2026-12-12T08:00:00Z"), endsAt: at("2026-12-13T08:00:00Z") };
    expect(keys(checkStageChange(stages, 2, { ...moved, reason: " 123456789 " }, now))).toEqual([
      "changeReasonTooShort",
    ]);
    expect(keys(checkStageChange(stages, 2, { ...moved, reason: "1234567890" }, now))).toEqual([]);
  });
});

describe("planStageChange", () => {
  const kinds = (moves: ReturnType<typeof planStageChange>) =>
    moves.map((m) => [m.stage.kind, m.startsAt.toISOString(), m.endsAt.toISOString()]);

  it("pushes the later stages back by as much as the end moves later", () => {
    expect(
      kinds(planStageChange(stages, 1, { startsAt: upload.startsAt, endsAt: at("2026-12-13T08:00:00Z") })),
    ).toEqual([
      ["UPLOAD_PENAWARAN", "2026-12-04T01:00:00.000Z", "2026-12-13T08:00:00.000Z"],
      ["PEMBUKAAN", "2026-12-13T08:00:00.000Z", "2026-12-14T08:00:00.000Z"],
    ]);
  });

  it("moves nothing else when the end comes earlier", () => {
    expect(
      kinds(planStageChange(stages, 1, { startsAt: upload.startsAt, endsAt: at("2026-12-10T08:00:00Z") })),
    ).toEqual([["UPLOAD_PENAWARAN", "2026-12-04T01:00:00.000Z", "2026-12-10T08:00:00.000Z"]]);
  });
});
