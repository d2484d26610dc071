import { describe, expect, it } from "vitest";
import type { StageKind } from "@/modules/tenders/domain";
import { planCompensation, uncoveredMs, type CompensationFigures, type Interval } from "./compensation-rule";
import type { OutageScope } from "./enums";
import type { MaintenancePeriod } from "./maintenance";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const T0 = Date.parse("2027-01-04T00:00:00.000Z");
const at = (ms: number) => new Date(T0 + ms);

const stage = (id: string, kind: StageKind, from: number, to: number) => ({
  id,
  kind,
  startsAt: at(from),
  endsAt: at(to),
});
// penjelasan 2 days, upload 5 days (deadline T0+7d), opening 1 hour, evaluation
const STAGES = [
  stage("p", "PEMBERIAN_PENJELASAN", 0, 2 * D),
  stage("u", "UPLOAD_PENAWARAN", 2 * D, 7 * D),
  stage("o", "PEMBUKAAN", 7 * D, 7 * D + H),
  stage("e", "EVALUASI", 7 * D + H, 10 * D),
];
const FIGURES: CompensationFigures = { unitMinutes: 60, leadHours: 24, minHours: 24 };

function plan(
  from: number,
  to: number,
  options: {
    scope?: OutageScope;
    figures?: Partial<CompensationFigures>;
    covered?: Record<string, Interval[]>;
    done?: string[];
    maintenance?: MaintenancePeriod[];
    stages?: typeof STAGES;
  } = {},
) {
  return planCompensation({
    outage: { startsAt: at(from), endsAt: at(to), scope: options.scope ?? "INSTANCE" },
    stages: options.stages ?? STAGES,
    covered: new Map(Object.entries(options.covered ?? {})),
    done: new Set(options.done ?? []),
    figures: { ...FIGURES, ...options.figures },
    maintenance: options.maintenance ?? [],
  });
}
const summary = (p: ReturnType<typeof plan>) =>
  p.decisions.map((d) => ({ id: d.stage.id, lost: d.lostSeconds, ext: d.extensionSeconds }));
const endOf = (p: ReturnType<typeof plan>, id: string) => p.moves.find((m) => m.stage.id === id)?.endsAt;
const startOf = (p: ReturnType<typeof plan>, id: string) => p.moves.find((m) => m.stage.id === id)?.startsAt;

describe("planCompensation: the overlap", () => {
  it("gives nothing for an outage ending exactly at a stage's start", () => {
    const p = plan(2 * D - H, 2 * D, { scope: "UPLOADS" });
    expect(p.decisions).toEqual([]);
    expect(p.moves).toEqual([]);
  });

  it("gives nothing for an outage starting exactly at the stage's end (the opening is no action stage)", () => {
    expect(plan(7 * D, 7 * D + 2 * H).decisions).toEqual([]);
  });

  it("gives one whole unit for one second of overlap and pushes the later stages by as much", () => {
    const p = plan(2 * D - H, 2 * D + S, { scope: "UPLOADS" });
    expect(summary(p)).toEqual([{ id: "u", lost: 1, ext: 3600 }]);
    expect(endOf(p, "u")).toEqual(at(7 * D + H));
    expect(startOf(p, "u")).toEqual(at(2 * D)); // the running stage keeps its start
    expect(startOf(p, "o")).toEqual(at(7 * D + H));
    expect(endOf(p, "e")).toEqual(at(10 * D + H));
    expect(p.decisions[0]!.oldEndsAt).toEqual(at(7 * D));
    expect(p.decisions[0]!.newEndsAt).toEqual(at(7 * D + H));
  });

  it("counts a part of a second as a whole second lost", () => {
    expect(summary(plan(3 * D, 3 * D + 500))).toEqual([{ id: "u", lost: 1, ext: 3600 }]);
  });

  it("rounds up to the configured unit", () => {
    expect(summary(plan(3 * D, 3 * D + 61 * M))).toEqual([{ id: "u", lost: 3660, ext: 2 * 3600 }]);
    expect(summary(plan(3 * D, 3 * D + 61 * M, { figures: { unitMinutes: 15 } }))).toEqual([
      { id: "u", lost: 3660, ext: 75 * 60 },
    ]);
  });

  it("gives the minimum after an outage that swallows the deadline", () => {
    const p = plan(7 * D - 2 * H, 7 * D + 3 * H);
    // lost 2 h; the stage must end 24 h after the outage ended: 7d + 27h
    expect(summary(p)).toEqual([{ id: "u", lost: 7200, ext: 27 * 3600 }]);
    expect(endOf(p, "u")).toEqual(at(7 * D + 27 * H));
    expect(startOf(p, "o")).toEqual(at(7 * D + 27 * H));
  });
});

describe("planCompensation: the lead window", () => {
  const figures = { minHours: 48 };
  it("applies the minimum to an outage ending inside the lead window", () => {
    // ends 23.5 h before the deadline: the stage ends 48 h after the outage, rounded up to the hour
    expect(summary(plan(6 * D, 6 * D + 30 * M, { figures }))).toEqual([{ id: "u", lost: 1800, ext: 25 * 3600 }]);
  });

  it("applies it to an outage ending exactly lead hours before the end", () => {
    expect(summary(plan(6 * D - H, 6 * D, { figures }))).toEqual([{ id: "u", lost: 3600, ext: 24 * 3600 }]);
  });

  it("does not apply it to an outage ending one second before the lead window", () => {
    expect(summary(plan(6 * D - H, 6 * D - S, { figures }))).toEqual([{ id: "u", lost: 3599, ext: 3600 }]);
  });

  it("never gives less than the time lost even when the minimum is smaller", () => {
    expect(summary(plan(7 * D - 5 * H, 7 * D - H, { figures: { minHours: 1 } }))).toEqual([
      { id: "u", lost: 4 * 3600, ext: 4 * 3600 },
    ]);
  });
});

