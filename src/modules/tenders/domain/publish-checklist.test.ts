import { describe, expect, it } from "vitest";
import { checkWeights, publishChecklist, toFieldErrors, type TenderSetup } from "./publish-checklist";

const now = new Date("2026-12-01T00:00:00Z");
const complete: TenderSetup = {
  category: "BARANG",
  hps: 480_000_000n,
  selectionDocumentCount: 1,
  qualification: "Memiliki NIB sesuai KBLI.",
  evaluationMethod: "HARGA_TERENDAH",
  technicalWeight: null,
  priceWeight: null,
  bidSecurityAmount: null,
  stages: [
    { kind: "PENGUMUMAN", startsAt: new Date("2026-12-02T01:00:00Z"), endsAt: new Date("2026-12-05T01:00:00Z") },
  ],
  pokjaMemberCount: 3,
  method: "TENDER",
  requirementCount: 0,
};

describe("publishChecklist", () => {
  it("is empty for a complete set-up", () => {
    expect(publishChecklist(complete, now)).toEqual([]);
  });

  it("lists every missing item at once", () => {
    const empty: TenderSetup = {
      ...complete,
      selectionDocumentCount: 0,
      qualification: "  ",
      evaluationMethod: null,
      stages: [],
      pokjaMemberCount: 0,
    };
    expect(publishChecklist(empty, now).map((i) => i.key)).toEqual([
      "noPokja",
      "noSelectionDocument",
      "noQualification",
      "noEvaluationMethod",
      "scheduleMissing",
    ]);
  });

  it("asks for bid security on construction above Rp10 miliar, within 1-3%", () => {
    const works = { ...complete, category: "PEKERJAAN_KONSTRUKSI" as const, hps: 20_000_000_000n };
    expect(publishChecklist(works, now)).toEqual([{ field: "bidSecurityAmount", key: "bidSecurityMissing" }]);
    expect(publishChecklist({ ...works, bidSecurityAmount: 199_999_999n }, now)).toEqual([
      { field: "bidSecurityAmount", key: "bidSecurityOutOfRange" },
    ]);
    expect(publishChecklist({ ...works, bidSecurityAmount: 200_000_000n }, now)).toEqual([]);
  });

  it("names the stage of a schedule problem", () => {
    const past = { ...complete, stages: [{ ...complete.stages[0]!, startsAt: new Date("2026-11-30T23:59:59Z") }] };
    expect(toFieldErrors(publishChecklist(past, now))).toEqual({ "schedule.PENGUMUMAN": ["scheduleStartsInPast"] });
  });
});

describe("checkWeights", () => {
  it.each([
    ["not sistem nilai", "HARGA_TERENDAH", null, null, null],
    ["missing", "SISTEM_NILAI", 70, null, "weightsMissing"],
    ["99", "SISTEM_NILAI", 70, 29, "weightsNotHundred"],
    ["101", "SISTEM_NILAI", 70, 31, "weightsNotHundred"],
    ["100", "SISTEM_NILAI", 70, 30, null],
  ] as const)("%s", (_name, method, technical, price, problem) => {
    expect(checkWeights(method, technical, price)).toBe(problem);
  });

  it("asks a Tender Cepat for checkable requirements and harga terendah instead of the words", () => {
    const cepat = { ...complete, method: "TENDER_CEPAT", qualification: null };
    expect(publishChecklist(cepat, now)).toEqual([{ field: "requiredKbli", key: "cepatNoRequirements" }]);
    expect(publishChecklist({ ...cepat, requirementCount: 1 }, now)).toEqual([]);
    expect(
      publishChecklist(
        { ...cepat, requirementCount: 1, evaluationMethod: "SISTEM_NILAI", technicalWeight: 70, priceWeight: 30 },
        now,
      ),
    ).toEqual([{ field: "evaluationMethod", key: "cepatPriceOnly" }]);
  });
});
