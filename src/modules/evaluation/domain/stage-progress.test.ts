import { describe, expect, it } from "vitest";
import { aboveHpsReason, pokjaNoteOf } from "./price-rules";
import { nextStageToDecide, stageTally } from "./stage-progress";

describe("the stage the Pokja works on next", () => {
  it.each([
    ["nothing decided: administrasi", [{}, {}], "ADMINISTRASI"],
    ["one bid still open in administrasi", [{ ADMINISTRASI: true }, {}], "ADMINISTRASI"],
    ["administrasi done: kualifikasi", [{ ADMINISTRASI: true }, { ADMINISTRASI: true }], "KUALIFIKASI"],
    [
      "a bid out at administrasi is not waited for",
      [{ ADMINISTRASI: true, KUALIFIKASI: true }, { ADMINISTRASI: false }],
      "TEKNIS",
    ],
    [
      "all done: the last stage stays shown",
      [{ ADMINISTRASI: true, KUALIFIKASI: true, TEKNIS: true, HARGA: true }, { ADMINISTRASI: false }],
      "HARGA",
    ],
  ] as const)("%s", (_n, bids, stage) => expect(nextStageToDecide(bids)).toBe(stage));

  it("counts the bids a stage may judge and those decided", () => {
    const bids = [{ ADMINISTRASI: true, KUALIFIKASI: true }, { ADMINISTRASI: true }, { ADMINISTRASI: false }];
    expect(stageTally("ADMINISTRASI", bids)).toEqual({ open: 3, decided: 3 });
    expect(stageTally("KUALIFIKASI", bids)).toEqual({ open: 2, decided: 1 });
    expect(stageTally("TEKNIS", bids)).toEqual({ open: 1, decided: 0 });
  });
});

describe("the Pokja's note in a price reason", () => {
  it("is given back from the reason stored for a price above HPS, and a plain reason as it is", () => {
    expect(pokjaNoteOf(aboveHpsReason("Rp2", "Rp1", "Harga tidak wajar."))).toBe("Harga tidak wajar.");
    expect(pokjaNoteOf("Harga wajar.")).toBe("Harga wajar.");
  });
});
