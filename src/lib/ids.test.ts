import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it.each([
    ["a v4 id from gen_random_uuid()", "0b6f8f5e-3c1a-4d2b-9e7f-1a2b3c4d5e6f", true],
    ["upper case", "0B6F8F5E-3C1A-4D2B-9E7F-1A2B3C4D5E6F", true],
    ["36 dashes (matched the old loose regex, PostgreSQL refuses it)", "-".repeat(36), false],
    ["36 hex digits without dashes in place", "0b6f8f5e3c1a4d2b9e7f1a2b3c4d5e6f0000", false],
    ["braces", "{0b6f8f5e-3c1a-4d2b-9e7f-1a2b3c4d5e6f}", false],
    ["empty", "", false],
    ["a number", 42, false],
  ])("%s", (_name, value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
