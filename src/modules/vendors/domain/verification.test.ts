import { describe, expect, it } from "vitest";
import { canDecide, canResubmit, mayTakePart, statusAfterLegalChange } from "./verification";

describe("vendor verification states", () => {
  it.each([
    ["PENDING", true, false, false, "PENDING"],
    ["VERIFIED", false, false, true, "PENDING"],
    ["REJECTED", false, true, false, "REJECTED"],
  ] as const)(
    "%s: decide %s, resubmit %s, take part %s, after a legal change %s",
    (status, decide, resubmit, takePart, after) => {
      expect(canDecide(status)).toBe(decide);
      expect(canResubmit(status)).toBe(resubmit);
      expect(mayTakePart(status)).toBe(takePart);
      expect(statusAfterLegalChange(status)).toBe(after);
    },
  );
});
