import { describe, expect, it } from "vitest";
import { blockerMessageKey, sppbjLetterNumber } from "./letter";

describe("sppbjLetterNumber", () => {
  it("takes the year in the agency's zone: 31 Dec 17.30 UTC is already 2027 in Jayapura", () => {
    const at = new Date("2026-12-31T17:30:00Z");
    expect(sppbjLetterNumber("2026000007", "AG-1", at, "Asia/Jakarta")).toBe("SPPBJ/2026000007/AG-1/2027");
    expect(sppbjLetterNumber("2026000007", "AG-1", new Date("2026-12-31T16:59:00Z"), "Asia/Jakarta")).toBe(
      "SPPBJ/2026000007/AG-1/2026",
    );
  });
  it("names the blocker's message", () => {
    expect(blockerMessageKey("sanggahUnanswered")).toBe("sppbjSanggahUnanswered");
  });
});
