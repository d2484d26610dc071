import { describe, expect, it } from "vitest";
import { findBidDeadline, findCurrentStage, type StageWindow } from "./schedule";

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
    const extended = [...stages, { kind: "UPLOAD_PENAWARAN" as const, startsAt: at("2026-11-22T08:00:00Z"), endsAt: at("2026-11-29T08:00:00Z") }];
    expect(findBidDeadline(extended)).toEqual(at("2026-11-29T08:00:00Z"));
  });
  it("is null without an upload stage", () => {
    expect(findBidDeadline(stages.filter((s) => s.kind !== "UPLOAD_PENAWARAN"))).toBeNull();
  });
});
