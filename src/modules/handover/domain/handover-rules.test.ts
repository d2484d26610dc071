import { describe, expect, it } from "vitest";
import { handOverTargetFor, isValidPokjaSize, nextTenderCode } from "./handover-rules";

describe("handOverTargetFor", () => {
  it.each([
    ["TENDER", "POKJA"],
    ["TENDER_CEPAT", "POKJA"],
    ["SELEKSI", "POKJA"],
    ["PENGADAAN_LANGSUNG", "PEJABAT_PENGADAAN"],
    ["E_PURCHASING", null],
    ["PENUNJUKAN_LANGSUNG", null],
    [null, null],
  ] as const)("%s → %s", (method, target) => {
    expect(handOverTargetFor(method)).toBe(target);
  });
});

describe("isValidPokjaSize", () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [4, false],
    [5, true],
    [6, false],
    [7, true],
  ])("%i members → %s", (n, ok) => {
    expect(isValidPokjaSize(n)).toBe(ok);
  });
});

describe("nextTenderCode", () => {
  it("starts each year at 000001 and counts on from the highest code", () => {
    expect(nextTenderCode(2026, null)).toBe("2026000001");
    expect(nextTenderCode(2026, "2026000041")).toBe("2026000042");
    expect(nextTenderCode(2027, "2026000041")).toBe("2027000001");
  });

  it("ignores codes of another shape (imported or seeded tenders)", () => {
    expect(nextTenderCode(2026, "10012026001")).toBe("2026000001");
  });
});
