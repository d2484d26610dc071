import { describe, expect, it } from "vitest";
import { toPdfText } from "./pdf-text";

describe("toPdfText", () => {
  it.each([
    ["PT Karya \u2014 Mandiri", "PT Karya - Mandiri"],
    ["CV \u201CMaju\u201D Jaya\u2019s", 'CV "Maju" Jaya\'s'],
    ["Rp1.000\u00A0000", "Rp1.000 000"],
    ["Café Bandung", "Café Bandung"],
    ["Toko 日本", "Toko ??"],
    ["PT Sejahtera 🚀", "PT Sejahtera ?"],
  ])("%s -> %s", (input, expected) => {
    expect(toPdfText(input)).toBe(expected);
  });
});
