import { describe, expect, it } from "vitest";
import { failureSuggestion } from "./failure-suggestion";
import { maskNpwp } from "./mask-npwp";
import { scheduleAfterAnnouncement, type StageRow } from "./sanggah-window";
import { selectWinner, type WinnerCandidate } from "./select-winner";

const c = (bidId: string, rank: number, extra: Partial<WinnerCandidate> = {}): WinnerCandidate => ({
  bidId,
  rank,
  pembuktianPassed: true,
  isLowPriceFlagged: false,
  hasClarification: false,
  ...extra,
});

describe("selectWinner", () => {
  it("takes the best-ranked as winner and the next two as reserves", () => {
    expect(selectWinner([c("d", 4), c("b", 2), c("a", 1), c("c", 3)])).toEqual({
      kind: "SELECTED",
      winnerBidId: "a",
      reserveBidIds: ["b", "c"],
    });
  });

  it("passes over a bid that failed pembuktian", () => {
    expect(selectWinner([c("a", 1, { pembuktianPassed: false }), c("b", 2)])).toEqual({
      kind: "SELECTED",
      winnerBidId: "b",
      reserveBidIds: [],
    });
  });

  it("does not skip a better bid that is still undecided", () => {
    expect(selectWinner([c("a", 1, { pembuktianPassed: undefined }), c("b", 2)])).toEqual({
      kind: "BLOCKED",
      reason: "PEMBUKTIAN_PENDING",
      bidId: "a",
      rank: 1,
    });
  });

  it("needs a clarification for a flagged bid, then lets it win", () => {
    expect(selectWinner([c("a", 1, { isLowPriceFlagged: true }), c("b", 2)])).toMatchObject({
      kind: "BLOCKED",
      reason: "CLARIFICATION_MISSING",
      bidId: "a",
    });
    expect(selectWinner([c("a", 1, { isLowPriceFlagged: true, hasClarification: true }), c("b", 2)])).toMatchObject({
      kind: "SELECTED",
      winnerBidId: "a",
    });
  });

  it("stops after the second reserve: a fourth bid's state does not matter", () => {
    expect(selectWinner([c("a", 1), c("b", 2), c("c", 3), c("d", 4, { pembuktianPassed: undefined })])).toMatchObject({
      kind: "SELECTED",
      reserveBidIds: ["b", "c"],
    });
  });

  it("names nobody when every ranked bid failed pembuktian", () => {
    expect(selectWinner([c("a", 1, { pembuktianPassed: false })])).toEqual({ kind: "NONE" });
    expect(selectWinner([])).toEqual({ kind: "NONE" });
  });
});

describe("failureSuggestion", () => {
  it.each([
    [
      "someone passes",
      [
        { passedAllStages: true, isAboveHps: false },
        { passedAllStages: false, isAboveHps: true },
      ],
      null,
    ],
    [
      "every bid above HPS",
      [
        { passedAllStages: false, isAboveHps: true },
        { passedAllStages: false, isAboveHps: true },
      ],
      "ALL_ABOVE_HPS",
    ],
    [
      "some fail for other reasons",
      [
        { passedAllStages: false, isAboveHps: true },
        { passedAllStages: false, isAboveHps: false },
      ],
      "NOBODY_PASSES",
    ],
    ["no evaluated bid", [], "NOBODY_PASSES"],
  ] as const)("%s", (_n, bids, suggestion) => expect(failureSuggestion(bids)).toBe(suggestion));
});

describe("maskNpwp", () => {
  it("keeps the first two and last three digits", () => {
    expect(maskNpwp("012345678901000")).toBe("01**********000");
    expect(maskNpwp("01.234.567.8-901.000")).toBe("01**********000");
  });
});

describe("scheduleAfterAnnouncement", () => {
  const t = (day: number, hour = 0) => new Date(Date.UTC(2026, 5, day, hour));
  const row = (id: string, kind: StageRow["kind"], from: Date, to: Date): StageRow => ({
    id,
    kind,
    startsAt: from,
    endsAt: to,
  });
  const config = { sanggahDays: 5, sanggahAnswerDays: 3, hasSanggahBanding: false, bandingDays: 5 };

  it("runs masa sanggah from the announcement and moves later stages only as needed", () => {
    const stages = [
      row("p", "PENGUMUMAN_PEMENANG", t(10), t(11)),
      row("s", "MASA_SANGGAH", t(11), t(16)),
      row("k", "PENUNJUKAN_PEMENANG", t(16), t(19)),
    ];
    // announced at 12 June 06:00, a day late: sanggah to 17 June 06:00, penunjukan follows
    expect(scheduleAfterAnnouncement(stages, t(12, 6), config)).toEqual([
      row("s", "MASA_SANGGAH", t(12, 6), t(17, 6)),
      row("k", "PENUNJUKAN_PEMENANG", t(17, 6), t(20, 6)),
    ]);
  });

  it("ends a running announcement stage at the announcement; early announcement leaves later stages", () => {
    const stages = [
      row("p", "PENGUMUMAN_PEMENANG", t(10), t(11)),
      row("s", "MASA_SANGGAH", t(11), t(16)),
      row("k", "PENUNJUKAN_PEMENANG", t(20), t(23)),
    ];
    expect(scheduleAfterAnnouncement(stages, t(10, 12), config)).toEqual([
      row("p", "PENGUMUMAN_PEMENANG", t(10), t(10, 12)),
      row("s", "MASA_SANGGAH", t(10, 12), t(15, 12)),
    ]);
  });

  it("places sanggah banding after the Pokja's answer period, for construction", () => {
    const stages = [row("s", "MASA_SANGGAH", t(11), t(16)), row("b", "SANGGAH_BANDING", t(16), t(21))];
    expect(scheduleAfterAnnouncement(stages, t(11), { ...config, hasSanggahBanding: true })).toEqual([
      row("b", "SANGGAH_BANDING", t(19), t(24)),
    ]);
  });

  it("changes nothing without a masa sanggah stage", () => {
    expect(scheduleAfterAnnouncement([row("p", "PENGUMUMAN_PEMENANG", t(10), t(11))], t(10), config)).toEqual([]);
  });
});
