import { describe, expect, it } from "vitest";
import {
  advanceStatus,
  buildDefaultSchedule,
  currentStage,
  findBidDeadline,
  findCurrentStage,
  nextBoundary,
  pushBack,
  statusAfter,
  validateSchedule,
  type StageWindow,
} from "./schedule";

const at = (iso: string) => new Date(iso);
const stages: StageWindow[] = [
  { kind: "PENGUMUMAN", startsAt: at("2026-11-01T01:00:00Z"), endsAt: at("2026-11-08T08:00:00Z") },
  { kind: "PEMBERIAN_PENJELASAN", startsAt: at("2026-11-05T01:00:00Z"), endsAt: at("2026-11-06T08:00:00Z") },
  { kind: "UPLOAD_PENAWARAN", startsAt: at("2026-11-08T08:00:00Z"), endsAt: at("2026-11-22T08:00:00Z") },
  { kind: "PEMBUKAAN", startsAt: at("2026-11-22T08:00:00Z"), endsAt: at("2026-11-22T10:00:00Z") },
];

describe("findCurrentStage", () => {
  it.each([
    ["before the schedule", "2026-11-01T00:59:59.999Z", null],
    ["at the first start", "2026-11-01T01:00:00Z", "PENGUMUMAN"],
    ["overlap: the later start wins", "2026-11-05T12:00:00Z", "PEMBERIAN_PENJELASAN"],
    ["one millisecond before the deadline", "2026-11-22T07:59:59.999Z", "UPLOAD_PENAWARAN"],
    ["at the deadline the next stage runs", "2026-11-22T08:00:00Z", "PEMBUKAAN"],
    ["after the schedule", "2026-11-22T10:00:00Z", null],
  ])("%s", (_name, now, expected) => {
    expect(findCurrentStage(stages, at(now))?.kind ?? null).toBe(expected);
  });
});

describe("findBidDeadline", () => {
  it("is the end of the upload stage", () => {
    expect(findBidDeadline(stages)).toEqual(at("2026-11-22T08:00:00Z"));
  });
  it("takes the latest upload window when the deadline was extended with a new row", () => {
    const extended = [
      ...stages,
      { kind: "UPLOAD_PENAWARAN" as const, startsAt: at("2026-11-22T08:00:00Z"), endsAt: at("2026-11-29T08:00:00Z") },
    ];
    expect(findBidDeadline(extended)).toEqual(at("2026-11-29T08:00:00Z"));
  });
  it("is null without an upload stage", () => {
    expect(findBidDeadline(stages.filter((s) => s.kind !== "UPLOAD_PENAWARAN"))).toBeNull();
  });
});

const backToBack: StageWindow[] = [
  { kind: "PENGUMUMAN", startsAt: at("2026-12-01T01:00:00Z"), endsAt: at("2026-12-04T01:00:00Z") },
  { kind: "UPLOAD_PENAWARAN", startsAt: at("2026-12-04T01:00:00Z"), endsAt: at("2026-12-11T08:00:00Z") },
  { kind: "PEMBUKAAN", startsAt: at("2026-12-11T08:00:00Z"), endsAt: at("2026-12-12T08:00:00Z") },
  { kind: "PENGUMUMAN_PEMENANG", startsAt: at("2026-12-14T01:00:00Z"), endsAt: at("2026-12-15T01:00:00Z") },
];

describe("buildDefaultSchedule", () => {
  it("never proposes a stage shorter than its minimum", () => {
    const [built] = buildDefaultSchedule(
      [{ kind: "UPLOAD_PENAWARAN", days: 3, minHours: 96 }],
      at("2026-12-01T01:00:00Z"),
    );
    expect(built!.endsAt).toEqual(at("2026-12-05T01:00:00Z"));
  });
  it("lays the stages back to back from the start", () => {
    const built = buildDefaultSchedule(
      [
        { kind: "PENGUMUMAN", days: 3 },
        { kind: "UPLOAD_PENAWARAN", days: 7 },
      ],
      at("2026-12-01T01:00:00Z"),
    );
    expect(built).toEqual([
      { kind: "PENGUMUMAN", startsAt: at("2026-12-01T01:00:00Z"), endsAt: at("2026-12-04T01:00:00Z") },
      { kind: "UPLOAD_PENAWARAN", startsAt: at("2026-12-04T01:00:00Z"), endsAt: at("2026-12-11T01:00:00Z") },
    ]);
  });
});

