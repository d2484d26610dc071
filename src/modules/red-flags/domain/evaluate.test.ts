import { describe, expect, it } from "vitest";
import {
  cancelled,
  compensated,
  evaluateRedFlags,
  lateAddendum,
  lateDeadlineMove,
  manyFailedAdministration,
  priceNearHps,
  repeatWinner,
  retenderWonByLoser,
  shortBidPeriod,
  singleBid,
  type RedFlagFacts,
} from "./evaluate";
import { RED_FLAG_CODES } from "./codes";
import { RED_FLAG_DEFAULTS as T, RED_FLAG_DEFINITIONS } from "./flags";

const H = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 11, 1) + hours * H);

const facts = (over: Partial<RedFlagFacts> = {}): RedFlagFacts => ({
  method: "TENDER",
  publishedAt: null,
  bidDeadline: null,
  openedAt: null,
  cancelledAt: null,
  hps: 1_000_000_000n,
  openedBids: 0,
  failedAdministration: 0,
  winner: null,
  addenda: [],
  deadlineMoves: [],
  compensations: { count: 0, seconds: 0 },
  ...over,
});
const winner = (over: Partial<NonNullable<RedFlagFacts["winner"]>>) => ({
  price: null,
  winsAtAgency: null,
  bidInPreviousTender: null,
  ...over,
});

describe("the table", () => {
  it("defines every code once, each with at least one source", () => {
    expect(RED_FLAG_DEFINITIONS.map((d) => d.code).sort()).toEqual([...RED_FLAG_CODES].sort());
    for (const d of RED_FLAG_DEFINITIONS) expect(d.sources.length).toBeGreaterThan(0);
  });
});

describe("SINGLE_BID", () => {
  it("is raised by one opened bid only, and only after the opening", () => {
    expect(singleBid(facts({ openedAt: at(0), openedBids: 1 }), T)).toEqual({ bids: 1 });
    expect(singleBid(facts({ openedAt: at(0), openedBids: 2 }), T)).toBeNull();
    expect(singleBid(facts({ openedAt: at(0), openedBids: 0 }), T)).toBeNull();
    expect(singleBid(facts({ openedAt: null, openedBids: 1 }), T)).toBeNull();
  });
  it("is not raised where the method invites one vendor", () => {
    expect(singleBid(facts({ method: "PENUNJUKAN_LANGSUNG", openedAt: at(0), openedBids: 1 }), T)).toBeNull();
  });
});

describe("SHORT_BID_PERIOD", () => {
  const period = (hours: number, method: RedFlagFacts["method"] = "TENDER") =>
    shortBidPeriod(facts({ method, publishedAt: at(0), bidDeadline: new Date(at(hours).getTime()) }), T);
  it("is raised one millisecond below the norm, not at it", () => {
    expect(shortBidPeriod(facts({ publishedAt: at(0), bidDeadline: new Date(at(240).getTime() - 1) }), T)).toEqual({
      hours: 239,
      normHours: 240,
    });
    expect(period(240)).toBeNull();
    expect(period(241)).toBeNull();
  });
  it("uses each method's norm, and judges no method without one", () => {
    expect(period(95, "TENDER_CEPAT")).toEqual({ hours: 95, normHours: 96 });
    expect(period(96, "TENDER_CEPAT")).toBeNull();
    expect(period(1, "PENUNJUKAN_LANGSUNG")).toBeNull();
  });
  it("waits for the announcement and the deadline", () => {
    expect(shortBidPeriod(facts({ bidDeadline: at(1) }), T)).toBeNull();
  });
});

describe("PRICE_NEAR_HPS", () => {
  const price = (p: bigint, hps = 1_000_000_000n) => priceNearHps(facts({ hps, winner: winner({ price: p }) }), T);
  it("is raised at exactly 95% of HPS, not one rupiah below", () => {
    expect(price(950_000_000n)).toMatchObject({ sharePermille: 950, thresholdPermille: 950 });
    expect(price(949_999_999n)).toBeNull();
    expect(price(1_000_000_000n)).toMatchObject({ sharePermille: 1000 });
  });
  it("compares exactly where the share rounds down (HPS not a multiple of 1000)", () => {
    // 95% of 1,000,001 is 950,000.95: 950,000 is below, 950,001 at or above
    expect(price(950_000n, 1_000_001n)).toBeNull();
    expect(price(950_001n, 1_000_001n)).not.toBeNull();
  });
  it("needs a winner with a price and an HPS", () => {
    expect(priceNearHps(facts({ winner: null }), T)).toBeNull();
    expect(priceNearHps(facts({ hps: null, winner: winner({ price: 1n }) }), T)).toBeNull();
  });
});

