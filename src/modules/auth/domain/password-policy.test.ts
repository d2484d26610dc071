import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";
import { PASSWORD_POLICY, passwordLength } from "./password-rules";

describe("passwordProblem (NIST SP 800-63B rev. 4, 3.1.1.2)", () => {
  it("accepts a long passphrase with no composition at all, spaces and Unicode included", () => {
    expect(passwordProblem("kuda lari di padang rumput")).toBeNull();
    expect(passwordProblem("semuahurufkecilsajaya")).toBeNull();
    expect(passwordProblem("Sate ayam 🐔 Madura enak")).toBeNull();
    expect(passwordProblem("ราคาถูกที่สุดในตลาด")).toBeNull();
  });

  it("counts code points, so 15 emoji are 15 characters and 14 are too few", () => {
    expect(passwordLength("🔑".repeat(15))).toBe(15);
    expect(passwordProblem("🔑🐔".repeat(7))).toBe("passwordTooShort");
  });

  it("refuses fewer than 15 and more than 128 characters, and accepts both bounds", () => {
    expect(passwordProblem("a7#kQ9!zr2Lm4x")).toBe("passwordTooShort");
    expect(passwordProblem("a7#kQ9!zr2Lm4xP")).toBeNull();
    const words = "gunung merapi meletus lagi pagi ini abu turun di jalan kaliurang sampai ke pasar";
    const long = `${words} ${words.toUpperCase()}`.slice(0, PASSWORD_POLICY.maxLength);
    expect(passwordProblem(long)).toBeNull();
    expect(passwordProblem(`${long}x`)).toBe("passwordTooLong");
    expect(passwordProblem("x".repeat(10_000))).toBe("passwordTooLong");
  });

  it("refuses NUL, other control characters and lone surrogates", () => {
    expect(passwordProblem("kuda lari di\u0000padang")).toBe("passwordControlCharacter");
    expect(passwordProblem("kuda lari di\npadang rumput")).toBe("passwordControlCharacter");
    expect(passwordProblem("kuda lari di padang \uD800")).toBe("passwordControlCharacter");
  });

  it("refuses common and breached passwords, padded with digits, doubled or spaced", () => {
    expect(passwordProblem("123456789987654321")).toBe("passwordCommon");
    expect(passwordProblem("password1234567")).toBe("passwordCommon");
    expect(passwordProblem("passwordpassword")).toBe("passwordCommon");
    expect(passwordProblem("Pass Word Pass Word")).toBe("passwordCommon");
    expect(passwordProblem("1qaz2wsx3edc4rfv")).toBe("passwordCommon");
  });

  it("refuses one character or one short pattern said again and again", () => {
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toBe("passwordRepetitive");
    expect(passwordProblem("abcabcabcabcabcabc")).toBe("passwordRepetitive");
  });

  it("refuses the user's name or the local part of their e-mail, in any case or spacing", () => {
    const context = { email: "budi.santoso@pu.go.id", name: "Budi Santoso" };
    expect(passwordProblem("BudiSantoso2026!!", context)).toBe("passwordHasPersonalData");
    expect(passwordProblem("aku budi santoso dari PU", context)).toBe("passwordHasPersonalData");
    expect(passwordProblem("hujan turun di bulan juni", context)).toBeNull();
    // a two-letter local part would refuse far too much by chance
    expect(passwordProblem("hujan turun di bulan juni", { email: "ju@x.id" })).toBeNull();
  });

  it("the messages name the same bounds as the policy", () => {
    for (const locale of ["id", "en"]) {
      const errors = JSON.parse(readFileSync(`src/i18n/messages/${locale}/errors.json`, "utf8")) as Record<
        string,
        string
      >;
      expect(errors.passwordTooShort).toContain(String(PASSWORD_POLICY.minLength));
      expect(errors.passwordTooLong).toContain(String(PASSWORD_POLICY.maxLength));
    }
  });
});
