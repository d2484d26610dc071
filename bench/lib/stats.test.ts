import { describe, expect, it } from "vitest";
import { formatRatio, markdownTable, percentile, summarize } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank, whatever the order of the values", () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
  });

  it("is null for no values, and the value itself for one", () => {
    expect(percentile([], 95)).toBeNull();
    expect(percentile([42], 50)).toBe(42);
  });

  it("the p95 of 100 values is the 95th smallest, not the largest", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(summarize(values)).toEqual({ n: 100, p50: 50, p95: 95, max: 100 });
  });
});

describe("formatRatio", () => {
  it("writes large shares as decimals and small ones as 1/N", () => {
    expect(formatRatio(500, 1000)).toBe("0.50");
    expect(formatRatio(3, 4500)).toBe("1/1500");
    expect(formatRatio(0, 4500)).toBe("0");
    expect(formatRatio(3, 0)).toBe("-");
  });
});

describe("markdownTable", () => {
  it("prints a header, a rule and one line a row, with missing cells as -", () => {
    expect(
      markdownTable(
        ["page", "req/s"],
        [
          ["/tender?a|b", 3.2],
          ["/", null],
        ],
      ),
    ).toBe(["| page | req/s |", "|---|---|", "| /tender?a\\|b | 3.2 |", "| / | - |"].join("\n"));
  });
});
