import { describe, expect, it } from "vitest";
import { PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from "@/modules/paket/domain";
import { TENDER_STATUSES, TRANSITIONS } from "@/modules/tenders/domain";
import { awardStatus, CATEGORY_MAPPING, METHOD_MAPPING, releaseTagsFor, TENDER_STATUS_MAPPING } from "./mappings";
import { OCID_PREFIX_PATTERN, ocidFor } from "./ocid";
import { sameReleaseContent } from "./same-release";

describe("the method and category mapping", () => {
  it("gives every method an OCDS method and Indonesian details", () => {
    expect(Object.keys(METHOD_MAPPING).sort()).toEqual([...PROCUREMENT_METHODS].sort());
    expect(METHOD_MAPPING.TENDER).toEqual({ procurementMethod: "open", procurementMethodDetails: "Tender" });
    expect(METHOD_MAPPING.SELEKSI.procurementMethod).toBe("selective");
    expect(METHOD_MAPPING.PENUNJUKAN_LANGSUNG.procurementMethod).toBe("limited");
    expect(METHOD_MAPPING.PENGADAAN_LANGSUNG.procurementMethod).toBe("direct");
  });

  it("maps consultancy to services with the consulting extension", () => {
    expect(Object.keys(CATEGORY_MAPPING).sort()).toEqual([...PROCUREMENT_CATEGORIES].sort());
    expect(CATEGORY_MAPPING.PEKERJAAN_KONSTRUKSI.mainProcurementCategory).toBe("works");
    expect(CATEGORY_MAPPING.JASA_KONSULTANSI).toEqual({
      mainProcurementCategory: "services",
      additionalProcurementCategories: ["consultingServices"],
    });
  });

  it("maps every status but DRAFT", () => {
    expect(Object.keys(TENDER_STATUS_MAPPING).sort()).toEqual(TENDER_STATUSES.filter((s) => s !== "DRAFT").sort());
  });

  it("an award is pending in the masa sanggah, active after the SPPBJ, cancelled when withdrawn", () => {
    expect(awardStatus({ withdrawn: false, status: "AWARDED" })).toBe("pending");
    expect(awardStatus({ withdrawn: false, status: "COMPLETED" })).toBe("active");
    expect(awardStatus({ withdrawn: true, status: "AWARDED" })).toBe("cancelled");
    expect(awardStatus({ withdrawn: false, status: "CANCELLED" })).toBe("cancelled");
  });
});

describe("the tags of a change", () => {
  const none = { hadAnnouncement: false };
  it("covers every lifecycle event and the addendum", () => {
    for (const kind of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[])
      expect(releaseTagsFor(kind, none) === undefined).toBe(false);
  });

  it.each([
    ["published", ["tender"]],
    ["imported", ["tender"]],
    ["addendum", ["tenderAmendment"]],
    ["rescheduled", ["tenderAmendment"]],
    ["compensated", ["tenderAmendment"]],
    ["deadlineExtended", ["tenderAmendment"]],
    ["opened", ["tenderUpdate"]],
    ["stageBoundary", ["tenderUpdate"]],
    ["failed", ["tenderUpdate"]],
    ["transferred", ["tenderUpdate"]],
    ["winnerAnnounced", ["award"]],
    ["sanggahAccepted", ["awardUpdate"]],
    ["sppbjIssued", ["awardUpdate"]],
    ["cancelled", ["tenderCancellation"]],
    ["winnerSet", null],
    ["retendered", null],
  ] as const)("%s publishes %j", (trigger, tags) => {
    expect(releaseTagsFor(trigger, none)).toEqual(tags);
  });

  it("reopening the evaluation updates an award only when one was announced", () => {
    expect(releaseTagsFor("evaluationReopened", { hadAnnouncement: true })).toEqual(["awardUpdate"]);
    expect(releaseTagsFor("evaluationReopened", none)).toEqual(["tenderUpdate"]);
  });
});

describe("ocids", () => {
  it("a tender by its code, the others by their id behind a marker", () => {
    expect(ocidFor("ocds-segel1", { kind: "TENDER", code: "2026000001" })).toBe("ocds-segel1-2026000001");
    expect(ocidFor("ocds-segel1", { kind: "DIRECT_PROCUREMENT", id: "u" })).toBe("ocds-segel1-pl-u");
    expect(ocidFor("ocds-segel1", { kind: "NON_TENDER", id: "u" })).toBe("ocds-segel1-nt-u");
  });

  it("the prefix is ocds- and six lower-case letters or digits", () => {
    expect(OCID_PREFIX_PATTERN.test("ocds-segel1")).toBe(true);
    expect(OCID_PREFIX_PATTERN.test("ocds-213czf")).toBe(true);
    expect(OCID_PREFIX_PATTERN.test("ocds-segel")).toBe(false);
    expect(OCID_PREFIX_PATTERN.test("ocds-segel12")).toBe(false);
    expect(OCID_PREFIX_PATTERN.test("ocds-Segel1")).toBe(false);
    expect(OCID_PREFIX_PATTERN.test("ocds_segel1")).toBe(false);
  });
});

describe("sameReleaseContent", () => {
  const a = { id: "x-1", date: "d1", tag: ["tender"], ocid: "x", tender: { id: "t", status: "active" } };
  it("ignores the id, date, tags and key order", () => {
    const b = { tender: { status: "active", id: "t" }, ocid: "x", id: "x-2", date: "d2", tag: ["tenderUpdate"] };
    expect(sameReleaseContent(a, b)).toBe(true);
  });
  it("sees a changed status or an added field", () => {
    expect(sameReleaseContent(a, { ...a, tender: { id: "t", status: "complete" } })).toBe(false);
    expect(sameReleaseContent(a, { ...a, bids: { statistics: [] } })).toBe(false);
  });
});
