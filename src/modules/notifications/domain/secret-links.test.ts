import { describe, expect, it } from "vitest";
import { findSecretLinks, redactSecretLinks } from "./secret-links";

const TOKEN = "q3Jx0mXn4b8V2cT7yKpL9sW1dF6hZ5aR0eU3iO8gN2k";

describe("redactSecretLinks", () => {
  it("hides the token of every one-use account link and keeps the rest of the mail", () => {
    const text = `Buka:\n\nhttps://lpse.example.go.id/undangan/${TOKEN}\n\nAtau https://x.test/atur-ulang-kata-sandi/${TOKEN}?a=1 dan /konfirmasi-email/${TOKEN}.`;
    const redacted = redactSecretLinks(text);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).toContain("https://lpse.example.go.id/undangan/[tautan-rahasia-disembunyikan]");
    expect(redacted).toContain("/atur-ulang-kata-sandi/[tautan-rahasia-disembunyikan]?a=1");
    expect(redacted).toContain("/konfirmasi-email/[tautan-rahasia-disembunyikan].");
    expect(redactSecretLinks(redacted)).toBe(redacted);
  });

  it("leaves ordinary links alone", () => {
    const text = "Buka: https://lpse.example.go.id/penyedia/undangan dan /tender/T-2026-01";
    expect(redactSecretLinks(text)).toBe(text);
    expect(findSecretLinks(text)).toEqual([]);
  });

  it("finds the links for the demo's server log", () => {
    expect(findSecretLinks(`Buka: http://localhost:3000/undangan/${TOKEN}\n`)).toEqual([
      `http://localhost:3000/undangan/${TOKEN}`,
    ]);
  });
});
