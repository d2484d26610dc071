import { describe, expect, it } from "vitest";
import { missingItems, missingItemValues, verificationChecklist, type ChecklistProfile } from "./checklist";

const now = new Date("2026-12-06T12:00:00.000Z");
const complete: ChecklistProfile = {
  npwp: "012345678901000",
  nib: "1234567890123",
  kbli: ["42101"],
  deeds: [{ id: "d1", kind: "Akta Pendirian", documentId: "doc-d1" }],
  permits: [{ id: "p1", validUntil: null, documentId: "doc-p1" }],
  people: [{ id: "o1", kind: "DIREKSI" }],
};
const missing = (profile: Partial<ChecklistProfile>) =>
  missingItems(verificationChecklist({ ...complete, ...profile }, now));

describe("verificationChecklist", () => {
  it("meets every item for a complete profile, with its evidence", () => {
    const checklist = verificationChecklist(complete, now);
    expect(checklist.every((r) => r.isMet)).toBe(true);
    expect(checklist.find((r) => r.item === "deed")?.evidenceIds).toEqual(["d1"]);
  });

  it.each([
    ["npwp", { npwp: "" }],
    ["nib", { nib: " " }],
    ["kbli", { kbli: [] }],
    ["deed", { deeds: [] }],
    ["deed", { deeds: [{ id: "d1", kind: "Akta Pendirian", documentId: null }] }],
    ["deed", { deeds: [{ id: "d2", kind: "Akta Perubahan", documentId: "doc" }] }],
    ["permit", { permits: [] }],
    ["permit", { permits: [{ id: "p1", validUntil: null, documentId: null }] }],
    ["person", { people: [{ id: "o1", kind: "KOMISARIS" }] }],
  ] as const)("names %s when it is missing", (item, profile) => {
    expect(missing(profile)).toEqual([item]);
  });

  it("counts a permit valid until a moment after the database clock, not at it or before", () => {
    const permit = (ms: number) => ({
      permits: [{ id: "p", validUntil: new Date(now.getTime() + ms), documentId: "x" }],
    });
    expect(missing(permit(1))).toEqual([]);
    expect(missing(permit(0))).toEqual(["permit"]);
    expect(missing(permit(-1))).toEqual(["permit"]);
  });

  it("accepts a deed typed by hand that says pendirian", () => {
    expect(missing({ deeds: [{ id: "d", kind: "akta pendirian PT", documentId: "x" }] })).toEqual([]);
  });

  it("names every missing item in the message values", () => {
    expect(missingItemValues(["deed", "person"])).toEqual({
      npwp: "met",
      nib: "met",
      kbli: "met",
      deed: "missing",
      permit: "met",
      person: "missing",
    });
  });
});
