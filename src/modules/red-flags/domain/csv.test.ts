import { describe, expect, it } from "vitest";
import { csvLine } from "./csv";

describe("csvLine", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvLine(["a", 1, null, 'say "hi", ok'])).toBe('"a","1","","say ""hi"", ok"');
  });
  it("defuses a cell a spreadsheet would run as a formula", () => {
    expect(csvLine(["=HYPERLINK(1)", "+1", "-1", "@x", "a=b"])).toBe(`"'=HYPERLINK(1)","'+1","'-1","'@x","a=b"`);
  });
});
