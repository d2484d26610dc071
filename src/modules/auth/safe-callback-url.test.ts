import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    [undefined, "/dasbor"],
    ["", "/dasbor"],
    ["/admin/pengguna", "/admin/pengguna"],
    ["/tender?page=2", "/tender?page=2"],
    ["https://evil.example/", "/dasbor"],
    ["//evil.example", "/dasbor"],
    ["/\\evil.example", "/dasbor"],
    ["javascript:alert(1)", "/dasbor"],
    ["/\tx", "/dasbor"],
    ["/masuk", "/dasbor"],
    ["/masuk?callbackUrl=/x", "/dasbor"],
    ["/api/auth/signout", "/dasbor"],
  ])("%s → %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});
