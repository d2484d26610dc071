import { describe, expect, it } from "vitest";
import type { StageWindow } from "@/modules/tenders/domain/schedule";
import { addendumShiftMs } from "./addendum-extension";

const H = 3_600_000;
const deadline = new Date("2026-12-08T08:00:00Z");
const stages: StageWindow[] = [
  { kind: "UPLOAD_PENAWARAN", startsAt: new Date("2026-12-01T01:00:00Z"), endsAt: deadline },
  { kind: "PEMBUKAAN", startsAt: deadline, endsAt: new Date("2026-12-09T08:00:00Z") },
];
const before = (ms: number) => new Date(deadline.getTime() - ms);

describe("addendumShiftMs", () => {
  it("leaves the deadline when bidders keep the minimum, to the millisecond", () => {
    expect(addendumShiftMs(stages, before(96 * H), 96)).toBe(0);
    expect(addendumShiftMs(stages, before(96 * H + 1), 96)).toBe(0);
  });

  it("pushes the deadline so that bidders keep the minimum after a late addendum", () => {
    expect(addendumShiftMs(stages, before(96 * H - 1), 96)).toBe(1);
    expect(addendumShiftMs(stages, before(H), 96)).toBe(95 * H);
  });

  it("does nothing with a minimum of zero or without an upload stage", () => {
    expect(addendumShiftMs(stages, before(1), 0)).toBe(0);
    expect(addendumShiftMs(stages.slice(1), before(1), 96)).toBe(0);
  });
});
