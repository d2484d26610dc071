import { describe, expect, it } from "vitest";
import {
  isAbovePagu,
  isConsultancyMethod,
  isTechnicalScored,
  needsWeights,
  passesTechnicalGrade,
  technicalOrder,
} from "./consultancy";
import { agreedPriceProblem, negotiationTurn } from "./negotiation";
import { rankBids, type RankCandidate } from "./ranking";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 8, minute));
const bid = (bidId: string, correctedPrice: bigint, technicalUnits: number, minute = 0): RankCandidate => ({
  bidId,
  correctedPrice,
  lifeCycleCost: null,
  technicalUnits,
  submittedAt: at(minute),
});
const order = (ranked: { bidId: string; rank: number }[]) => ranked.map((r) => `${r.rank}:${r.bidId}`);

describe("the technical passing grade", () => {
  it("passes exactly the grade and fails a thousandth below it", () => {
    expect(passesTechnicalGrade(70_000, 70)).toBe(true);
    expect(passesTechnicalGrade(69_999, 70)).toBe(false);
    expect(passesTechnicalGrade(100_000, 100)).toBe(true);
    expect(passesTechnicalGrade(0, 0)).toBe(true);
  });

  it("holds exactly the pagu valid and a rupiah above it not", () => {
    expect(isAbovePagu(1_000n, 1_000n)).toBe(false);
    expect(isAbovePagu(1_001n, 1_000n)).toBe(true);
  });

  it("orders the passing technical files best first, ties by the earlier submission", () => {
    const ordered = technicalOrder(
      [
        { bidId: "low", technicalUnits: 69_999, submittedAt: at(0) },
        { bidId: "late", technicalUnits: 80_000, submittedAt: at(5) },
        { bidId: "early", technicalUnits: 80_000, submittedAt: at(1) },
        { bidId: "edge", technicalUnits: 70_000, submittedAt: at(0) },
      ],
      70,
    );
    expect(ordered.map((c) => c.bidId)).toEqual(["early", "late", "edge"]);
  });
});

describe("which methods are which", () => {
  it("tells the consultancy methods, the scored ones and the weighted ones apart", () => {
    expect(isConsultancyMethod("KUALITAS")).toBe(true);
    expect(isConsultancyMethod("SISTEM_NILAI")).toBe(false);
    expect(isConsultancyMethod(null)).toBe(false);
    expect(isTechnicalScored("BIAYA_TERENDAH")).toBe(true);
    expect(isTechnicalScored("HARGA_TERENDAH")).toBe(false);
    expect(needsWeights("KUALITAS_BIAYA")).toBe(true);
    expect(needsWeights("PAGU_ANGGARAN")).toBe(false);
  });
});

describe("rankBids: kualitas", () => {
  it("ranks by technical score alone and leaves out those below the grade", () => {
    const ranked = rankBids(
      "KUALITAS",
      [bid("cheap", 100n, 75_000), bid("best", 900n, 90_000), bid("below", 50n, 69_999), bid("edge", 80n, 70_000)],
      { technicalWeight: null, priceWeight: null, technicalPassingGrade: 70 },
    );
    expect(order(ranked)).toEqual(["1:best", "2:cheap", "3:edge"]);
  });

  it("breaks an equal technical score by the earlier submission, not the price", () => {
    const ranked = rankBids("KUALITAS", [bid("late-cheap", 100n, 80_000, 5), bid("early", 900n, 80_000, 1)]);
    expect(order(ranked)).toEqual(["1:early", "2:late-cheap"]);
  });

  it("refuses a consultancy ranking without technical scores", () => {
    expect(() => rankBids("KUALITAS", [{ ...bid("a", 1n, 0), technicalUnits: null }])).toThrow(RangeError);
  });
});

describe("rankBids: kualitas dan biaya", () => {
  const weights = { technicalWeight: 80, priceWeight: 20, technicalPassingGrade: 70 };

  it("weighs the technical score against the price score (lowest / price × 100)", () => {
    // a: 90×0,8 + 100×0,2 = 92; b: 95×0,8 + 50×0,2 = 86
    const ranked = rankBids("KUALITAS_BIAYA", [bid("b", 200n, 95_000), bid("a", 100n, 90_000)], weights);
    expect(order(ranked)).toEqual(["1:a", "2:b"]);
    expect(ranked.map((r) => r.totalUnits)).toEqual([92_000, 86_000]);
    expect(ranked.map((r) => r.priceUnits)).toEqual([100_000, 50_000]);
  });

  it("breaks equal totals by the higher technical score", () => {
    // x: 80×0,5 + 100×0,5 = 90; y: 100×0,5 + 80×0,5 = 90 (price 125 → 80)
    const ranked = rankBids("KUALITAS_BIAYA", [bid("x", 100n, 80_000), bid("y", 125n, 100_000)], {
      ...weights,
      technicalWeight: 50,
      priceWeight: 50,
    });
    expect(ranked.map((r) => r.totalUnits)).toEqual([90_000, 90_000]);
    expect(order(ranked)).toEqual(["1:y", "2:x"]);
  });

  it("prices a bid against the lowest price among those that passed the grade only", () => {
    const ranked = rankBids("KUALITAS_BIAYA", [bid("below", 10n, 60_000), bid("a", 100n, 90_000)], weights);
    expect(order(ranked)).toEqual(["1:a"]);
    expect(ranked[0]!.priceUnits).toBe(100_000);
  });

  it("needs the weights", () => {
    expect(() => rankBids("KUALITAS_BIAYA", [bid("a", 1n, 80_000)])).toThrow(RangeError);
  });
});

