import { describe, expect, it } from "vitest";
import { checkDeclareFailed, checkPenunjukanLangsung } from "./failure-rules";

const opened = new Date("2026-05-01T08:00:00Z");

describe("checkDeclareFailed", () => {
  it("allows every ground in evaluation after the opening", () => {
    expect(
      checkDeclareFailed({ status: "EVALUATION", openedAt: opened, hasAcceptedObjection: false }, "NOBODY_PASSES").ok,
    ).toBe(true);
    expect(
      checkDeclareFailed({ status: "EVALUATION", openedAt: null, hasAcceptedObjection: false }, "ALL_ABOVE_HPS"),
    ).toEqual({ ok: false, key: "failBeforeOpening" });
  });

  it("after the announcement: only once a sanggah or banding of that announcement was accepted", () => {
    for (const kind of ["NOBODY_PASSES", "DOCUMENT_ERROR", "COLLUSION", "OTHER"] as const) {
      expect(checkDeclareFailed({ status: "AWARDED", openedAt: opened, hasAcceptedObjection: true }, kind).ok).toBe(
        true,
      );
      expect(checkDeclareFailed({ status: "AWARDED", openedAt: opened, hasAcceptedObjection: false }, kind)).toEqual({
        ok: false,
        key: "failAfterAwardNeedsAcceptedSanggah",
      });
    }
    // back in evaluation after the acceptance withdrew the award
    expect(
      checkDeclareFailed({ status: "EVALUATION", openedAt: opened, hasAcceptedObjection: false }, "OTHER").ok,
    ).toBe(true);
  });

  it("allows only a document error while announced; nothing once decided", () => {
    expect(
      checkDeclareFailed({ status: "PUBLISHED", openedAt: null, hasAcceptedObjection: false }, "DOCUMENT_ERROR").ok,
    ).toBe(true);
    expect(
      checkDeclareFailed({ status: "PUBLISHED", openedAt: null, hasAcceptedObjection: false }, "COLLUSION"),
    ).toEqual({ ok: false, key: "failWrongState" });
    for (const status of ["DRAFT", "AWARDED", "COMPLETED", "FAILED", "CANCELLED"] as const) {
      expect(checkDeclareFailed({ status, openedAt: opened, hasAcceptedObjection: false }, "OTHER").ok).toBe(false);
    }
  });
});

describe("checkPenunjukanLangsung after a seleksi failed in prakualifikasi (one firm passing)", () => {
  const seleksi = { status: "FAILED" as const, previousStatus: null, hasRetender: false, requests: [] };
  it("allows it for the one passing firm only, without a tender ulang", () => {
    expect(checkPenunjukanLangsung({ ...seleksi, onlyPassingFirm: "v-1" }, "v-1").ok).toBe(true);
    expect(checkPenunjukanLangsung({ ...seleksi, onlyPassingFirm: "v-1" }, "v-2")).toEqual({
      ok: false,
      key: "plOnlyPassingFirm",
    });
    expect(checkPenunjukanLangsung({ ...seleksi, onlyPassingFirm: "v-1" }, null)).toEqual({
      ok: false,
      key: "plOnlyPassingFirm",
    });
    expect(checkPenunjukanLangsung({ ...seleksi, onlyPassingFirm: null }, "v-1")).toEqual({
      ok: false,
      key: "plNeedsFailedRetender",
    });
    expect(
      checkPenunjukanLangsung({ ...seleksi, onlyPassingFirm: "v-1", requests: [{ decision: null }] }, "v-1").ok,
    ).toBe(false);
  });
});

describe("checkPenunjukanLangsung", () => {
  const base = { status: "FAILED" as const, previousStatus: "FAILED" as const, hasRetender: false, requests: [] };
  it("needs a failed re-tender of a failed tender", () => {
    expect(checkPenunjukanLangsung(base).ok).toBe(true);
    expect(checkPenunjukanLangsung({ ...base, previousStatus: null })).toEqual({
      ok: false,
      key: "plNeedsFailedRetender",
    });
    expect(checkPenunjukanLangsung({ ...base, status: "EVALUATION" })).toEqual({
      ok: false,
      key: "plNeedsFailedRetender",
    });
  });
  it("one request at a time; a rejected one may be followed by another", () => {
    expect(checkPenunjukanLangsung({ ...base, requests: [{ decision: null }] })).toEqual({
      ok: false,
      key: "plAlreadyRequested",
    });
    expect(checkPenunjukanLangsung({ ...base, requests: [{ decision: "APPROVED" }] })).toEqual({
      ok: false,
      key: "plAlreadyRequested",
    });
    expect(checkPenunjukanLangsung({ ...base, requests: [{ decision: "REFUSED" }] }).ok).toBe(true);
    expect(checkPenunjukanLangsung({ ...base, hasRetender: true })).toEqual({ ok: false, key: "retenderExists" });
  });
});
