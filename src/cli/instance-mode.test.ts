import { describe, expect, it } from "vitest";
import { planStart, readDemoSetting } from "./instance-mode";

describe("readDemoSetting", () => {
  it("keeps the demo when unset or on, and turns it off with 0", () => {
    for (const v of [undefined, "", "1", "true", " ON "]) expect(readDemoSetting(v)).toBe(true);
    for (const v of ["0", "false", "no", "off"]) expect(readDemoSetting(v)).toBe(false);
  });

  it("refuses a value it does not know instead of guessing", () => {
    expect(readDemoSetting("2")).toEqual({ error: expect.stringContaining('not "2"') });
  });
});

describe("planStart", () => {
  const DEMO = "SEGEL";

  it("seeds the demo on an empty database or keeps the one there", () => {
    expect(planStart(true, [], DEMO)).toEqual({ kind: "seedDemo" });
    expect(planStart(true, [DEMO], DEMO)).toEqual({ kind: "seedDemo" });
  });

  it("prepares an empty instance once and then keeps it", () => {
    expect(planStart(false, [], DEMO)).toEqual({ kind: "prepareEmpty", isNew: true });
    expect(planStart(false, ["LPSE"], DEMO)).toEqual({ kind: "prepareEmpty", isNew: false });
  });

  it("refuses the demo on a real instance's database and a real instance on the demo's", () => {
    expect(planStart(true, ["LPSE"], DEMO)).toMatchObject({
      kind: "refuse",
      message: expect.stringContaining("SEGEL_DEMO=0"),
    });
    expect(planStart(false, [DEMO], DEMO)).toMatchObject({ kind: "refuse", message: expect.stringContaining("demo") });
    expect(planStart(false, [DEMO, "LPSE"], DEMO)).toMatchObject({ kind: "refuse" });
  });
});
