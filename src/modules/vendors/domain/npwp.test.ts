import { describe, expect, it } from "vitest";
import { formatNpwp, normalizeNpwp, npwpEquivalents, npwpProblem } from "./npwp";

describe("npwpProblem and normalizeNpwp", () => {
  it.each([
    ["01.234.567.8-901.000", "012345678901000"],
    ["012345678901000", "012345678901000"],
    [" 01 234 567 8 901 000 ", "012345678901000"],
    ["3171012345678901", "3171012345678901"],
    ["3171 0123 4567 8901", "3171012345678901"],
    ["3171-0123-4567-8901", "3171012345678901"],
    ["0012345678901000", "0012345678901000"],
  ])("accepts %j as %s", (input, digits) => {
    expect(npwpProblem(input)).toBeNull();
    expect(normalizeNpwp(input)).toBe(digits);
  });

  it.each([
    ["14 digits", "01234567890100", "npwpLength"],
    ["14 digits, formatted", "01.234.567.8-901.00", "npwpLength"],
    ["17 digits", "31710123456789012", "npwpLength"],
    ["empty", "", "npwpLength"],
    ["only separators", "..--", "npwpLength"],
    ["a letter O for zero", "01.234.567.8-901.00O", "npwpCharacters"],
    ["a slash", "01/234/567/8-901/000", "npwpCharacters"],
    ["15 zeros", "00.000.000.0-000.000", "npwpAllZero"],
    ["16 zeros", "0000000000000000", "npwpAllZero"],
  ])("refuses %s", (_name, input, problem) => {
    expect(npwpProblem(input)).toBe(problem);
    expect(normalizeNpwp(input)).toBeNull();
  });
});

describe("formatNpwp", () => {
  it.each([
    ["012345678901000", "01.234.567.8-901.000"],
    ["3171012345678901", "3171012345678901"],
    ["12345", "12345"],
  ])("%s → %s", (digits, shown) => expect(formatNpwp(digits)).toBe(shown));
});

describe("npwpEquivalents (PMK 112/2022: a company's 16-digit NPWP is 0 + the 15)", () => {
  it.each([
    ["012345678901000", ["012345678901000", "0012345678901000"]],
    ["0012345678901000", ["0012345678901000", "012345678901000"]],
    ["3171012345678901", ["3171012345678901"]],
  ])("%s", (digits, forms) => expect(npwpEquivalents(digits)).toEqual(forms));
});
