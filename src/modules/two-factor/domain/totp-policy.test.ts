import { describe, expect, it } from "vitest";
import {
  classifyCode,
  formatRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_ALPHABET,
  recoveryCodeFromBytes,
} from "./totp-policy";

describe("classifyCode", () => {
  it("takes exactly six digits as a TOTP code, spaces allowed", () => {
    expect(classifyCode("123456")).toEqual({ kind: "totp", code: "123456" });
    expect(classifyCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(classifyCode("12345")).toBeNull();
    expect(classifyCode("1234567")).toBeNull();
    expect(classifyCode("")).toBeNull();
  });

  it("takes a recovery code in any case, with or without hyphens", () => {
    expect(classifyCode("abcd-efgh-jkmn")).toEqual({ kind: "recovery", code: "ABCDEFGHJKMN" });
    expect(classifyCode("ABCDEFGHJKMN")).toEqual({ kind: "recovery", code: "ABCDEFGHJKMN" });
  });

  it("refuses what is neither", () => {
    expect(classifyCode("ABCD-EFGH-JKM")).toBeNull();
    expect(classifyCode("ABCD-EFGH-JKMU")).toBeNull();
    expect(classifyCode("'; DROP TABLE x; --")).toBeNull();
    expect(classifyCode("x".repeat(10_000))).toBeNull();
  });
});

describe("recovery codes", () => {
  it("reads look-alikes as Crockford does", () => {
    expect(normaliseRecoveryCode("ilo0-0000-0000")).toBe("110000000000");
  });

  it("are 12 characters of the alphabet, every byte value mapping into it", () => {
    const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 23 + 200);
    const code = recoveryCodeFromBytes(bytes);
    expect(code).toHaveLength(12);
    for (const ch of code) expect(RECOVERY_ALPHABET).toContain(ch);
    expect(recoveryCodeFromBytes(new Uint8Array(12).fill(255))).toBe("ZZZZZZZZZZZZ");
    expect(() => recoveryCodeFromBytes(new Uint8Array(11))).toThrow();
  });

  it("are shown in three groups and read back the same", () => {
    expect(formatRecoveryCode("ABCDEFGHJKMN")).toBe("ABCD-EFGH-JKMN");
    expect(normaliseRecoveryCode(formatRecoveryCode("ABCDEFGHJKMN"))).toBe("ABCDEFGHJKMN");
  });
});
