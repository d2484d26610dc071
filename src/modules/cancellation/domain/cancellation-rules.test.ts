import { describe, expect, it } from "vitest";
import {
  CANCELLATION_GROUNDS,
  checkAttachCancellationDocument,
  checkCancel,
  GROUND_DECIDED_BY,
} from "./cancellation-rules";

describe("checkCancel", () => {
  it.each([
    ["DRAFT", true],
    ["PUBLISHED", true],
    ["EVALUATION", true],
    ["AWARDED", true],
    ["COMPLETED", false],
    ["FAILED", false],
    ["CANCELLED", false],
  ] as const)("a tender in %s may be cancelled: %s", (status, allowed) => {
    expect(checkCancel(status, "FORCE_MAJEURE", 0).ok).toBe(allowed);
    expect(checkAttachCancellationDocument(status).ok).toBe(allowed);
  });

  it("names the SPPBJ after the contract stage and the end otherwise", () => {
    expect(checkCancel("COMPLETED", "OTHER", 1)).toMatchObject({ code: "INVALID_STATE", key: "cancelAfterSppbj" });
    expect(checkCancel("FAILED", "OTHER", 1)).toMatchObject({ code: "INVALID_STATE", key: "cancelTenderEnded" });
  });

  it("a ground the PA/KPA decides needs its letter; one letter is enough", () => {
    for (const ground of CANCELLATION_GROUNDS) {
      const needsLetter = GROUND_DECIDED_BY[ground] === "PA_KPA";
      expect(checkCancel("PUBLISHED", ground, 0)).toEqual(
        needsLetter ? { ok: false, code: "VALIDATION", key: "cancelNeedsLetter", field: "documentIds" } : { ok: true },
      );
      expect(checkCancel("PUBLISHED", ground, 1)).toEqual({ ok: true });
    }
  });
});
