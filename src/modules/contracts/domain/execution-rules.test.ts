import { describe, expect, it } from "vitest";
import {
  addendumRefusal,
  bastRefusal,
  completesContract,
  currentTermin,
  maxAmendedValue,
  paymentRefusal,
  progressNeeded,
  progressRefusal,
  ratingRefusal,
  recordedDayRefusal,
  rescaleTermins,
  terminationRefusal,
  type TerminFacts,
} from "./execution-rules";

const AT = new Date("2026-12-01T00:00:00Z");
const termin = (position: number, percentBp: number, amount: bigint, more: Partial<TerminFacts> = {}): TerminFacts => ({
  position,
  percentBp,
  amount,
  progressPercent: 0,
  bastAt: null,
  paidAt: null,
  ...more,
});
// 40% and 60% of Rp1.000.000.000
const two = (first: Partial<TerminFacts> = {}, second: Partial<TerminFacts> = {}) => [
  termin(1, 4000, 400_000_000n, first),
  termin(2, 6000, 600_000_000n, second),
];

describe("progress", () => {
  it("takes 0 and 100 and refuses -1, 101 and fractions", () => {
    expect(progressRefusal("ACTIVE", two(), 1, 0)).toBeNull();
    expect(progressRefusal("ACTIVE", two(), 1, 100)).toBeNull();
    expect(progressRefusal("ACTIVE", two(), 1, -1)).toBe("progressRange");
    expect(progressRefusal("ACTIVE", two(), 1, 101)).toBe("progressRange");
    expect(progressRefusal("ACTIVE", two(), 1, 40.5)).toBe("progressRange");
  });

  it("never goes backwards: the last report is allowed again, one below is not", () => {
    const termins = two({ progressPercent: 35 });
    expect(progressRefusal("ACTIVE", termins, 1, 35)).toBeNull();
    expect(progressRefusal("ACTIVE", termins, 1, 34)).toBe("progressBackwards");
    const later = two({ progressPercent: 45, bastAt: AT });
    expect(progressRefusal("ACTIVE", later, 2, 44)).toBe("progressBackwards");
    expect(progressRefusal("ACTIVE", later, 2, 45)).toBeNull();
  });

  it("goes to the termin that runs now, only while ACTIVE", () => {
    expect(progressRefusal("ACTIVE", two(), 2, 10)).toBe("notCurrentTermin");
    expect(progressRefusal("ACTIVE", two({ bastAt: AT }), 1, 50)).toBe("terminHandedOver");
    expect(progressRefusal("SIGNED", two(), 1, 10)).toBe("notActive");
    expect(progressRefusal("COMPLETED", two(), 1, 10)).toBe("notActive");
    expect(progressRefusal("TERMINATED", two(), 1, 10)).toBe("terminated");
  });
});

describe("BAST", () => {
  it("needs the cumulative share: 40 for termin 1, 100 for the last", () => {
    expect(progressNeeded(two(), 1)).toBe(40);
    expect(progressNeeded(two(), 2)).toBe(100);
    // a share of 33.33% needs 34: reached, never nearly
    expect(progressNeeded([termin(1, 3333, 1n), termin(2, 6667, 2n)], 1)).toBe(34);
  });

  it("at the share, not one percent below", () => {
    expect(bastRefusal("ACTIVE", two({ progressPercent: 40 }), 1)).toBeNull();
    expect(bastRefusal("ACTIVE", two({ progressPercent: 39 }), 1)).toBe("bastProgressShort");
    expect(bastRefusal("ACTIVE", two({ progressPercent: 40, bastAt: AT }, { progressPercent: 99 }), 2)).toBe(
      "bastProgressShort",
    );
    expect(bastRefusal("ACTIVE", two({ progressPercent: 40, bastAt: AT }, { progressPercent: 100 }), 2)).toBeNull();
  });

  it("in order, once, while ACTIVE; never for a terminated contract", () => {
    expect(bastRefusal("ACTIVE", two({}, { progressPercent: 100 }), 2)).toBe("notCurrentTermin");
    expect(bastRefusal("ACTIVE", two({ progressPercent: 40, bastAt: AT }), 1)).toBe("bastTwice");
    expect(bastRefusal("ACTIVE", two(), 3)).toBe("notCurrentTermin");
    expect(bastRefusal("TERMINATED", two({ progressPercent: 40 }), 1)).toBe("terminated");
    expect(bastRefusal("SIGNED", two({ progressPercent: 40 }), 1)).toBe("notActive");
  });

  it("the last BAST completes the contract", () => {
    expect(completesContract(two(), 1)).toBe(false);
    expect(completesContract(two({ bastAt: AT }), 2)).toBe(true);
    expect(currentTermin(two({ bastAt: AT }))?.position).toBe(2);
    expect(currentTermin(two({ bastAt: AT }, { bastAt: AT }))).toBeNull();
  });
});

