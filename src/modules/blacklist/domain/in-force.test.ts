import { describe, expect, it } from "vitest";
import { blacklistState, isInForce, periodsOverlap } from "./in-force";

const startsAt = new Date("2027-01-01T00:00:00.000Z");
const endsAt = new Date("2028-01-01T00:00:00.000Z");
const entry = { startsAt, endsAt, liftedAt: null };
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("isInForce", () => {
  it("binds from the start instant, not a millisecond before", () => {
    expect(isInForce(entry, ms(startsAt, -1))).toBe(false);
    expect(isInForce(entry, startsAt)).toBe(true);
  });

  it("binds until the end instant, which it excludes", () => {
    expect(isInForce(entry, ms(endsAt, -1))).toBe(true);
    expect(isInForce(entry, endsAt)).toBe(false);
  });

  it("stops binding at the instant it is lifted", () => {
    const liftedAt = ms(startsAt, 1000);
    expect(isInForce({ ...entry, liftedAt }, ms(liftedAt, -1))).toBe(true);
    expect(isInForce({ ...entry, liftedAt }, liftedAt)).toBe(false);
    expect(blacklistState({ ...entry, liftedAt }, ms(endsAt, 5))).toBe("lifted");
  });

  it("names each state", () => {
    expect(blacklistState(entry, ms(startsAt, -1))).toBe("upcoming");
    expect(blacklistState(entry, startsAt)).toBe("inForce");
    expect(blacklistState(entry, endsAt)).toBe("ended");
  });
});

describe("periodsOverlap", () => {
  it("treats periods as half-open: one ending as the next starts does not overlap", () => {
    expect(periodsOverlap({ startsAt, endsAt }, { startsAt: endsAt, endsAt: ms(endsAt, 10) })).toBe(false);
    expect(periodsOverlap({ startsAt, endsAt }, { startsAt: ms(endsAt, -1), endsAt: ms(endsAt, 10) })).toBe(true);
    expect(periodsOverlap({ startsAt: ms(startsAt, -10), endsAt: startsAt }, { startsAt, endsAt })).toBe(false);
    expect(periodsOverlap({ startsAt: ms(startsAt, 5), endsAt: ms(startsAt, 6) }, { startsAt, endsAt })).toBe(true);
  });
});
