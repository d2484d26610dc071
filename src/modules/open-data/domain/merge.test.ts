import { describe, expect, it } from "vitest";
import { compileRelease, type JsonObject } from "./merge";

const OCID = "ocds-abc123-T-1";
const release = (position: number, date: string, body: JsonObject): JsonObject => ({
  ocid: OCID,
  id: `${OCID}-${position}`,
  date,
  tag: ["tender"],
  initiationType: "tender",
  ...body,
});

describe("compileRelease (OCDS 1.1 merge rules)", () => {
  it("drops each release's own id, date and tag (omitWhenMerged) and takes its own id, the latest date and tag compiled", () => {
    const compiled = compileRelease(
      [release(1, "2026-01-01T00:00:00.000Z", {}), release(2, "2026-02-01T00:00:00.000Z", { language: "id" })],
      `${OCID}-compiled`,
    );
    expect(compiled).toEqual({
      ocid: OCID,
      id: `${OCID}-compiled`,
      date: "2026-02-01T00:00:00.000Z",
      tag: ["compiled"],
      initiationType: "tender",
      language: "id",
    });
  });

  it("takes the latest date even when the latest release is not last", () => {
    const compiled = compileRelease(
      [release(1, "2026-03-01T00:00:00.000+07:00", {}), release(2, "2026-02-28T23:00:00.000Z", {})],
      "c",
    );
    expect(compiled.date).toBe("2026-02-28T23:00:00.000Z");
  });

  it("merges objects recursively: a later value wins, fields it leaves out stay", () => {
    const compiled = compileRelease(
      [
        release(1, "2026-01-01T00:00:00Z", {
          tender: { id: "T-1", title: "Jalan", value: { amount: 100, currency: "IDR" } },
        }),
        release(2, "2026-01-02T00:00:00Z", { tender: { value: { amount: 90 }, status: "active" } }),
      ],
      "c",
    );
    expect(compiled.tender).toEqual({
      id: "T-1",
      title: "Jalan",
      value: { amount: 90, currency: "IDR" },
      status: "active",
    });
  });

  it("removes a field set to null, at any depth, and never writes a null", () => {
    const compiled = compileRelease(
      [
        release(1, "2026-01-01T00:00:00Z", { tender: { id: "T-1", description: "x", value: { amount: 1 } } }),
        release(2, "2026-01-02T00:00:00Z", { tender: { description: null, value: null, title: "y" } }),
      ],
      "c",
    );
    expect(compiled.tender).toEqual({ id: "T-1", title: "y" });
    const first = compileRelease([release(1, "2026-01-01T00:00:00Z", { tender: { id: "T-1", title: null } })], "c");
    expect(first.tender).toEqual({ id: "T-1" });
  });

  it("merges arrays of objects by id, keeping the order of first appearance and appending new ids", () => {
    const compiled = compileRelease(
      [
        release(1, "2026-01-01T00:00:00Z", {
          parties: [
            { id: "A", name: "Dinas", roles: ["buyer"] },
            { id: "B", name: "PT Satu", roles: ["tenderer"] },
          ],
        }),
        release(2, "2026-01-02T00:00:00Z", {
          parties: [
            { id: "B", roles: ["tenderer", "supplier"] },
            { id: "C", name: "PT Dua", roles: ["tenderer"] },
          ],
        }),
      ],
      "c",
    );
    expect(compiled.parties).toEqual([
      { id: "A", name: "Dinas", roles: ["buyer"] },
      // roles is a list of strings: replaced whole, not merged
      { id: "B", name: "PT Satu", roles: ["tenderer", "supplier"] },
      { id: "C", name: "PT Dua", roles: ["tenderer"] },
    ]);
  });

  it("compares ids as given: the string '1' and the number 1 are two items", () => {
    const compiled = compileRelease(
      [
        release(1, "2026-01-01T00:00:00Z", { awards: [{ id: "1", status: "pending" }] }),
        release(2, "2026-01-02T00:00:00Z", { awards: [{ id: 1, status: "active" }] }),
      ],
      "c",
    );
    expect(compiled.awards).toHaveLength(2);
  });

  it("replaces an array of objects without ids whole", () => {
    const compiled = compileRelease(
      [
        release(1, "2026-01-01T00:00:00Z", { tender: { id: "T", submissionMethod: ["electronicSubmission"] } }),
        release(2, "2026-01-02T00:00:00Z", { tender: { submissionMethod: ["written"] } }),
        release(3, "2026-01-03T00:00:00Z", { tender: { milestones: [{ title: "x" }] } }),
        release(4, "2026-01-04T00:00:00Z", { tender: { milestones: [{ title: "y" }] } }),
      ],
      "c",
    );
    expect(compiled.tender).toMatchObject({ submissionMethod: ["written"], milestones: [{ title: "y" }] });
  });

  it("replaces a wholeListMerge list (additionalIdentifiers, additionalClassifications) whole, even with ids", () => {
    const compiled = compileRelease(
      [
        release(1, "2026-01-01T00:00:00Z", {
          parties: [
            {
              id: "A",
              additionalIdentifiers: [
                { id: "1", scheme: "ID-NPWP" },
                { id: "2", scheme: "ID-NIB" },
              ],
            },
          ],
          tender: { id: "T", items: [{ id: "i1", additionalClassifications: [{ id: "x", scheme: "KBLI" }] }] },
        }),
        release(2, "2026-01-02T00:00:00Z", {
          parties: [{ id: "A", additionalIdentifiers: [{ id: "2", scheme: "ID-NIB", legalName: "PT" }] }],
          tender: { items: [{ id: "i1", additionalClassifications: [{ id: "y", scheme: "KBLI" }] }] },
        }),
      ],
      "c",
    );
    expect(compiled.parties).toEqual([
      { id: "A", additionalIdentifiers: [{ id: "2", scheme: "ID-NIB", legalName: "PT" }] },
    ]);
    expect(compiled.tender).toEqual({
      id: "T",
      items: [{ id: "i1", additionalClassifications: [{ id: "y", scheme: "KBLI" }] }],
    });
  });

  it("merges ids inside merged items (documents of an award)", () => {
    const compiled = compileRelease(
      [
        release(1, "2026-01-01T00:00:00Z", { awards: [{ id: "a1", documents: [{ id: "d1", title: "BA" }] }] }),
        release(2, "2026-01-02T00:00:00Z", { awards: [{ id: "a1", documents: [{ id: "d2", title: "SPPBJ" }] }] }),
      ],
      "c",
    );
    expect(compiled.awards).toEqual([
      {
        id: "a1",
        documents: [
          { id: "d1", title: "BA" },
          { id: "d2", title: "SPPBJ" },
        ],
      },
    ]);
  });

  it("does not change the releases it was given", () => {
    const first = release(1, "2026-01-01T00:00:00Z", { tender: { id: "T", title: "a" }, parties: [{ id: "A" }] });
    const copy = structuredClone(first);
    compileRelease(
      [first, release(2, "2026-01-02T00:00:00Z", { tender: { title: null }, parties: [{ id: "A", name: "n" }] })],
      "c",
    );
    expect(first).toEqual(copy);
  });

  it("refuses an empty list", () => {
    expect(() => compileRelease([], "c")).toThrow();
  });
});