describe("payment", () => {
  const handedOver = { amount: 400_000_000n, bastAt: AT, paidAt: null };
  it("up to the termin's amount, not one rupiah above, and above zero", () => {
    expect(paymentRefusal("ACTIVE", handedOver, 400_000_000n)).toBeNull();
    expect(paymentRefusal("ACTIVE", handedOver, 1n)).toBeNull();
    expect(paymentRefusal("ACTIVE", handedOver, 400_000_001n)).toBe("paymentAboveTermin");
    expect(paymentRefusal("ACTIVE", handedOver, 0n)).toBe("paymentNotPositive");
  });

  it("after the BAST, once; after completion or termination too", () => {
    expect(paymentRefusal("ACTIVE", { ...handedOver, bastAt: null }, 1n)).toBe("paymentBeforeBast");
    expect(paymentRefusal("ACTIVE", { ...handedOver, paidAt: AT }, 1n)).toBe("paymentTwice");
    expect(paymentRefusal("COMPLETED", handedOver, 1n)).toBeNull();
    expect(paymentRefusal("TERMINATED", handedOver, 1n)).toBeNull();
    expect(paymentRefusal("SIGNED", handedOver, 1n)).toBe("notActive");
  });
});

describe("addendum", () => {
  const END = new Date("2027-06-30T00:00:00Z");
  const facts = (more: Partial<Parameters<typeof addendumRefusal>[0]> = {}) => ({
    status: "ACTIVE" as const,
    originalValue: 1_000_000_000n,
    value: 1_000_000_000n,
    endsOn: END,
    termins: two(),
    ...more,
  });

  it("allows +10% exactly and refuses one rupiah more (+10.00000001%)", () => {
    expect(maxAmendedValue(1_000_000_000n)).toBe(1_100_000_000n);
    expect(addendumRefusal(facts(), 1_100_000_000n, END)).toBeNull();
    expect(addendumRefusal(facts(), 1_100_000_001n, END)).toBe("addendumIncreaseTooLarge");
    expect(addendumRefusal(facts(), 1_100_100_000n, END)).toBe("addendumIncreaseTooLarge");
  });

  it("counts the increase from the original value, across addenda", () => {
    const amended = facts({ value: 1_080_000_000n });
    expect(addendumRefusal(amended, 1_100_000_000n, END)).toBeNull();
    expect(addendumRefusal(amended, 1_100_000_001n, END)).toBe("addendumIncreaseTooLarge");
  });

  it("allows a decrease down to what is settled, and an extension; refuses a shorter period and no change", () => {
    expect(addendumRefusal(facts(), 900_000_000n, END)).toBeNull();
    const settled = facts({ termins: two({ bastAt: AT }) });
    expect(addendumRefusal(settled, 400_000_001n, END)).toBeNull();
    expect(addendumRefusal(settled, 400_000_000n, END)).toBe("addendumBelowSettled");
    expect(addendumRefusal(facts(), 1_000_000_000n, new Date(END.getTime() + 86_400_000))).toBeNull();
    expect(addendumRefusal(facts(), 1_000_000_000n, new Date(END.getTime() - 1))).toBe("addendumEndEarlier");
    expect(addendumRefusal(facts(), 1_000_000_000n, END)).toBe("addendumNoChange");
  });

  it("only while SIGNED or ACTIVE, and only with an unsettled termin to carry a value change", () => {
    for (const status of ["DRAFT", "VENDOR_REVIEW", "COMPLETED", "TERMINATED"] as const)
      expect(addendumRefusal(facts({ status }), 1_050_000_000n, END)).toBe("addendumState");
    expect(addendumRefusal(facts({ status: "SIGNED" }), 1_050_000_000n, END)).toBeNull();
    const allSettled = facts({ termins: two({ bastAt: AT }, { bastAt: AT }) });
    expect(addendumRefusal(allSettled, 1_050_000_000n, END)).toBe("addendumNothingUnsettled");
  });

  it("rescales the unsettled termins to the new value, the last taking the remainder", () => {
    expect([...rescaleTermins(two(), 1_100_000_000n)]).toEqual([
      [1, 440_000_000n],
      [2, 660_000_000n],
    ]);
    expect([...rescaleTermins(two({ bastAt: AT }), 1_000_000_001n)]).toEqual([[2, 600_000_001n]]);
    const thirds = [termin(1, 3333, 1n), termin(2, 3333, 1n), termin(3, 3334, 1n)];
    const amounts = rescaleTermins(thirds, 100n);
    expect([...amounts.values()].reduce((a, b) => a + b, 0n)).toBe(100n);
  });
});

describe("termination and rating", () => {
  it("terminates only a SIGNED or ACTIVE contract", () => {
    expect(terminationRefusal("SIGNED")).toBeNull();
    expect(terminationRefusal("ACTIVE")).toBeNull();
    for (const status of ["DRAFT", "VENDOR_REVIEW", "COMPLETED", "TERMINATED"] as const)
      expect(terminationRefusal(status)).toBe("terminationState");
  });

  it("rates once, after COMPLETED or TERMINATED", () => {
    expect(ratingRefusal("COMPLETED", false)).toBeNull();
    expect(ratingRefusal("TERMINATED", false)).toBeNull();
    expect(ratingRefusal("ACTIVE", false)).toBe("ratingState");
    expect(ratingRefusal("COMPLETED", true)).toBe("ratingTwice");
  });
});

describe("recorded days", () => {
  it("today and the first allowed day are taken; tomorrow and the day before are not", () => {
    expect(recordedDayRefusal("2026-12-07", "2026-12-07", "2026-12-01")).toBeNull();
    expect(recordedDayRefusal("2026-12-01", "2026-12-07", "2026-12-01")).toBeNull();
    expect(recordedDayRefusal("2026-12-08", "2026-12-07", null)).toBe("dayInFuture");
    expect(recordedDayRefusal("2026-11-30", "2026-12-07", "2026-12-01")).toBe("dayTooEarly");
  });
});
