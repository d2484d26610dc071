import { describe, expect, it } from "vitest";
import { flattenFigures, formatBytes, formatDuration } from "./format";

describe("the page's figures", () => {
  it("reads sizes in binary units at each boundary", () => {
    expect(formatBytes(1023, "en")).toBe("1,023 B");
    expect(formatBytes(1024, "en")).toBe("1 KB");
    expect(formatBytes(1536, "id")).toBe("1,5 KB");
    expect(formatBytes(16 * 1024 * 1024, "en")).toBe("16 MB");
  });
  it("reads durations in milliseconds under a second, seconds under a minute, minutes and seconds after", () => {
    expect(formatDuration(42, "en")).toBe("42 ms");
    expect(formatDuration(999, "en")).toBe("999 ms");
    expect(formatDuration(1000, "en")).toBe("1 s");
    expect(formatDuration(1250, "id")).toBe("1,3 dtk");
    expect(formatDuration(59_999, "en")).toBe("60 s");
    expect(formatDuration(61_000, "en")).toBe("1 min 1 s");
  });
  it("flattens nested figures and leaves out lists and nulls", () => {
    expect(flattenFigures({ rows: 3, d: { restoreMs: 5 }, migration: "x", list: [1], none: null })).toEqual([
      ["rows", 3],
      ["d.restoreMs", 5],
      ["migration", "x"],
    ]);
  });
});
