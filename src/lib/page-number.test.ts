import { describe, expect, it } from "vitest";
import { MAX_PAGE, parsePageNumber } from "./page-number";

describe("parsePageNumber", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    ["3", 3],
    [["4", "9"], 4],
    ["0", 1],
    ["-1", 1],
    ["1.5", 1],
    ["NaN", 1],
    ["abc", 1],
    [String(MAX_PAGE), MAX_PAGE],
    [String(MAX_PAGE + 1), 1],
    ["99999999999999999999", 1],
    ["1e400", 1],
  ] as const)("%j is page %d", (raw, page) => {
    expect(parsePageNumber(raw as string | string[] | undefined)).toBe(page);
  });
});
