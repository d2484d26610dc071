import { describe, expect, it } from "vitest";
import { recordNegotiationSchema } from "./negotiation.schemas";

const base = {
  tenderId: "7b0c6f0e-6c1e-4f0a-9a4e-2b1f3c4d5e6f",
  bidId: "0f1e2d3c-4b5a-4697-8877-665544332211",
  outcome: "AGREED",
  agreedPrice: "800.000.000",
  minutes: "Klarifikasi dan negosiasi telah dilaksanakan dengan baik.",
};
const issues = (input: Record<string, unknown>) => {
  const parsed = recordNegotiationSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("recordNegotiationSchema", () => {
  it("reads a typed rupiah price and trims the minutes", () => {
    const parsed = recordNegotiationSchema.parse({ ...base, minutes: `  ${base.minutes}  ` });
    expect(parsed.agreedPrice).toBe(800_000_000n);
    expect(parsed.minutes).toBe(base.minutes);
  });

  it("asks an agreement for its price and a failure for none", () => {
    expect(issues({ ...base, agreedPrice: "" })).toEqual(["consultancy.agreedPriceRequired"]);
    expect(issues({ ...base, agreedPrice: "0" })).toEqual(["consultancy.agreedPriceRequired"]);
    expect(issues({ ...base, outcome: "FAILED" })).toEqual(["consultancy.failedHasNoPrice"]);
    expect(issues({ ...base, outcome: "FAILED", agreedPrice: "" })).toEqual([]);
  });

  it("refuses absurd input with a message, never a throw", () => {
    expect(issues({ ...base, agreedPrice: "banyak" })).toContain("rupiahInvalid");
    expect(issues({ ...base, agreedPrice: "-5.000" })).toContain("amountNegative");
    expect(issues({ ...base, agreedPrice: "99.999.999.999.999.999" })).toContain("amountAboveCeiling");
    expect(issues({ ...base, outcome: "MAYBE" })).toContain("consultancy.outcomeRequired");
    expect(issues({ ...base, minutes: "ok" })).toContain("consultancy.minutesTooShort");
    expect(issues({ ...base, minutes: "x".repeat(4001) })).toContain("consultancy.minutesTooLong");
    expect(issues({ ...base, bidId: "not-a-uuid" }).length).toBe(1);
  });
});
