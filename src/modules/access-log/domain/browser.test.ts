import { describe, expect, it } from "vitest";
import { describeBrowser } from "./browser";

describe("describeBrowser", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Chrome 131 · Windows 10",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 · Linux"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari 18 · iOS 18.1",
    ],
  ])("names %s", (userAgent, expected) => {
    expect(describeBrowser(userAgent)).toBe(expected);
  });

  it("gives nothing for no user agent, and the start of one it cannot read", () => {
    expect(describeBrowser(null)).toBeNull();
    expect(describeBrowser("   ")).toBeNull();
    expect(describeBrowser("x".repeat(10_000))).toBe(`${"x".repeat(60)}…`);
  });
});
