import { describe, expect, it } from "vitest";
import { positiveRupiah } from "./rupiah-schema";

describe("positiveRupiah", () => {
  it.each([
    ["150.000.000", 150_000_000n],
    ["Rp 150.000.000,00", 150_000_000n],
    ["9007199254740993", 9_007_199_254_740_993n],
    [7n, 7n],
  ] as const)("%s -> %s", (input, expected) => {
    expect(positiveRupiah.parse(input)).toBe(expected);
  });

  it.each([["0", "amountPositive"], ["12,5", "rupiahInvalid"], ["-5", "rupiahInvalid"], ["", "rupiahInvalid"]])("refuses %j with %s", (input, key) => {
    expect(positiveRupiah.safeParse(input).error?.issues[0]?.message).toBe(key);
  });
});
