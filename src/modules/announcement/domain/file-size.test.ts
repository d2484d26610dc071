import { describe, expect, it } from "vitest";
import { formatFileSize, shortHash } from "./file-size";

describe("formatFileSize", () => {
  it.each([
    [0n, "id", "0 B"],
    [1023n, "id", "1.023 B"],
    [1024n, "id", "1 KB"],
    [1536n, "id", "1,5 KB"],
    [1536n, "en", "1.5 KB"],
    [52_428_800n, "id", "50 MB"],
    [2_516_582n, "id", "2,4 MB"],
    [5n * 1024n ** 4n, "id", "5.120 GB"],
  ] as const)("%s bytes in %s is %s", (bytes, locale, expected) => {
    expect(formatFileSize(bytes, locale)).toBe(expected);
  });
});

describe("shortHash", () => {
  it("keeps the first 12 characters", () => {
    expect(shortHash("ab".repeat(32))).toBe("abababababab…");
  });
});
