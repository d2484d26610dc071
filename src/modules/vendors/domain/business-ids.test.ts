import { describe, expect, it } from "vitest";
import { isKbliCode, parseKbliList, parseNib } from "./business-ids";

describe("parseNib (13 digits, PP 5/2021)", () => {
  it.each([
    ["1234567890123", "1234567890123"],
    [" 1234 5678 90123 ", "1234567890123"],
  ])("accepts %j", (input, value) => expect(parseNib(input)).toEqual({ ok: true, value }));

  it.each([
    ["12 digits", "123456789012", "nibInvalid"],
    ["14 digits", "12345678901234", "nibInvalid"],
    ["a letter", "123456789012A", "nibInvalid"],
    ["dots", "1234.5678.90123", "nibInvalid"],
    ["empty", "", "nibInvalid"],
    ["all zero", "0000000000000", "nibAllZero"],
  ])("refuses %s", (_name, input, problem) => expect(parseNib(input)).toEqual({ ok: false, problem }));
});

describe("KBLI (5 digits, KBLI 2020)", () => {
  it.each([
    ["41011", true],
    ["01111", true],
    ["4101", false],
    ["410111", false],
    ["00111", false],
    ["4101A", false],
  ])("%s → %s", (code, ok) => expect(isKbliCode(code)).toBe(ok));

  it("reads a typed list with commas, semicolons and spaces, once each", () => {
    expect(parseKbliList("41011, 42101;41011  46900")).toEqual({ ok: true, value: ["41011", "42101", "46900"] });
    expect(parseKbliList(["41011", "42101"])).toEqual({ ok: true, value: ["41011", "42101"] });
    expect(parseKbliList("")).toEqual({ ok: true, value: [] });
  });

  it("names the codes that are not valid", () => {
    expect(parseKbliList("41011, 4101, 00123")).toEqual({ ok: false, invalid: ["4101", "00123"] });
  });
});