describe("planCompensation: earlier compensations", () => {
  it("gives nothing more for a stage an earlier overlapping outage already fully covered", () => {
    const covered = { u: [{ startsAt: at(3 * D), endsAt: at(3 * D + 2 * H) }] };
    expect(plan(3 * D + 30 * M, 3 * D + H, { covered }).decisions).toEqual([]);
  });

  it("counts only the uncovered part of two outages overlapping each other", () => {
    const covered = { u: [{ startsAt: at(3 * D), endsAt: at(3 * D + 2 * H) }] };
    expect(summary(plan(3 * D + H, 3 * D + 4 * H, { covered }))).toEqual([{ id: "u", lost: 7200, ext: 7200 }]);
  });

  it("skips a stage that already has a compensation for this outage", () => {
    expect(plan(3 * D, 3 * D + H, { done: ["u"] })).toEqual({ decisions: [], moves: [] });
  });
});

describe("planCompensation: which stages", () => {
  it("gives nothing in a stage where nobody acts", () => {
    expect(plan(8 * D, 8 * D + 5 * H).decisions).toEqual([]);
  });

  it("gives nothing for an upload failure during the clarification", () => {
    expect(plan(D, D + 2 * H, { scope: "UPLOADS" }).decisions).toEqual([]);
  });

  it("extends the clarification for a whole-instance outage, and the upload stage moves whole", () => {
    const p = plan(D, D + 2 * H, { scope: "SIGN_IN" });
    expect(summary(p)).toEqual([{ id: "p", lost: 7200, ext: 7200 }]);
    expect(startOf(p, "u")).toEqual(at(2 * D + 2 * H));
    expect(endOf(p, "u")).toEqual(at(7 * D + 2 * H));
  });

  it("handles several stages in order: a stage pushed past the outage lost nothing", () => {
    // 30 min of each; the outage ended after the clarification's end, so it gets the minimum
    // (24 h after the outage) and the upload stage then starts after the outage, whole
    const p = plan(2 * D - 30 * M, 2 * D + 30 * M);
    expect(summary(p)).toEqual([{ id: "p", lost: 1800, ext: 25 * 3600 }]);
    expect(startOf(p, "u")).toEqual(at(3 * D + H));
    expect(endOf(p, "u")).toEqual(at(8 * D + H));
  });

  it("handles several stages in order: each measured on its pushed window", () => {
    // back to back action stages with the outage spanning the boundary by 3 h each side
    const stages = [stage("p", "PEMBERIAN_PENJELASAN", 0, 2 * D), stage("u", "UPLOAD_PENAWARAN", 2 * D, 7 * D)];
    const p = plan(2 * D - 3 * H, 2 * D + 3 * H, { stages, figures: { minHours: 0 } });
    // clarification: 3 h lost -> ends 2d+3h (at least the outage's end); upload pushed to
    // [2d+3h, 7d+3h) is past the outage: 0 lost, not 3 h more
    expect(summary(p)).toEqual([{ id: "p", lost: 3 * 3600, ext: 3 * 3600 }]);
    expect(endOf(p, "u")).toEqual(at(7 * D + 3 * H));
  });

  it("compensates sanggah stages", () => {
    const stages = [stage("s", "MASA_SANGGAH", 0, 5 * D), stage("b", "SANGGAH_BANDING", 5 * D, 10 * D)];
    const p = plan(D, D + 90 * M, { stages });
    expect(summary(p)).toEqual([{ id: "s", lost: 5400, ext: 7200 }]);
    expect(startOf(p, "b")).toEqual(at(5 * D + 2 * H));
  });
});

describe("planCompensation: announced maintenance", () => {
  const window = { startsAt: at(7 * D), endsAt: at(7 * D + 4 * H) };
  it("moves a new end that falls inside an announced window to its end plus the minimum", () => {
    const p = plan(3 * D, 3 * D + H, { maintenance: [window] });
    expect(summary(p)).toEqual([{ id: "u", lost: 3600, ext: 28 * 3600 }]);
  });

  it("ignores a cancelled window and one the new end only touches", () => {
    expect(summary(plan(3 * D, 3 * D + H, { maintenance: [{ ...window, cancelledAt: at(0) }] }))).toEqual([
      { id: "u", lost: 3600, ext: 3600 },
    ]);
    const touching = { startsAt: at(7 * D + 2 * H), endsAt: at(7 * D + 4 * H) };
    expect(summary(plan(3 * D, 3 * D + H, { maintenance: [touching] }))).toEqual([{ id: "u", lost: 3600, ext: 3600 }]);
  });
});

describe("uncoveredMs", () => {
  it("subtracts overlapping covers once", () => {
    const cover = [
      { startsAt: new Date(10), endsAt: new Date(30) },
      { startsAt: new Date(20), endsAt: new Date(40) },
      { startsAt: new Date(90), endsAt: new Date(200) },
    ];
    expect(uncoveredMs(0, 100, cover)).toBe(100 - 30 - 10);
    expect(uncoveredMs(50, 50, cover)).toBe(0);
    expect(uncoveredMs(0, 100, [])).toBe(100);
  });
});
