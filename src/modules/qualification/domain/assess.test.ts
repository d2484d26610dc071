import { describe, expect, it } from "vitest";
import { assessQualification, lastTaxYear } from "./assess";
import type { QualificationForm, QualificationRequirements } from "./shapes";

// 10:00 WIB on 8 December 2026
const AT = new Date("2026-12-08T03:00:00Z");
const none: QualificationRequirements = {
  version: 1,
  permits: [],
  experience: null,
  staff: [],
  equipment: [],
  financial: null,
};
const empty: QualificationForm = {
  version: 1,
  permits: [],
  kbli: [],
  experience: [],
  staff: [],
  equipment: [],
  financial: null,
};
const permit = (validUntil: string | null, kind = "SBU (Sertifikat Badan Usaha)") => ({
  vendorPermitId: "p1",
  kind,
  number: "SBU-1",
  issuedBy: "LPJK",
  validUntil,
  documentId: "d1",
});
const contract = (id: string, value: string, year: number) => ({
  vendorExperienceId: id,
  contractName: `Gedung ${id}`,
  client: "Dinas PU",
  contractValue: value,
  year,
  documentId: `doc-${id}`,
});
const person = (id: string, years: number | null, education: string | null, forRequirement = 0) => ({
  vendorPersonId: id,
  name: `Ahli ${id}`,
  position: "Ahli Struktur",
  education,
  experienceYears: years,
  forRequirement,
});
const met = (r: QualificationRequirements, f: QualificationForm, at = AT) =>
  assessQualification(r, f, at).map((a) => a.met);

describe("assessQualification: permits and KBLI", () => {
  const r = { ...none, permits: [{ kind: "SBU", kbli: ["41011", "42101"] }] };

  it("meets a permit of the kind, valid on the day, with every KBLI", () => {
    const f = { ...empty, permits: [permit("2026-12-31T00:00:00.000Z")], kbli: ["41011", "42101"] };
    const rows = assessQualification(r, f, AT);
    expect(rows.map((a) => [a.group, a.requirement, a.met])).toEqual([
      ["permit", "SBU", true],
      ["kbli", "KBLI 41011 (SBU)", true],
      ["kbli", "KBLI 42101 (SBU)", true],
    ]);
    expect(rows[0]!.documentIds).toEqual(["d1"]);
    expect(rows[0]!.answer).toContain("SBU-1");
  });

  it("counts the permit through its validity day, not the day after", () => {
    const f = { ...empty, permits: [permit("2026-12-08T00:00:00.000Z")], kbli: ["41011", "42101"] };
    expect(met(r, f, new Date("2026-12-08T23:59:59.999Z"))[0]).toBe(true);
    expect(met(r, f, new Date("2026-12-09T00:00:00.000Z"))[0]).toBe(false);
  });

  it("shows an expired permit as the answer, unmet; a permit with no end is valid", () => {
    const expired = assessQualification(r, { ...empty, permits: [permit("2026-01-01T00:00:00.000Z")] }, AT);
    expect(expired[0]).toMatchObject({ met: false, documentIds: ["d1"] });
    expect(expired[0]!.answer).toContain("2026-01-01");
    expect(met(r, { ...empty, permits: [permit(null)] })[0]).toBe(true);
  });

  it("finds the valid permit among several of the kind", () => {
    const f = { ...empty, permits: [permit("2020-01-01T00:00:00.000Z"), permit(null)] };
    expect(met(r, f)[0]).toBe(true);
  });

  it("names each missing KBLI and a missing permit", () => {
    const rows = assessQualification(r, { ...empty, kbli: ["41011"] }, AT);
    expect(rows.map((a) => a.met)).toEqual([false, true, false]);
    expect(rows[0]!.answer).toBeNull();
    expect(rows[2]!.answer).toBeNull();
  });

  it("does not take another kind that merely starts with the same letters", () => {
    expect(met(r, { ...empty, permits: [permit(null, "SBUK")] })[0]).toBe(false);
  });
});

describe("assessQualification: experience", () => {
  const r = { ...none, experience: { minCount: 2, minValue: "1000000000", withinYears: 4 } };

  it("counts contracts of exactly minValue from exactly withinYears back", () => {
    const f = { ...empty, experience: [contract("a", "1000000000", 2022), contract("b", "2000000000", 2026)] };
    const [row] = assessQualification(r, f, AT);
    expect(row).toMatchObject({ met: true, requirement: "2 × ≥ Rp1.000.000.000, 2022–2026" });
    expect(row!.documentIds).toEqual(["doc-a", "doc-b"]);
  });

  it("does not count one rupiah below, a year too old, a future year, or the same contract twice", () => {
    const f = {
      ...empty,
      experience: [
        contract("a", "999999999", 2025),
        contract("b", "1000000000", 2021),
        contract("c", "1000000000", 2027),
        contract("d", "1000000000", 2024),
        contract("d", "1000000000", 2024),
      ],
    };
    const [row] = assessQualification(r, f, AT);
    expect(row!.met).toBe(false);
    expect(row!.answer).toBe("Gedung d (Dinas PU, 2024, Rp1.000.000.000)");
  });

  it("reads the year in the agency's zone: 1 January 06:00 WIB is still 2026 in UTC", () => {
    const at = new Date("2026-12-31T23:00:00Z");
    const f = { ...empty, experience: [contract("a", "1000000000", 2023), contract("b", "1000000000", 2027)] };
    expect(met(r, f, at)).toEqual([true]);
    expect(assessQualification(r, f, at, "UTC")[0]!.met).toBe(false);
  });

  it("answers nothing when no contract counts", () => {
    expect(assessQualification(r, empty, AT)[0]).toMatchObject({ met: false, answer: null, documentIds: [] });
  });
});

