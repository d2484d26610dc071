import { describe, expect, it } from "vitest";
import { updateTenderRequirementsSchema } from "../tender.schemas";
import { toRequirementsInput } from "./requirements-input";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("toRequirementsInput", () => {
  it("nests the rows by their names and lists the checked parts, which the action's schema then reads", () => {
    const tenderId = crypto.randomUUID();
    const input = toRequirementsInput(
      form([
        ["tenderId", tenderId],
        ["bidParts", "TEKNIS"],
        ["bidParts", "HARGA"],
        ["requirements.permits.0.kind", ""],
        ["requirements.permits.0.kbli", ""],
        ["requirements.permits.1.kind", "SBU"],
        ["requirements.permits.1.kbli", "41011"],
        ["requirements.experience.minCount", "2"],
        ["requirements.experience.minValue", "1.000.000.000"],
        ["requirements.experience.withinYears", "4"],
        ["requirements.financial.minNetWorth", ""],
        ["requirements.financial.taxReturn", "on"],
      ]),
    );
    expect(input).toEqual({
      tenderId,
      bidParts: ["TEKNIS", "HARGA"],
      requirements: {
        permits: [
          { kind: "", kbli: "" },
          { kind: "SBU", kbli: "41011" },
        ],
        experience: { minCount: "2", minValue: "1.000.000.000", withinYears: "4" },
        financial: { minNetWorth: "", taxReturn: "on" },
      },
    });
    const parsed = updateTenderRequirementsSchema.parse(input);
    expect(parsed.requirements).toMatchObject({
      permits: [{ kind: "SBU", kbli: ["41011"] }],
      experience: { minCount: 2, minValue: "1000000000", withinYears: 4 },
      financial: { minNetWorth: null, taxReturn: true },
    });
  });

  it("sends no parts as an empty list (the procedure's apply), and ignores an object's built-in keys", () => {
    expect(toRequirementsInput(form([["tenderId", "x"]]))).toEqual({ tenderId: "x", bidParts: [] });
    const polluted = toRequirementsInput(
      form([
        ["requirements.__proto__.x", "1"],
        ["constructor.y", "2"],
      ]),
    );
    expect(polluted).toEqual({ bidParts: [] });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
