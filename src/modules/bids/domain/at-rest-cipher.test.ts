import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openedKeyContext, shareContext, unwrapWithKey, wrapWithKey } from "./at-rest-cipher";

const key = randomBytes(32);
const secret = Buffer.from("bagian kunci pembukaan");

describe("at-rest wrapping", () => {
  it("round-trips, with a fresh iv each time", () => {
    const a = wrapWithKey(key, secret, shareContext("t1", "u1"));
    const b = wrapWithKey(key, secret, shareContext("t1", "u1"));
    expect(a.equals(b)).toBe(false);
    expect(unwrapWithKey(key, a, shareContext("t1", "u1"))).toEqual(secret);
    expect(a.includes(secret)).toBe(false);
  });

  it.each([
    ["another row", (w: Buffer) => unwrapWithKey(key, w, shareContext("t1", "u2"))],
    ["another kind", (w: Buffer) => unwrapWithKey(key, w, openedKeyContext("t1"))],
    ["another key", (w: Buffer) => unwrapWithKey(randomBytes(32), w, shareContext("t1", "u1"))],
    [
      "a flipped byte",
      (w: Buffer) =>
        unwrapWithKey(key, Buffer.concat([w.subarray(0, -1), Buffer.of(w.at(-1)! ^ 1)]), shareContext("t1", "u1")),
    ],
    ["a truncated value", (w: Buffer) => unwrapWithKey(key, w.subarray(0, 20), shareContext("t1", "u1"))],
  ])("refuses %s", (_name, attempt) => {
    expect(() => attempt(wrapWithKey(key, secret, shareContext("t1", "u1")))).toThrow();
  });

  it("refuses a key of the wrong length", () => {
    expect(() => wrapWithKey(randomBytes(16), secret, "x")).toThrow(/32 bytes/);
  });
});
