import { describe, expect, it } from "vitest";
import { canonicalProvince, PROVINCES } from "./provinces";

describe("canonicalProvince", () => {
  it("knows 38 provinces and reads them whatever the case and spacing", () => {
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES).size).toBe(38);
    expect(canonicalProvince("  papua   pegunungan ")).toBe("Papua Pegunungan");
    expect(canonicalProvince("Irian Jaya")).toBeNull();
  });
});
