import type { ProcurementMethod } from "@/modules/paket/domain";
import type { RedFlagCode } from "./codes";
import { SINGLE_INVITEE_METHODS, type RedFlagThresholds } from "./flags";

const HOUR_MS = 3_600_000;

/** What the flags are judged on: one tender's facts, gathered by refreshRedFlags. */
export interface RedFlagFacts {
  method: ProcurementMethod;
  publishedAt: Date | null;
  bidDeadline: Date | null;
  openedAt: Date | null;
  cancelledAt: Date | null;
  hps: bigint | null;
  /** bids SUBMITTED (the ones the opening opened); meaningful once openedAt is set */
  openedBids: number;
  /** of those, the ones whose administrative evaluation failed */
  failedAdministration: number;
  /** the winner in force (null before the award or after it was withdrawn) */
  winner: {
    price: bigint | null;
    /** announced wins at this agency in the window up to this announcement; null before the announcement */
    winsAtAgency: number | null;
    /** the failed tender this one repeats, when the winner bid in it */
    bidInPreviousTender: string | null;
  } | null;
  /** each published addendum: when, and the bid deadline in force at that moment */
  addenda: readonly { publishedAt: Date; bidDeadline: Date }[];
  /** changes of the bid upload stage's end made by a person */
  deadlineMoves: readonly { changedAt: Date; oldEndsAt: Date; newEndsAt: Date }[];
  compensations: { count: number; seconds: number };
}

/** A raised flag with the figures that raised it (JSON: numbers and strings only). */
export interface RaisedFlag {
  code: RedFlagCode;
  detail: Record<string, string | number>;
}

type Rule = (facts: RedFlagFacts, t: RedFlagThresholds) => Record<string, string | number> | null;

export const singleBid: Rule = (f) =>
  f.openedAt && f.openedBids === 1 && !SINGLE_INVITEE_METHODS.includes(f.method) ? { bids: 1 } : null;

export const shortBidPeriod: Rule = (f, t) => {
  const normHours = t.bidPeriodNormHours[f.method];
  if (normHours === null || !f.publishedAt || !f.bidDeadline) return null;
  const ms = f.bidDeadline.getTime() - f.publishedAt.getTime();
  // exactly the norm is not short
  if (ms >= normHours * HOUR_MS) return null;
  return { hours: Math.floor(ms / HOUR_MS), normHours };
};

/** The share in thousandths, rounded down: integer rupiah, never a float (price * 1000 / hps). */
export function sharePermille(price: bigint, hps: bigint): number {
  return Number((price * 1000n) / hps);
}

export const priceNearHps: Rule = (f, t) => {
  const price = f.winner?.price;
  if (price == null || !f.hps || f.hps <= 0n) return null;
  // compared exactly: price / hps >= permille / 1000
  if (price * 1000n < f.hps * BigInt(t.priceShareOfHpsPermille)) return null;
  return {
    sharePermille: sharePermille(price, f.hps),
    thresholdPermille: t.priceShareOfHpsPermille,
    price: price.toString(),
    hps: f.hps.toString(),
  };
};

export const repeatWinner: Rule = (f, t) => {
  const wins = f.winner?.winsAtAgency;
  if (wins == null || wins < t.repeatWinnerWins) return null;
  return { wins, thresholdWins: t.repeatWinnerWins, windowDays: t.repeatWinnerWindowDays };
};

export const lateAddendum: Rule = (f, t) => {
  const late = f.addenda
    .map((a) => a.bidDeadline.getTime() - a.publishedAt.getTime())
    .filter((ms) => ms < t.lateAddendumHours * HOUR_MS);
  if (!late.length) return null;
  return {
    addenda: late.length,
    hoursBefore: Math.floor(Math.min(...late) / HOUR_MS),
    thresholdHours: t.lateAddendumHours,
  };
};

export const lateDeadlineMove: Rule = (f, t) => {
  const late = f.deadlineMoves
    .filter((m) => m.newEndsAt.getTime() !== m.oldEndsAt.getTime())
    .map((m) => m.oldEndsAt.getTime() - m.changedAt.getTime())
    .filter((ms) => ms < t.lateDeadlineMoveHours * HOUR_MS);
  if (!late.length) return null;
  return {
    moves: late.length,
    hoursBefore: Math.floor(Math.min(...late) / HOUR_MS),
    thresholdHours: t.lateDeadlineMoveHours,
  };
};

export const manyFailedAdministration: Rule = (f, t) => {
  if (!f.openedAt || f.openedBids < t.failedAdministrationMinBids || f.failedAdministration === 0) return null;
  // failed / opened >= permille / 1000, in integers
  if (f.failedAdministration * 1000 < f.openedBids * t.failedAdministrationPermille) return null;
  return {
    failed: f.failedAdministration,
    opened: f.openedBids,
    thresholdPermille: t.failedAdministrationPermille,
  };
};

export const retenderWonByLoser: Rule = (f) =>
  f.winner?.bidInPreviousTender ? { previousTender: f.winner.bidInPreviousTender } : null;

export const compensated: Rule = (f) =>
  f.compensations.count > 0 ? { compensations: f.compensations.count, seconds: f.compensations.seconds } : null;

export const cancelled: Rule = (f) => (f.cancelledAt ? { cancelledAt: f.cancelledAt.toISOString() } : null);

const RULES: Record<RedFlagCode, Rule> = {
  SINGLE_BID: singleBid,
  SHORT_BID_PERIOD: shortBidPeriod,
  PRICE_NEAR_HPS: priceNearHps,
  REPEAT_WINNER: repeatWinner,
  LATE_ADDENDUM: lateAddendum,
  LATE_DEADLINE_MOVE: lateDeadlineMove,
  MANY_FAILED_ADMINISTRATION: manyFailedAdministration,
  RETENDER_WON_BY_LOSER: retenderWonByLoser,
  COMPENSATED: compensated,
  CANCELLED: cancelled,
};

/** Every flag the facts raise, in the table's order of codes. */
export function evaluateRedFlags(facts: RedFlagFacts, thresholds: RedFlagThresholds): RaisedFlag[] {
  const raised: RaisedFlag[] = [];
  for (const [code, rule] of Object.entries(RULES) as [RedFlagCode, Rule][]) {
    const detail = rule(facts, thresholds);
    if (detail) raised.push({ code, detail });
  }
  return raised;
}
