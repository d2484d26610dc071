import { describe, expect, it } from "vitest";
import { isIssuer, isSubject } from "./external-identity";

describe("isSubject", () => {
  it.each([
    ["a", true],
    ["248289761001", true],
    ["x".repeat(255), true],
    ["x".repeat(256), false],
    ["", false],
    ["with space", false],
    ["tab\there", false],
    ["é", false],
    ["new\nline", false],
  ])("%j → %s", (value, expected) => expect(isSubject(value)).toBe(expected));
});

describe("isIssuer", () => {
  it.each([
    ["https://sso.inaproc.id", true],
    ["https://sso.inaproc.id/realms/lkpp", true],
    ["http://localhost:3190", true],
    ["http://127.0.0.1/", true],
    ["http://sso.inaproc.id", false],
    ["http://localhost.evil.example", false],
    ["https://sso.inaproc.id?x=1", false],
    ["https://sso.inaproc.id#frag", false],
    ["https://", false],
    ["ftp://sso.inaproc.id", false],
    [`https://a.id/${"x".repeat(2040)}`, false],
  ])("%j → %s", (value, expected) => expect(isIssuer(value)).toBe(expected));
});
