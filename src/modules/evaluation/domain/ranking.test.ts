import { describe, expect, it } from "vitest";
import { rankBids, type RankCandidate } from "./ranking";
import { evaluationOutcome, isEvaluationComplete, stageBlocker } from "./stage-progress";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 8, minute));
const bid = (bidId: string, correctedPrice: bigint, extra: Partial<RankCandidate> = {}): RankCandidate => ({
  bidId,
  correctedPrice,
  lifeCycleCost: null,
  technicalUnits: null,
  submittedAt: at(0),
  ...extra,
});
const order = (ranked: { bidId: string; rank: number }[]) => ranked.map((r) => `${r.rank}:${r.bidId}`);

describe("rankBids: harga terendah", () => {
  it("ranks by corrected price, lowest first", () => {
    expect(order(rankBids("HARGA_TERENDAH", [bid("a", 300n), bid("b", 100n), bid("c", 200n)]))).toEqual([
      "1:b",
      "2:c",
      "3:a",
    ]);
  });

  it("breaks an equal price by the earlier submission, then the id", () => {
    const ranked = rankBids("HARGA_TERENDAH", [
      bid("late", 100n, { submittedAt: at(5) }),
      bid("early", 100n, { submittedAt: at(1) }),
      bid("z", 100n, { submittedAt: at(1) }),
    ]);
    expect(order(ranked)).toEqual(["1:early", "2:z", "3:late"]);
  });

  it("ranks nothing when nobody passed", () => expect(rankBids("HARGA_TERENDAH", [])).toEqual([]));
});

describe("rankBids: sistem nilai", () => {
  const weights = { technicalWeight: 70, priceWeight: 30 };

  it("weighs technical and price scores", () => {
    const ranked = rankBids(
      "SISTEM_NILAI",
      [bid("cheap", 100n, { technicalUnits: 70_000 }), bid("good", 125n, { technicalUnits: 90_000 })],
      weights,
    );
    // cheap: 70×0,7 + 100×0,3 = 79; good: 90×0,7 + 80×0,3 = 87
    expect(ranked.map((r) => [r.bidId, r.rank, r.priceUnits, r.totalUnits])).toEqual([
      ["good", 1, 80_000, 87_000],
      ["cheap", 2, 100_000, 79_000],
    ]);
  });

  it("breaks an equal total by the higher technical score", () => {
    // a: 80×0,5 + 100×0,5 = 90; b: 100×0,5 + 80×0,5 = 90 → b has the better technical score
    const ranked = rankBids(
      "SISTEM_NILAI",
      [bid("a", 80n, { technicalUnits: 80_000 }), bid("b", 100n, { technicalUnits: 100_000 })],
      { technicalWeight: 50, priceWeight: 50 },
    );
    expect(ranked.map((r) => [r.bidId, r.totalUnits])).toEqual([
      ["b", 90_000],
      ["a", 90_000],
    ]);
  });

  it("then by the earlier submission when total and technical are equal", () => {
    const ranked = rankBids(
      "SISTEM_NILAI",
      [
        bid("late", 100n, { technicalUnits: 80_000, submittedAt: at(9) }),
        bid("early", 100n, { technicalUnits: 80_000, submittedAt: at(2) }),
      ],
      weights,
    );
    expect(order(ranked)).toEqual(["1:early", "2:late"]);
  });

  it("refuses a bid without a technical score", () =>
    expect(() => rankBids("SISTEM_NILAI", [bid("a", 1n)], weights)).toThrow(RangeError));
});

describe("rankBids: biaya selama umur ekonomis", () => {
  it("ranks by corrected price + life-cycle cost; a tie goes to the lower price", () => {
    const ranked = rankBids("BIAYA_UMUR_EKONOMIS", [
      bid("buyCheap", 100n, { lifeCycleCost: 900n }),
      bid("runCheap", 400n, { lifeCycleCost: 200n }),
      bid("buyDear", 300n, { lifeCycleCost: 700n }),
    ]);
    expect(ranked.map((r) => [r.rank, r.bidId, r.totalCost])).toEqual([
      [1, "runCheap", 600n],
      [2, "buyCheap", 1000n],
      [3, "buyDear", 1000n],
    ]);
  });

  it("refuses a bid without a life-cycle cost", () =>
    expect(() => rankBids("BIAYA_UMUR_EKONOMIS", [bid("a", 1n)])).toThrow(RangeError));
});

describe("stage order", () => {
  it.each([
    ["administrasi needs nothing before it", "ADMINISTRASI", {}, null],
    [
      "kualifikasi before administrasi is decided",
      "KUALIFIKASI",
      {},
      { key: "previousStageMissing", stage: "ADMINISTRASI" },
    ],
    [
      "harga after a failed teknis",
      "HARGA",
      { ADMINISTRASI: true, KUALIFIKASI: true, TEKNIS: false },
      { key: "previousStageFailed", stage: "TEKNIS" },
    ],
    ["harga after three passes", "HARGA", { ADMINISTRASI: true, KUALIFIKASI: true, TEKNIS: true }, null],
  ] as const)("%s", (_n, stage, decisions, block) => expect(stageBlocker(stage, decisions)).toEqual(block));

  it("knows where each bid stands", () => {
    expect(evaluationOutcome({ ADMINISTRASI: true, KUALIFIKASI: false })).toEqual({
      kind: "FAILED",
      stage: "KUALIFIKASI",
    });
    expect(evaluationOutcome({ ADMINISTRASI: true })).toEqual({ kind: "PENDING", stage: "KUALIFIKASI" });
    expect(evaluationOutcome({ ADMINISTRASI: true, KUALIFIKASI: true, TEKNIS: true, HARGA: true })).toEqual({
      kind: "PASSED",
    });
    expect(
      isEvaluationComplete([
        { ADMINISTRASI: false },
        { ADMINISTRASI: true, KUALIFIKASI: true, TEKNIS: true, HARGA: true },
      ]),
    ).toBe(true);
    expect(isEvaluationComplete([{ ADMINISTRASI: true }])).toBe(false);
  });
});
