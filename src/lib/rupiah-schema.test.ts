import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en/errors.json";
import id from "@/i18n/messages/id/errors.json";
import { formatRupiah } from "./money";
import { optionalRupiah, positiveRupiah, rupiah, RUPIAH_CEILING } from "./rupiah-schema";

const issueOf = (
  schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } },
  input: unknown,
) => schema.safeParse(input).error?.issues[0]?.message;

describe("positiveRupiah", () => {
  it.each([
    ["150.000.000", 150_000_000n],
    ["Rp 150.000.000,00", 150_000_000n],
    ["9007199254740993", 9_007_199_254_740_993n],
    ["9.999.999.999.999.999", RUPIAH_CEILING],
    [7n, 7n],
  ] as const)("%s -> %s", (input, expected) => {
    expect(positiveRupiah.parse(input)).toBe(expected);
  });

  it.each([
    ["0", "amountPositive"],
    ["12,5", "rupiahInvalid"],
    ["", "rupiahInvalid"],
    ["-5", "amountNegative"],
    ["-Rp5.000", "amountNegative"],
    ["Rp -5.000", "amountNegative"],
    [-1n, "amountNegative"],
    ["10.000.000.000.000.000", "amountAboveCeiling"],
    ["9223372036854775808", "amountAboveCeiling"],
    ["99999999999999999999", "amountAboveCeiling"],
    [RUPIAH_CEILING + 1n, "amountAboveCeiling"],
  ])("refuses %s with %s", (input, key) => {
    expect(issueOf(positiveRupiah, input)).toBe(key);
  });
});

describe("the ceiling applies to every rupiah schema", () => {
  it("at the ceiling, one rupiah below and one above", () => {
    expect(rupiah.parse(RUPIAH_CEILING - 1n)).toBe(RUPIAH_CEILING - 1n);
    expect(rupiah.parse(RUPIAH_CEILING)).toBe(RUPIAH_CEILING);
    expect(issueOf(rupiah, RUPIAH_CEILING + 1n)).toBe("amountAboveCeiling");
    expect(optionalRupiah.parse("9.999.999.999.999.999")).toBe(RUPIAH_CEILING);
    expect(issueOf(optionalRupiah, "10000000000000000")).toBe("amountAboveCeiling");
    expect(issueOf(optionalRupiah, "-1")).toBe("amountNegative");
    expect(optionalRupiah.parse("")).toBeNull();
  });

  it("leaves room for a percentage of any amount within a BIGINT column", () => {
    expect(RUPIAH_CEILING * 100n).toBeLessThan(2n ** 63n);
  });

  it("tells the ceiling in rupiah, in Indonesian and English", () => {
    expect(id.amountAboveCeiling).toContain(formatRupiah(RUPIAH_CEILING));
    expect(en.amountAboveCeiling).toContain(formatRupiah(RUPIAH_CEILING));
    expect(id.amountNegative).toMatch(/negatif/);
    expect(en.amountNegative).toMatch(/negative/);
  });
});
