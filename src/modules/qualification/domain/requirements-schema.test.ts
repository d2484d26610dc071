import { describe, expect, it } from "vitest";
import { qualificationRequirementsSchema as schema } from "./requirements-schema";

const valid = {
  version: 1,
  permits: [{ kind: "  SBU  ", kbli: ["41011"] }],
  experience: { minCount: "2", minValue: "1.000.000.000", withinYears: 4 },
  staff: [{ position: "Ahli Struktur", minCount: 1, minYears: 0, education: "  " }],
  equipment: [{ name: "Excavator", minCount: 100 }],
  financial: { minNetWorth: "Rp500.000.000", taxReturn: true },
};
const messages = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("qualificationRequirementsSchema", () => {
  it("trims text, reads rupiah to digits, counts from text, and an empty education is none", () => {
    expect(schema.parse(valid)).toEqual({
      version: 1,
      permits: [{ kind: "SBU", kbli: ["41011"] }],
      experience: { minCount: 2, minValue: "1000000000", withinYears: 4 },
      staff: [{ position: "Ahli Struktur", minCount: 1, minYears: 0, education: null }],
      equipment: [{ name: "Excavator", minCount: 100 }],
      financial: { minNetWorth: "500000000", taxReturn: true },
    });
  });

  it.each([
    ["a count of 0", { equipment: [{ name: "X", minCount: 0 }] }, "requirementCountInvalid"],
    ["a count of 101", { equipment: [{ name: "X", minCount: 101 }] }, "requirementCountInvalid"],
    ["a negative count", { experience: { minCount: -1, minValue: "1", withinYears: 1 } }, "requirementCountInvalid"],
    ["a fraction", { experience: { minCount: 1.5, minValue: "1", withinYears: 1 } }, "requirementCountInvalid"],
    ["51 years", { experience: { minCount: 1, minValue: "1", withinYears: 51 } }, "requirementYearsInvalid"],
    [
      "negative years",
      { staff: [{ position: "A", minCount: 1, minYears: -1, education: null }] },
      "requirementYearsInvalid",
    ],
    ["KBLI abcde", { permits: [{ kind: "SBU", kbli: ["abcde"] }] }, "kbliInvalid"],
    ["KBLI 00123", { permits: [{ kind: "SBU", kbli: ["00123"] }] }, "kbliInvalid"],
    ["KBLI twice", { permits: [{ kind: "SBU", kbli: ["41011", "41011"] }] }, "requirementKbliTwice"],
    ["a blank permit kind", { permits: [{ kind: "   ", kbli: [] }] }, "requirementPermitKind"],
    [
      "a permit kind twice",
      {
        permits: [
          { kind: "SBU", kbli: [] },
          { kind: " sbu", kbli: [] },
        ],
      },
      "requirementPermitTwice",
    ],
    ["201 characters", { equipment: [{ name: "x".repeat(201), minCount: 1 }] }, "requirementTextTooLong"],
    ["a negative rupiah", { financial: { minNetWorth: "-5", taxReturn: false } }, "amountNegative"],
    ["decimals", { financial: { minNetWorth: "5,5", taxReturn: false } }, "rupiahInvalid"],
    [
      "11 permits",
      { permits: Array.from({ length: 11 }, (_, i) => ({ kind: `P${i}`, kbli: [] })) },
      "requirementPermitsTooMany",
    ],
    [
      "21 KBLI",
      { permits: [{ kind: "SBU", kbli: Array.from({ length: 21 }, (_, i) => `${41000 + i}`) }] },
      "requirementKbliTooMany",
    ],
    [
      "21 staff rows",
      { staff: Array.from({ length: 21 }, () => ({ position: "A", minCount: 1, minYears: 0, education: null })) },
      "requirementStaffTooMany",
    ],
    [
      "10 000 equipment rows",
      { equipment: Array.from({ length: 10_000 }, () => ({ name: "X", minCount: 1 })) },
      "requirementEquipmentTooMany",
    ],
    ["an unknown version", { version: 2 }, "requirementsInvalid"],
  ])("refuses %s", (_name, change, message) => {
    expect(messages({ ...valid, ...change })).toContain(message);
  });

  it("takes exactly 10 permits of 20 KBLI each (the bounds themselves)", () => {
    const atEdge = {
      ...valid,
      permits: Array.from({ length: 10 }, (_, i) => ({
        kind: `P${i}`,
        kbli: Array.from({ length: 20 }, (_, j) => `${41000 + j}`),
      })),
    };
    expect(schema.safeParse(atEdge).success).toBe(true);
  });

  it("refuses unknown keys and deep nesting, and anything not an object", () => {
    expect(schema.safeParse({ ...valid, extra: { a: { b: { c: {} } } } }).success).toBe(false);
    expect(schema.safeParse({ ...valid, permits: [{ kind: "SBU", kbli: [], nested: [[[]]] }] }).success).toBe(false);
    expect(schema.safeParse([valid]).success).toBe(false);
    expect(schema.safeParse("{}").success).toBe(false);
    expect(schema.safeParse(null).success).toBe(false);
  });
});
