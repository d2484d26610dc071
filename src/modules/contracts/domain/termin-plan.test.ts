import { describe, expect, it } from "vitest";
import { addMonths, monthlyPlan, monthsIn, planTermins, terminAmounts, TERMIN_LIMITS } from "./termin-plan";

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe("planTermins", () => {
  it("sums to exactly 10000 basis points: 9999 and 10001 are refused", () => {
    const rows = (bps: number[]) => bps.map((percentBp, i) => ({ description: `T${i}`, percentBp }));
    expect(planTermins(1_000n, rows([5000, 5000])).ok).toBe(true);
    expect(planTermins(1_000n, rows([5000, 4999]))).toEqual({ ok: false, issue: "terminsSum" });
    expect(planTermins(1_000n, rows([5000, 5001]))).toEqual({ ok: false, issue: "terminsSum" });
    expect(planTermins(1_000n, rows([10000, 0]))).toEqual({ ok: false, issue: "terminPercentInvalid" });
    expect(planTermins(1_000n, rows([5000.5, 4999.5]))).toEqual({ ok: false, issue: "terminPercentInvalid" });
    expect(planTermins(1_000n, [])).toEqual({ ok: false, issue: "terminsEmpty" });
  });

  it("takes at most 24 rows", () => {
    const of = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ description: "x", percentBp: i === 0 ? 10_000 - (n - 1) : 1 }));
    expect(planTermins(1_000_000n, of(TERMIN_LIMITS.maxRows)).ok).toBe(true);
    expect(planTermins(1_000_000n, of(TERMIN_LIMITS.maxRows + 1))).toEqual({ ok: false, issue: "terminsTooMany" });
  });

  it("amounts sum to the value exactly, each within one rupiah of its share", () => {
    const amounts = terminAmounts(1_000_000_001n, [3333, 3333, 3334]);
    expect(sum(amounts)).toBe(1_000_000_001n);
    expect(amounts).toEqual([333_300_000n, 333_300_000n, 333_400_001n]);
    const odd = terminAmounts(7n, [3333, 3333, 3334]);
    expect(sum(odd)).toBe(7n);
  });
});

describe("monthly plan", () => {
  it("counts a part month as whole", () => {
    expect(monthsIn("2026-01-01", "2026-01-31")).toBe(1);
    expect(monthsIn("2026-01-01", "2026-02-01")).toBe(1);
    expect(monthsIn("2026-01-01", "2026-02-02")).toBe(2);
  });

  it("clamps a month's end to its last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
  });

  it("splits the value in equal months summing exactly, the last due on the period's end", () => {
    const plan = monthlyPlan(1_000_000_000n, "2026-01-01", "2026-03-20");
    if (!plan.ok) throw new Error(plan.issue);
    expect(plan.termins.map((t) => t.percentBp)).toEqual([3333, 3333, 3334]);
    expect(sum(plan.termins.map((t) => t.amount))).toBe(1_000_000_000n);
    expect(plan.termins.map((t) => t.dueOn)).toEqual(["2026-02-01", "2026-03-01", "2026-03-20"]);
  });

  it("refuses more months than the limit", () => {
    expect(monthlyPlan(1_000n, "2026-01-01", "2028-01-01").ok).toBe(true);
    expect(monthlyPlan(1_000n, "2026-01-01", "2028-01-02")).toEqual({ ok: false, issue: "terminsTooMany" });
  });
});
