import { describe, expect, it } from "vitest";
import { SUBMIT_GRACE_MS } from "@/modules/bids/domain/bid-rules";
import { decideAtBidDeadline, extendSchedule, type Stage } from "./bid-deadline";

const H = 3_600_000;
const t0 = new Date("2026-05-01T08:00:00.000Z").getTime();
const at = (h: number) => new Date(t0 + h * H);
const stages: Stage[] = [
  { id: "a", kind: "PENGUMUMAN", startsAt: at(0), endsAt: at(24) },
  { id: "d", kind: "DOWNLOAD_DOKUMEN", startsAt: at(0), endsAt: at(72) },
  { id: "u", kind: "UPLOAD_PENAWARAN", startsAt: at(24), endsAt: at(72) },
  { id: "p", kind: "PEMBUKAAN", startsAt: at(72), endsAt: at(96) },
  { id: "e", kind: "EVALUASI", startsAt: at(96), endsAt: at(120) },
];
const base = {
  status: "PUBLISHED",
  stages,
  submittedBids: 0,
  deadlineExtensions: 0,
  maxDeadlineExtensions: 1,
  minBids: 1,
};

describe("decideAtBidDeadline", () => {
  it("does nothing until the bids that arrived in time are recorded (the grace after the deadline), then extends by the stage's length counted from then", () => {
    const settled = new Date(at(72).getTime() + SUBMIT_GRACE_MS);
    expect(decideAtBidDeadline(base, at(72))).toEqual({ kind: "none" });
    expect(decideAtBidDeadline(base, new Date(settled.getTime() - 1))).toEqual({ kind: "none" });
    expect(decideAtBidDeadline(base, settled)).toEqual({ kind: "extend", shiftMs: 48 * H + SUBMIT_GRACE_MS });
  });

  it("counts a late worker's delay into the extension", () => {
    expect(decideAtBidDeadline(base, at(75))).toEqual({ kind: "extend", shiftMs: 51 * H });
  });

  it("fails with NO_BIDS once the extensions are used, TOO_FEW_BIDS under the minimum", () => {
    expect(decideAtBidDeadline({ ...base, deadlineExtensions: 1 }, at(73))).toEqual({
      kind: "fail",
      failureKind: "NO_BIDS",
    });
    expect(decideAtBidDeadline({ ...base, maxDeadlineExtensions: 0, minBids: 2 }, at(73))).toEqual({
      kind: "fail",
      failureKind: "NO_BIDS",
    });
    expect(decideAtBidDeadline({ ...base, minBids: 2, submittedBids: 1 }, at(73))).toEqual({
      kind: "fail",
      failureKind: "TOO_FEW_BIDS",
    });
  });

  it("leaves tenders with enough bids, and tenders no longer PUBLISHED", () => {
    expect(decideAtBidDeadline({ ...base, submittedBids: 1 }, at(73))).toEqual({ kind: "none" });
    expect(decideAtBidDeadline({ ...base, status: "EVALUATION" }, at(73))).toEqual({ kind: "none" });
  });
});

describe("extendSchedule", () => {
  it("moves later stages whole, lengthens stages across the deadline, keeps earlier ones", () => {
    const moved = extendSchedule(stages, 48 * H).map((m) => [m.stage.id, m.startsAt, m.endsAt]);
    expect(moved).toEqual([
      ["d", at(0), at(120)],
      ["u", at(24), at(120)],
      ["p", at(120), at(144)],
      ["e", at(144), at(168)],
    ]);
  });
});