describe("validateSchedule", () => {
  const now = at("2026-11-30T00:00:00Z");
  it("keeps each stage at least its minimum: exactly the minimum is enough, one millisecond less is not", () => {
    const upload = backToBack[1]!;
    const hours = (upload.endsAt.getTime() - upload.startsAt.getTime()) / 3_600_000;
    const withMinimum = (minHours: number) => backToBack.map((s, i) => (i === 1 ? { ...s, minHours } : s));
    expect(validateSchedule(withMinimum(hours), now)).toEqual([]);
    expect(validateSchedule(withMinimum(hours + 1 / 3_600_000), now)).toEqual([
      { key: "stageTooShort", kind: upload.kind },
    ]);
  });
  it("accepts back-to-back stages and gaps", () => {
    expect(validateSchedule(backToBack, now)).toEqual([]);
  });
  it("reports an empty schedule", () => {
    expect(validateSchedule([], now)).toEqual([{ key: "scheduleMissing" }]);
  });
  it("reports a stage that ends before, or when, it starts", () => {
    const bad = backToBack.map((s, i) => (i === 2 ? { ...s, endsAt: s.startsAt } : s));
    expect(validateSchedule(bad, now)).toEqual([{ key: "stageEndsBeforeStart", kind: "PEMBUKAAN" }]);
  });
  it("reports a stage that starts one millisecond before the previous one ends", () => {
    const bad = backToBack.map((s, i) => (i === 1 ? { ...s, startsAt: new Date(s.startsAt.getTime() - 1) } : s));
    expect(validateSchedule(bad, now)).toEqual([{ key: "stageOverlaps", kind: "UPLOAD_PENAWARAN" }]);
  });
  it("reports stages out of order", () => {
    const swapped = [backToBack[0]!, backToBack[2]!, backToBack[1]!];
    expect(validateSchedule(swapped, now)).toContainEqual({ key: "stageOverlaps", kind: "UPLOAD_PENAWARAN" });
  });
  it("refuses a first stage in the past, but accepts one starting exactly now", () => {
    expect(validateSchedule(backToBack, at("2026-12-01T01:00:00.001Z"))).toEqual([
      { key: "scheduleStartsInPast", kind: "PENGUMUMAN" },
    ]);
    expect(validateSchedule(backToBack, at("2026-12-01T01:00:00Z"))).toEqual([]);
  });
  it("skips the past-start check for a running schedule", () => {
    expect(validateSchedule(backToBack, at("2026-12-05T00:00:00Z"), { requireFutureStart: false })).toEqual([]);
  });
});

describe("currentStage and nextBoundary", () => {
  it.each([
    ["before the first stage", "2026-12-01T00:59:59.999Z", null, "2026-12-01T01:00:00Z"],
    ["at the exact first start", "2026-12-01T01:00:00Z", "PENGUMUMAN", "2026-12-04T01:00:00Z"],
    ["at the exact bid deadline", "2026-12-11T08:00:00Z", "PEMBUKAAN", "2026-12-12T08:00:00Z"],
    ["in a gap between stages", "2026-12-13T00:00:00Z", null, "2026-12-14T01:00:00Z"],
    ["at the exact last end", "2026-12-15T01:00:00Z", null, null],
  ])("%s", (_name, now, stage, boundary) => {
    expect(currentStage(backToBack, at(now))?.kind ?? null).toBe(stage);
    expect(nextBoundary(backToBack, at(now))).toEqual(boundary ? at(boundary) : null);
  });
});

describe("statusAfter and advanceStatus", () => {
  it.each([
    ["before the first stage", "2026-11-30T00:00:00Z", "PUBLISHED"],
    ["one millisecond before the bid deadline", "2026-12-11T07:59:59.999Z", "PUBLISHED"],
    ["at the bid deadline", "2026-12-11T08:00:00Z", "EVALUATION"],
    ["between opening and the announcement", "2026-12-13T00:00:00Z", "EVALUATION"],
    ["after the last stage: the clock does not award", "2026-12-20T00:00:00Z", "EVALUATION"],
  ])("%s", (_name, now, status) => {
    expect(statusAfter(currentStage(backToBack, at(now))?.kind ?? null, backToBack, at(now))).toBe(status);
  });
  it("moves only forward between the statuses the clock drives", () => {
    expect(advanceStatus("PUBLISHED", "EVALUATION")).toBe("EVALUATION");
    expect(advanceStatus("EVALUATION", "PUBLISHED")).toBe("EVALUATION");
    expect(advanceStatus("AWARDED", "EVALUATION")).toBe("AWARDED");
    expect(advanceStatus("DRAFT", "EVALUATION")).toBe("DRAFT");
  });
});

describe("pushBack", () => {
  const H = 3_600_000;
  const base = at("2026-12-01T00:00:00Z").getTime();
  const w = (kind: StageWindow["kind"], from: number, to: number): StageWindow => ({
    kind,
    startsAt: new Date(base + from * H),
    endsAt: new Date(base + to * H),
  });
  const plan = [
    w("DOWNLOAD_DOKUMEN", 0, 48),
    w("UPLOAD_PENAWARAN", 10, 48),
    w("PEMBUKAAN", 48, 50),
    w("EVALUASI", 60, 70),
  ];
  it("moves stages from the instant whole, lengthens those across it, keeps earlier ones", () => {
    const moved = pushBack(plan, new Date(base + 48 * H), 24 * H).map((m) => [
      m.stage.kind,
      (m.startsAt.getTime() - base) / H,
      (m.endsAt.getTime() - base) / H,
    ]);
    expect(moved).toEqual([
      ["DOWNLOAD_DOKUMEN", 0, 72],
      ["UPLOAD_PENAWARAN", 10, 72],
      ["PEMBUKAAN", 72, 74],
      ["EVALUASI", 84, 94],
    ]);
  });
  it("moves nothing for no shift", () => {
    expect(pushBack(plan, new Date(base + 48 * H), 0)).toEqual([]);
  });
});