describe("REPEAT_WINNER", () => {
  const wins = (n: number | null) => repeatWinner(facts({ winner: winner({ winsAtAgency: n }) }), T);
  it("is raised at the third win, not the second, and not before the announcement", () => {
    expect(wins(3)).toEqual({ wins: 3, thresholdWins: 3, windowDays: 365 });
    expect(wins(2)).toBeNull();
    expect(wins(null)).toBeNull();
  });
});

describe("LATE_ADDENDUM", () => {
  const addendum = (hoursBefore: number, ms = 0) =>
    lateAddendum(
      facts({ addenda: [{ publishedAt: new Date(at(0).getTime() - hoursBefore * H - ms), bidDeadline: at(0) }] }),
      T,
    );
  it("is raised one millisecond inside 72 hours of the deadline, not at 72 hours", () => {
    expect(addendum(71, H - 1)).toEqual({ addenda: 1, hoursBefore: 71, thresholdHours: 72 });
    expect(addendum(72)).toBeNull();
    expect(lateAddendum(facts(), T)).toBeNull();
  });
});

describe("LATE_DEADLINE_MOVE", () => {
  const move = (hoursBefore: number, shift = H) =>
    lateDeadlineMove(
      facts({
        deadlineMoves: [
          {
            changedAt: new Date(at(0).getTime() - hoursBefore * H),
            oldEndsAt: at(0),
            newEndsAt: new Date(at(0).getTime() + shift),
          },
        ],
      }),
      T,
    );
  it("is raised inside 48 hours before the old end, not at 48 hours", () => {
    expect(move(47.999)).toMatchObject({ moves: 1, hoursBefore: 47 });
    expect(move(48)).toBeNull();
  });
  it("ignores a change that left the end where it was", () => {
    expect(move(1, 0)).toBeNull();
  });
});

describe("MANY_FAILED_ADMINISTRATION", () => {
  const failed = (n: number, opened: number) =>
    manyFailedAdministration(facts({ openedAt: at(0), openedBids: opened, failedAdministration: n }), T);
  it("is raised at half of the opened bids, not below", () => {
    expect(failed(2, 4)).toEqual({ failed: 2, opened: 4, thresholdPermille: 500 });
    expect(failed(2, 5)).toBeNull();
    expect(failed(3, 5)).not.toBeNull();
  });
  it("needs two opened bids (one of one is the single bid's flag)", () => {
    expect(failed(1, 1)).toBeNull();
    expect(failed(1, 2)).not.toBeNull();
  });
});

describe("the rest", () => {
  it("RETENDER_WON_BY_LOSER names the failed tender", () => {
    expect(retenderWonByLoser(facts({ winner: winner({ bidInPreviousTender: "T1" }) }), T)).toEqual({
      previousTender: "T1",
    });
    expect(retenderWonByLoser(facts({ winner: winner({}) }), T)).toBeNull();
  });
  it("COMPENSATED from one compensation, CANCELLED from the stamp", () => {
    expect(compensated(facts({ compensations: { count: 1, seconds: 60 } }), T)).toEqual({
      compensations: 1,
      seconds: 60,
    });
    expect(compensated(facts(), T)).toBeNull();
    expect(cancelled(facts({ cancelledAt: at(0) }), T)).toEqual({ cancelledAt: at(0).toISOString() });
    expect(cancelled(facts(), T)).toBeNull();
  });
  it("evaluateRedFlags lists every raised flag, none for a fresh tender", () => {
    expect(evaluateRedFlags(facts(), T)).toEqual([]);
    const raised = evaluateRedFlags(facts({ openedAt: at(0), openedBids: 1, cancelledAt: at(1) }), T);
    expect(raised.map((r) => r.code)).toEqual(["SINGLE_BID", "CANCELLED"]);
  });
});
