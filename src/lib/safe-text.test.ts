import { describe, expect, it } from "vitest";
import { findUnsafeText, isSafeText } from "./safe-text";

describe("isSafeText", () => {
  it.each([
    ["plain text", "Pengadaan laptop", true],
    ["emoji (a surrogate pair)", "Jalan 🚧 Sudirman", true],
    ["empty", "", true],
    ["a NUL byte (PostgreSQL refuses it)", "abc\u0000def", false],
    ["a lone high surrogate (no UTF-8 form)", "abc\uD800", false],
    ["a lone low surrogate", "\uDC00abc", false],
    ["surrogates in the wrong order", "\uDC00\uD800", false],
  ])("%s", (_name, text, safe) => {
    expect(isSafeText(text)).toBe(safe);
  });
});

describe("findUnsafeText", () => {
  it("names the path of the first unstorable string in nested input", () => {
    expect(findUnsafeText({ name: "ok", items: [{ unit: "m2" }, { unit: "bad\u0000" }] })).toBe("items.1.unit");
    expect(findUnsafeText({ name: "ok", count: 3, when: new Date("2026-11-22T08:00:00Z"), nothing: null })).toBeNull();
    expect(findUnsafeText("\u0000")).toBe("_form");
    expect(findUnsafeText({ ["k\u0000"]: "v" })).toBe("_form");
  });
});
