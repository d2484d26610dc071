import { describe, expect, it } from "vitest";
import { checkDeclareFailed, checkPenunjukanLangsung } from "./failure-rules";

const opened = new Date("2026-05-01T08:00:00Z");

describe("checkDeclareFailed", () => {
  it("allows every ground in evaluation after the opening", () => {
    expect(checkDeclareFailed({ status: "EVALUATION", openedAt: opened }, "NOBODY_PASSES").ok).toBe(true);
    expect(checkDeclareFailed({ status: "EVALUATION", openedAt: null }, "ALL_ABOVE_HPS")).toEqual({ ok: false, key: "failBeforeOpening" });
  });

  it("allows only a document error while announced; nothing once decided", () => {
    expect(checkDeclareFailed({ status: "PUBLISHED", openedAt: null }, "DOCUMENT_ERROR").ok).toBe(true);
    expect(checkDeclareFailed({ status: "PUBLISHED", openedAt: null }, "COLLUSION")).toEqual({ ok: false, key: "failWrongState" });
    for (const status of ["DRAFT", "AWARDED", "COMPLETED", "FAILED", "CANCELLED"] as const) {
      expect(checkDeclareFailed({ status, openedAt: opened }, "OTHER").ok).toBe(false);
    }
  });
});

describe("checkPenunjukanLangsung", () => {
  const base = { status: "FAILED" as const, previousStatus: "FAILED" as const, hasRetender: false, requests: [] };
  it("needs a failed re-tender of a failed tender", () => {
    expect(checkPenunjukanLangsung(base).ok).toBe(true);
    expect(checkPenunjukanLangsung({ ...base, previousStatus: null })).toEqual({ ok: false, key: "plNeedsFailedRetender" });
    expect(checkPenunjukanLangsung({ ...base, status: "EVALUATION" })).toEqual({ ok: false, key: "plNeedsFailedRetender" });
  });
  it("one request at a time; a rejected one may be followed by another", () => {
    expect(checkPenunjukanLangsung({ ...base, requests: [{ decision: null }] })).toEqual({ ok: false, key: "plAlreadyRequested" });
    expect(checkPenunjukanLangsung({ ...base, requests: [{ decision: "APPROVED" }] })).toEqual({ ok: false, key: "plAlreadyRequested" });
    expect(checkPenunjukanLangsung({ ...base, requests: [{ decision: "REFUSED" }] }).ok).toBe(true);
    expect(checkPenunjukanLangsung({ ...base, hasRetender: true })).toEqual({ ok: false, key: "retenderExists" });
  });
});
