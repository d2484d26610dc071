import { describe, expect, it } from "vitest";
import { transition, TRANSITIONS, type LifecycleState, type TenderEvent } from "./lifecycle";
import { nextCheckAfter } from "./lifecycle-time";
import { TENDER_STATUSES } from "./tender-status";

const NOW = new Date("2026-12-08T03:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

const state = (overrides: Partial<LifecycleState> = {}): LifecycleState => ({
  status: "EVALUATION",
  publishedAt: at(-9e6),
  openedAt: at(-5e6),
  awardedAt: null,
  announcedAt: null,
  winnerBidId: null,
  deadlineExtensions: 0,
  nextCheckAt: null,
  prequalificationRound: 1,
  shortlistAnnouncedAt: null,
  priceOpenedAt: null,
  ...overrides,
});

const EVENTS: TenderEvent[] = [
  { kind: "published" },
  { kind: "stageBoundary" },
  { kind: "rescheduled" },
  { kind: "deadlineExtended" },
  { kind: "opened" },
  { kind: "evaluationReopened" },
  { kind: "winnerSet", winnerBidId: "w", reserve1BidId: null, reserve2BidId: null },
  { kind: "winnerAnnounced", sanggahEndsAt: at(5 * 864e5) },
  { kind: "sanggahAccepted" },
  { kind: "failed", failureKind: "OTHER", endReason: "alasan" },
  { kind: "cancelled", endReason: "alasan" },
  { kind: "sppbjIssued" },
  { kind: "retendered" },
  { kind: "shortlistAnnounced" },
  { kind: "prequalificationRepeated" },
  { kind: "shortlistWithdrawn" },
  { kind: "priceOpened" },
];

describe("the tender lifecycle", () => {
  it("refuses every event in a status the table does not list, and nothing happens after the end", () => {
    for (const status of TENDER_STATUSES) {
      for (const event of EVENTS) {
        const result = transition(state({ status }), event, NOW);
        if (!TRANSITIONS[event.kind].from.includes(status))
          expect(result, `${event.kind} in ${status}`).toEqual({ ok: false, key: "tenderEventWrongState" });
      }
    }
    for (const status of ["COMPLETED", "CANCELLED"] as const) {
      expect(EVENTS.filter((e) => transition(state({ status }), e, NOW).ok)).toEqual([]);
    }
  });

  it("sets the stamp each decision is tied to, at the database's instant", () => {
    expect(transition(state({ status: "DRAFT", publishedAt: null }), { kind: "published" }, NOW)).toMatchObject({
      ok: true,
      change: { status: "PUBLISHED", publishedAt: NOW },
    });
    expect(transition(state({ openedAt: null }), { kind: "opened" }, NOW)).toMatchObject({
      ok: true,
      change: { openedAt: NOW },
    });
    expect(transition(state(), EVENTS[6]!, NOW)).toMatchObject({
      ok: true,
      change: { winnerBidId: "w", reserve1BidId: null, awardedAt: NOW },
    });
    expect(
      transition(
        state({ status: "AWARDED", awardedAt: at(-1), announcedAt: at(-1), winnerBidId: "w" }),
        { kind: "sppbjIssued" },
        NOW,
      ),
    ).toMatchObject({
      ok: true,
      change: { status: "COMPLETED", sppbjIssuedAt: NOW, completedAt: NOW },
    });
    expect(transition(state({ status: "PUBLISHED" }), { kind: "cancelled", endReason: "alasan" }, NOW)).toMatchObject({
      ok: true,
      change: { status: "CANCELLED", cancelledAt: NOW, endReason: "alasan" },
    });
  });

  it("opens once, sets a winner only on opened bids with no award standing, announces only a set winner once", () => {
    expect(transition(state(), { kind: "opened" }, NOW)).toEqual({ ok: false, key: "tenderAlreadyOpened" });
    expect(transition(state({ openedAt: null }), EVENTS[6]!, NOW)).toEqual({ ok: false, key: "tenderNotOpened" });
    expect(transition(state({ awardedAt: at(-1), winnerBidId: "w" }), EVENTS[6]!, NOW)).toEqual({
      ok: false,
      key: "winnerAlreadySet",
    });
    expect(transition(state(), EVENTS[7]!, NOW)).toEqual({ ok: false, key: "winnerNotSet" });
    expect(transition(state({ awardedAt: at(-1), winnerBidId: "w" }), EVENTS[7]!, NOW)).toMatchObject({
      ok: true,
      change: { status: "AWARDED", announcedAt: NOW },
    });
  });

  it("withdraws the award when a sanggah is accepted, so the Pokja can evaluate again or fail the tender", () => {
    const awarded = state({ status: "AWARDED", awardedAt: at(-2), announcedAt: at(-1), winnerBidId: "w" });
    const result = transition(awarded, { kind: "sanggahAccepted" }, NOW);
    expect(result).toMatchObject({
      ok: true,
      change: {
        status: "EVALUATION",
        winnerBidId: null,
        reserve1BidId: null,
        reserve2BidId: null,
        awardedAt: null,
        announcedAt: null,
      },
    });
    const reopened = state({ status: "EVALUATION" });
    expect(transition(reopened, { kind: "evaluationReopened" }, NOW).ok).toBe(true);
    expect(transition(reopened, { kind: "failed", failureKind: "NOBODY_PASSES", endReason: "x" }, NOW).ok).toBe(true);
    expect(transition(awarded, { kind: "failed", failureKind: "OTHER", endReason: "x" }, NOW).ok).toBe(true);
  });

  it("counts deadline extensions and keeps a due look due", () => {
    expect(
      transition(state({ status: "PUBLISHED", deadlineExtensions: 1 }), { kind: "deadlineExtended" }, NOW),
    ).toMatchObject({ ok: true, change: { deadlineExtensions: 2 } });
    expect(nextCheckAfter("keepIfDue", at(-5), NOW, at(100))).toEqual(at(-5));
    expect(nextCheckAfter("keepIfDue", at(50), NOW, at(100))).toEqual(at(100));
    expect(nextCheckAfter("schedule", null, NOW, at(100), at(40))).toEqual(at(40));
    expect(nextCheckAfter("schedule", null, NOW, null, at(-40))).toBeNull();
    expect(nextCheckAfter("clear", at(5), NOW, at(100))).toBeNull();
    expect(nextCheckAfter("keep", at(5), NOW, at(100))).toBeUndefined();
  });

  it("announces a shortlist once a round, withdraws it only when announced, repeats with round + 1", () => {
    const published = state({ status: "PUBLISHED", openedAt: null });
    expect(transition(published, { kind: "shortlistAnnounced" }, NOW)).toMatchObject({
      ok: true,
      change: { shortlistAnnouncedAt: NOW },
    });
    const announced = state({ status: "PUBLISHED", openedAt: null, shortlistAnnouncedAt: at(-1) });
    expect(transition(announced, { kind: "shortlistAnnounced" }, NOW)).toEqual({
      ok: false,
      key: "shortlistAlreadyAnnounced",
    });
    expect(transition(announced, { kind: "shortlistWithdrawn" }, NOW)).toMatchObject({
      ok: true,
      change: { shortlistAnnouncedAt: null },
    });
    expect(transition(published, { kind: "shortlistWithdrawn" }, NOW)).toEqual({
      ok: false,
      key: "shortlistNotAnnounced",
    });
    expect(transition(state({ status: "EVALUATION" }), { kind: "shortlistWithdrawn" }, NOW).ok).toBe(false);
    expect(transition(announced, { kind: "prequalificationRepeated" }, NOW)).toMatchObject({
      ok: true,
      change: { prequalificationRound: 2, shortlistAnnouncedAt: null },
    });
  });
});
