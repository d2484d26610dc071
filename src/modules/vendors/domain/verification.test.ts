import { describe, expect, it } from "vitest";
import { canDecide, canSubmit, mayTakePart, statusAfterLegalChange } from "./verification";

describe("vendor verification states", () => {
  it.each([
    ["PENDING", true, false, false, "PENDING"],
    ["VERIFIED", false, false, true, "PENDING"],
    ["REJECTED", false, true, false, "REJECTED"],
  ] as const)(
    "%s: decide %s, resubmit %s, take part %s, after a legal change %s",
    (status, decide, resubmit, takePart, after) => {
      const sent = { status, submittedAt: new Date("2026-12-01T00:00:00Z") };
      expect(canDecide(sent)).toBe(decide);
      expect(canSubmit(sent)).toBe(resubmit);
      expect(mayTakePart(status)).toBe(takePart);
      expect(statusAfterLegalChange(status)).toBe(after);
    },
  );
});

describe("a registration not sent yet", () => {
  it("is not in the queue and may be sent", () => {
    const draft = { status: "PENDING" as const, submittedAt: null };
    expect(canDecide(draft)).toBe(false);
    expect(canSubmit(draft)).toBe(true);
  });
});
