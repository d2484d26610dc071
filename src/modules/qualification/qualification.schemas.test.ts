import { describe, expect, it } from "vitest";
import { QUALIFICATION_LIMITS, qualificationChoicesSchema } from "./qualification.schemas";

const ID = "5d1c2b3a-0000-4000-8000-000000000001";
const base = { permitIds: [ID], experienceIds: [], staff: [], equipment: [], financial: null };
const equipment = (count: unknown) => ({ forRequirement: 0, name: "Excavator", count, ownership: "SEWA" });
const issues = (input: unknown) => {
  const r = qualificationChoicesSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("qualificationChoicesSchema", () => {
  it("reads the choices as an object or as the form's one JSON field", () => {
    expect(qualificationChoicesSchema.parse(base)).toEqual(base);
    expect(qualificationChoicesSchema.parse(JSON.stringify(base))).toEqual(base);
    expect(issues("{not json")).toEqual(["qualificationChoiceInvalid"]);
    expect(issues({ ...base, permitIds: ["bukan-uuid"] })).toEqual(["qualificationChoiceInvalid"]);
  });

  it("refuses an entry chosen twice", () => {
    expect(issues({ ...base, permitIds: [ID, ID] })).toEqual(["qualificationChoiceTwice"]);
    const person = { vendorPersonId: ID, forRequirement: 0 };
    expect(issues({ ...base, staff: [person, person] })).toEqual(["qualificationChoiceTwice"]);
    // the same person offered for two different positions is a choice, not a repeat
    expect(issues({ ...base, staff: [person, { ...person, forRequirement: 1 }] })).toEqual([]);
  });

  it("takes 1 to the cap of units, and whole numbers only", () => {
    expect(issues({ ...base, equipment: [equipment(1)] })).toEqual([]);
    expect(issues({ ...base, equipment: [equipment(QUALIFICATION_LIMITS.equipmentCount)] })).toEqual([]);
    for (const bad of [0, -1, 1.5, QUALIFICATION_LIMITS.equipmentCount + 1, "dua"])
      expect(issues({ ...base, equipment: [equipment(bad)] })).toEqual(["qualificationEquipmentCount"]);
  });

  it("takes a tax year from 1990 to 2100 and a net worth in rupiah", () => {
    const financial = (netWorth: string, taxReturnYear: number | null) => ({
      ...base,
      financial: { netWorth, taxReturnYear },
    });
    expect(qualificationChoicesSchema.parse(financial("Rp 2.500.000.000", 1990)).financial).toEqual({
      netWorth: 2_500_000_000n,
      taxReturnYear: 1990,
    });
    expect(qualificationChoicesSchema.parse(financial("", null)).financial).toEqual({
      netWorth: null,
      taxReturnYear: null,
    });
    expect(issues(financial("", 2100))).toEqual([]);
    expect(issues(financial("", 1989))).toEqual(["qualificationTaxYear"]);
    expect(issues(financial("", 2101))).toEqual(["qualificationTaxYear"]);
    expect(issues(financial("-5.000", null))).toEqual(["amountNegative"]);
  });

  it("caps the number of entries", () => {
    const many = Array.from({ length: QUALIFICATION_LIMITS.entries + 1 }, (_, i) => ID.replace(/1$/, String(i % 10)));
    expect(issues({ ...base, permitIds: many }).length).toBeGreaterThan(0);
  });
});