describe("assessQualification: staff", () => {
  const r = { ...none, staff: [{ position: "Ahli Struktur", minCount: 2, minYears: 5, education: "S1 Teknik Sipil" }] };

  it("meets with enough people of exactly minYears and the education", () => {
    const f = { ...empty, staff: [person("a", 5, "S1 Teknik Sipil"), person("b", 9, "s1  teknik sipil")] };
    expect(met(r, f)).toEqual([true]);
  });

  it("is one person short when one lacks a year, the education, or states no years", () => {
    for (const short of [
      person("b", 4, "S1 Teknik Sipil"),
      person("b", 9, "S1 Teknik Mesin"),
      person("b", null, "S1 Teknik Sipil"),
      person("b", 9, null),
    ])
      expect(met(r, { ...empty, staff: [person("a", 5, "S1 Teknik Sipil"), short] })).toEqual([false]);
  });

  it("does not count the same person twice", () => {
    expect(met(r, { ...empty, staff: [person("a", 5, "S1 Teknik Sipil"), person("a", 5, "S1 Teknik Sipil")] })).toEqual(
      [false],
    );
  });

  it("places a person offered for two positions in the first only", () => {
    const two = {
      ...none,
      staff: [
        { position: "Ketua Tim", minCount: 1, minYears: 0, education: null },
        { position: "Ahli", minCount: 1, minYears: 0, education: null },
      ],
    };
    expect(met(two, { ...empty, staff: [person("a", 1, null, 0), person("a", 1, null, 1)] })).toEqual([true, false]);
  });

  it("takes any education when none is asked", () => {
    const any = { ...none, staff: [{ position: "Mandor", minCount: 1, minYears: 0, education: null }] };
    expect(met(any, { ...empty, staff: [person("a", 0, null)] })).toEqual([true]);
  });
});

describe("assessQualification: equipment and financial", () => {
  it("sums the pieces offered for each item: exactly enough meets, one short does not", () => {
    const r = { ...none, equipment: [{ name: "Excavator", minCount: 3 }] };
    const row = (count: number) => ({ forRequirement: 0, name: "Excavator PC200", count, ownership: "SEWA" });
    expect(met(r, { ...empty, equipment: [row(1), row(2)] })).toEqual([true]);
    expect(met(r, { ...empty, equipment: [row(2)] })).toEqual([false]);
    expect(met(r, { ...empty, equipment: [{ ...row(5), forRequirement: 1 }] })).toEqual([false]);
  });

  it("needs a net worth of at least the minimum", () => {
    const r = { ...none, financial: { minNetWorth: "500000000", taxReturn: false } };
    const f = (netWorth: string | null) => ({ ...empty, financial: { netWorth, taxReturnYear: null } });
    expect(met(r, f("500000000"))).toEqual([true]);
    expect(met(r, f("499999999"))).toEqual([false]);
    expect(met(r, f(null))).toEqual([false]);
    expect(met(r, empty)).toEqual([false]);
  });

  it("needs the last tax return due: two years back until the end of April, then last year's", () => {
    expect(lastTaxYear({ year: 2026, month: 4 })).toBe(2024);
    expect(lastTaxYear({ year: 2026, month: 5 })).toBe(2025);
    const r = { ...none, financial: { minNetWorth: null, taxReturn: true } };
    const f = (taxReturnYear: number | null) => ({ ...empty, financial: { netWorth: null, taxReturnYear } });
    const lastDayOfApril = new Date("2026-04-30T16:59:59.999Z"); // 23:59:59.999 WIB
    expect(met(r, f(2024), lastDayOfApril)).toEqual([true]);
    expect(met(r, f(2023), lastDayOfApril)).toEqual([false]);
    expect(met(r, f(2024), new Date("2026-04-30T17:00:00Z"))).toEqual([false]);
    expect(met(r, f(2025), AT)).toEqual([true]);
    expect(met(r, f(2026), AT)).toEqual([false]);
    expect(met(r, f(null), AT)).toEqual([false]);
  });

  it("asks nothing of a tender with no requirements", () => {
    expect(assessQualification(none, empty, AT)).toEqual([]);
  });
});