describe("rankBids: pagu anggaran", () => {
  const options = { technicalWeight: null, priceWeight: null, technicalPassingGrade: 70, pagu: 1_000n };

  it("drops a price above the pagu, keeps exactly the pagu, then ranks by technical score", () => {
    const ranked = rankBids(
      "PAGU_ANGGARAN",
      [bid("over", 1_001n, 99_000), bid("at-pagu", 1_000n, 85_000), bid("cheap", 500n, 80_000)],
      options,
    );
    expect(order(ranked)).toEqual(["1:at-pagu", "2:cheap"]);
  });

  it("breaks an equal technical score by the lower price", () => {
    const ranked = rankBids("PAGU_ANGGARAN", [bid("dear", 900n, 80_000, 0), bid("cheap", 800n, 80_000, 9)], options);
    expect(order(ranked)).toEqual(["1:cheap", "2:dear"]);
  });

  it("needs the pagu", () => {
    expect(() => rankBids("PAGU_ANGGARAN", [bid("a", 1n, 80_000)])).toThrow(RangeError);
  });
});

describe("rankBids: biaya terendah", () => {
  const options = { technicalWeight: null, priceWeight: null, technicalPassingGrade: 70 };

  it("ranks the lowest price among those at or above the grade", () => {
    const ranked = rankBids(
      "BIAYA_TERENDAH",
      [bid("below-cheapest", 10n, 69_999), bid("edge", 300n, 70_000), bid("good", 200n, 95_000)],
      options,
    );
    expect(order(ranked)).toEqual(["1:good", "2:edge"]);
  });

  it("breaks an equal price by the higher technical score, then the earlier submission", () => {
    const ranked = rankBids(
      "BIAYA_TERENDAH",
      [bid("weak", 200n, 75_000, 0), bid("strong-late", 200n, 90_000, 9), bid("strong-early", 200n, 90_000, 1)],
      options,
    );
    expect(order(ranked)).toEqual(["1:strong-early", "2:strong-late", "3:weak"]);
  });
});

describe("klarifikasi dan negosiasi", () => {
  const limits = { offered: 900n, hps: 1_000n, pagu: null };

  it("accepts an agreed price up to the offer, and exactly the offer", () => {
    expect(agreedPriceProblem(900n, limits)).toBeNull();
    expect(agreedPriceProblem(1n, limits)).toBeNull();
  });

  it("refuses a price above the offer, above HPS, above the pagu, or not positive", () => {
    expect(agreedPriceProblem(901n, limits)).toBe("agreedAboveOffer");
    expect(agreedPriceProblem(1_001n, { ...limits, offered: 2_000n })).toBe("agreedAboveHps");
    expect(agreedPriceProblem(1_000n, { ...limits, offered: 2_000n })).toBeNull();
    expect(agreedPriceProblem(801n, { ...limits, pagu: 800n })).toBe("agreedAbovePagu");
    expect(agreedPriceProblem(800n, { ...limits, pagu: 800n })).toBeNull();
    expect(agreedPriceProblem(0n, limits)).toBe("agreedNotPositive");
  });

  it("negotiates with the first, then after a failure with the next, and stops at an agreement", () => {
    expect(negotiationTurn(["a", "b"], [])).toEqual({ kind: "TURN", bidId: "a" });
    expect(negotiationTurn(["a", "b"], [{ bidId: "a", outcome: "FAILED" }])).toEqual({ kind: "TURN", bidId: "b" });
    expect(
      negotiationTurn(
        ["a", "b"],
        [
          { bidId: "a", outcome: "FAILED" },
          { bidId: "b", outcome: "AGREED" },
        ],
      ),
    ).toEqual({ kind: "AGREED", bidId: "b" });
    expect(
      negotiationTurn(
        ["a", "b"],
        [
          { bidId: "a", outcome: "FAILED" },
          { bidId: "b", outcome: "FAILED" },
        ],
      ),
    ).toEqual({ kind: "EXHAUSTED" });
  });
});
