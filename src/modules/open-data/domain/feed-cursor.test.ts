import { describe, expect, it } from "vitest";
import { decodeFeedCursor, encodeFeedCursor, isOcid, parseFeedLimit, parseFiscalYear } from "./feed-cursor";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("the feed cursor", () => {
  it("round-trips (xid, seq), zero and the largest bigint included", () => {
    for (const cursor of [
      { xid: 0n, seq: 0n },
      { xid: 742n, seq: 15n },
      { xid: 9223372036854775807n, seq: 9223372036854775807n },
    ])
      expect(decodeFeedCursor(encodeFeedCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["one past the largest bigint", b64("9223372036854775808.1")],
    ["a negative part", b64("-1.2")],
    ["a leading zero (a second spelling of one cursor)", b64("01.2")],
    ["three parts", b64("1.2.3")],
    ["one part", b64("12")],
    ["not digits", b64("a.b")],
    ["padding (not the canonical form)", `${b64("1.2")}=`],
    ["not base64url", "MS4y+"],
    ["empty", ""],
    ["too long", "A".repeat(61)],
  ])("refuses %s", (_what, text) => expect(decodeFeedCursor(text)).toBeNull());
});

describe("the feed's limit", () => {
  it.each([
    [null, 100],
    ["", 100],
    ["1", 1],
    ["1000", 1000],
    ["0", null],
    ["1001", null],
    ["-1", null],
    ["2.5", null],
    ["1e3", null],
    ["10000", null],
    [" 5", null],
  ])("%s gives %s", (text, limit) => expect(parseFeedLimit(text)).toBe(limit));
});

describe("an ocid in a URL", () => {
  it.each([
    ["ocds-abc123-2026-00012", true],
    ["ocds-abc123-pl-0b6f8f5e-3c1a-4d2b-9e7f-1a2b3c4d5e6f", true],
    ["ocds-abc123-T1796627456813d346b3", true],
    [`ocds-abc123-${"x".repeat(120)}`, true],
    [`ocds-abc123-${"x".repeat(121)}`, false],
    ["ocds-ABC123-1", false],
    ["ocds-abc12-1", false],
    ["ocds-abc123-", false],
    ["ocds-abc123--1", false],
    ["ocds-abc123-a/b", false],
    ["ocds-abc123-a..b", false],
    ["ocds-abc123-a b", false],
    ["' OR 1=1 --", false],
  ])("%s: %s", (text, ok) => expect(isOcid(text)).toBe(ok));
});

describe("a fiscal year in a URL", () => {
  it.each([
    ["2000", 2000],
    ["2026", 2026],
    ["2100", 2100],
    ["1999", null],
    ["2101", null],
    ["026", null],
    ["20266", null],
    ["2O26", null],
  ])("%s gives %s", (text, year) => expect(parseFiscalYear(text)).toBe(year));
});
