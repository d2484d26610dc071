import { describe, expect, it } from "vitest";
import { isWalBefore, setIdTime } from "./apply-retention";

describe("which archived WAL a kept set no longer needs", () => {
  const start = "000000010000000200000010";

  it("removes segments before the start on its timeline, keeps the start and after", () => {
    expect(isWalBefore("00000001000000020000000F.gz", start)).toBe(true);
    expect(isWalBefore("0000000100000001000000FF.gz", start)).toBe(true);
    expect(isWalBefore("000000010000000200000010.gz", start)).toBe(false);
    expect(isWalBefore("000000010000000200000011.gz", start)).toBe(false);
  });

  it("treats a backup history or a partial file as its segment", () => {
    expect(isWalBefore("00000001000000020000000F.00000028.backup.gz", start)).toBe(true);
    expect(isWalBefore("000000010000000200000010.00000028.backup.gz", start)).toBe(false);
    expect(isWalBefore("00000001000000020000000F.partial.gz", start)).toBe(true);
  });

  it("keeps timeline history files, later timelines, temp files and anything it cannot read", () => {
    expect(isWalBefore("00000002.history.gz", start)).toBe(false);
    expect(isWalBefore("00000002000000020000000F.gz", start)).toBe(false);
    expect(isWalBefore("00000001000000020000000F.gz.tmp", start)).toBe(false);
    expect(isWalBefore("notes.txt", start)).toBe(false);
  });

  it("an earlier timeline's segment before the start goes, one after it stays", () => {
    const onTwo = "000000020000000200000010";
    expect(isWalBefore("00000001000000020000000F.gz", onTwo)).toBe(true);
    expect(isWalBefore("000000010000000200000011.gz", onTwo)).toBe(false);
  });
});

describe("a set id's time", () => {
  it("reads the UTC start time the id was made from", () => {
    expect(setIdTime("20261207T010203Z").toISOString()).toBe("2026-12-07T01:02:03.000Z");
    expect(() => setIdTime("2026-12-07")).toThrow(/not a set id/);
  });
});
