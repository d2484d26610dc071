import { describe, expect, it } from "vitest";
import type { StageWindow } from "@/modules/tenders/domain/schedule";
import { checkAskWindow, checkBeforeBidDeadline } from "./question-rules";

const at = (h: number) => new Date(Date.UTC(2026, 10, 22, h));
const stages: StageWindow[] = [
  { kind: "PENGUMUMAN", startsAt: at(0), endsAt: at(2) },
  { kind: "PEMBERIAN_PENJELASAN", startsAt: at(2), endsAt: at(4) },
  { kind: "UPLOAD_PENAWARAN", startsAt: at(4), endsAt: at(8) },
];

describe("checkAskWindow", () => {
  it("accepts from the first instant of the stage up to, not including, its end", () => {
    expect(checkAskWindow("PUBLISHED", stages, at(2))).toEqual({ ok: true });
    expect(checkAskWindow("PUBLISHED", stages, new Date(at(4).getTime() - 1))).toEqual({ ok: true });
  });

  it.each([
    ["one millisecond before", new Date(at(2).getTime() - 1)],
    ["at the end", at(4)],
    ["well after", at(7)],
  ])("refuses %s, naming the window", (_label, now) => {
    expect(checkAskWindow("PUBLISHED", stages, now)).toEqual({
      ok: false,
      reason: "outsideExplanationStage",
      window: { startsAt: at(2), endsAt: at(4) },
    });
  });

  it("refuses a tender that is not announced or has no explanation stage", () => {
    expect(checkAskWindow("DRAFT", stages, at(3))).toMatchObject({ ok: false, reason: "tenderNotRunning" });
    expect(
      checkAskWindow(
        "PUBLISHED",
        stages.filter((s) => s.kind !== "PEMBERIAN_PENJELASAN"),
        at(3),
      ),
    ).toMatchObject({ ok: false, reason: "noExplanationStage" });
  });
});

describe("checkBeforeBidDeadline", () => {
  it("allows up to one millisecond before the deadline", () => {
    expect(checkBeforeBidDeadline("PUBLISHED", stages, new Date(at(8).getTime() - 1))).toEqual({
      ok: true,
      deadline: at(8),
    });
  });

  it("refuses at and after the deadline, without a deadline, and on a closed tender", () => {
    expect(checkBeforeBidDeadline("PUBLISHED", stages, at(8))).toEqual({ ok: false, reason: "bidDeadlinePassed" });
    expect(checkBeforeBidDeadline("PUBLISHED", stages.slice(0, 2), at(1))).toEqual({
      ok: false,
      reason: "noBidDeadline",
    });
    expect(checkBeforeBidDeadline("EVALUATION", stages, at(1))).toEqual({ ok: false, reason: "tenderNotRunning" });
  });
});
