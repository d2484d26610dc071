import { describe, expect, it } from "vitest";
import {
  bidsWhosePriceOpens,
  envelopeOf,
  nextPriceToOpen,
  priceOpeningRefusal,
  type PriceOpeningState,
  type TechnicalResult,
} from "./price-envelope";

const t0 = new Date("2026-03-10T08:00:00.000Z");
const bid = (
  bidId: string,
  score: number | null,
  opts: { failed?: string; minute?: number } = {},
): TechnicalResult => ({
  bidId,
  submittedAt: new Date(t0.getTime() + (opts.minute ?? 0) * 60_000),
  evaluations: [
    { stage: "ADMINISTRASI", passed: opts.failed !== "ADMINISTRASI", score: null },
    ...(score === null ? [] : [{ stage: "TEKNIS", passed: opts.failed !== "TEKNIS", score }]),
  ],
});

describe("envelopeOf", () => {
  it("routes the price and the HARGA files to the price key on a two-envelope tender only", () => {
    expect(envelopeOf("PRICE", true)).toBe("PRICE");
    expect(envelopeOf("HARGA", true)).toBe("PRICE");
    for (const item of ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "JAMINAN_PENAWARAN", "QUALIFICATION"] as const)
      expect(envelopeOf(item, true)).toBe("OPENING");
    for (const item of ["PRICE", "HARGA", "TEKNIS", "QUALIFICATION"] as const)
      expect(envelopeOf(item, false)).toBe("OPENING");
  });
});

describe("bidsWhosePriceOpens", () => {
  it("opens a score exactly at the grade and not one a thousandth below it", () => {
    const bids = [bid("a", 70), bid("b", 69.999), bid("c", 85)];
    expect(bidsWhosePriceOpens(bids, 70, "KUALITAS_BIAYA")).toEqual(["c", "a"]);
  });

  it("opens no price of a bid that failed any stage, whatever its technical score", () => {
    const bids = [bid("a", 90, { failed: "ADMINISTRASI" }), bid("b", 90, { failed: "TEKNIS" }), bid("c", 71)];
    expect(bidsWhosePriceOpens(bids, 70, "BIAYA_TERENDAH")).toEqual(["c"]);
  });

  it("opens only the first-ranked's for KUALITAS; a tie at the top goes to the earlier submission", () => {
    const bids = [bid("late", 88, { minute: 5 }), bid("early", 88, { minute: 1 }), bid("low", 75)];
    expect(bidsWhosePriceOpens(bids, 70, "KUALITAS")).toEqual(["early"]);
    expect(bidsWhosePriceOpens(bids, 70, "PAGU_ANGGARAN")).toEqual(["early", "late", "low"]);
  });

  it("opens nothing when nobody passes", () => {
    expect(bidsWhosePriceOpens([bid("a", 69), bid("b", null)], 70, "KUALITAS")).toEqual([]);
    expect(bidsWhosePriceOpens([], 70, "KUALITAS_BIAYA")).toEqual([]);
  });
});

describe("nextPriceToOpen", () => {
  it("gives the next-ranked passing bid not yet opened, then none", () => {
    const bids = [bid("a", 90), bid("b", 80), bid("c", 60)];
    expect(nextPriceToOpen(bids, 70, ["a"])).toBe("b");
    expect(nextPriceToOpen(bids, 70, ["a", "b"])).toBeNull();
  });
});

describe("priceOpeningRefusal", () => {
  const stage = new Date("2026-03-20T08:00:00.000Z");
  const state = (o: Partial<PriceOpeningState> = {}): PriceOpeningState => ({
    hasPriceKey: true,
    status: "EVALUATION",
    openedAt: t0,
    priceOpenedAt: null,
    stageStartsAt: stage,
    bids: [bid("a", 80), bid("b", null, { failed: "ADMINISTRASI" })],
    ...o,
  });

  it("allows from the stage's first instant once every bid is decided", () => {
    expect(priceOpeningRefusal(state(), new Date(stage.getTime() - 1))).toEqual({
      key: "priceOpeningBeforeStage",
      startsAt: stage,
    });
    expect(priceOpeningRefusal(state(), stage)).toBeNull();
  });

  it.each([
    [{ hasPriceKey: false }, "priceOpeningNotTwoFiles"],
    [{ priceOpenedAt: stage }, "priceOpeningAlreadyDone"],
    [{ openedAt: null }, "priceOpeningNotOpened"],
    [{ status: "AWARDED" as const }, "priceOpeningNotEvaluation"],
    [{ stageStartsAt: null }, "priceOpeningBeforeStage"],
    [{ bids: [bid("a", 80), bid("b", null)] }, "priceOpeningTechnicalPending"],
  ])("refuses %o with %s", (overrides, key) => {
    expect(priceOpeningRefusal(state(overrides), stage)?.key).toBe(key);
  });
});
