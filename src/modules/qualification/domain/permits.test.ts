import { describe, expect, it } from "vitest";
import { isPermitValid, permitAnswers, wordsAnswer } from "./permits";

const NOW = new Date("2026-12-08T05:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

describe("isPermitValid", () => {
  const until = new Date("2026-12-08T00:00:00Z");
  it("counts the permit through its last day and not a millisecond after", () => {
    expect(isPermitValid(until, new Date(until.getTime() + DAY - 1))).toBe(true);
    expect(isPermitValid(until, new Date(until.getTime() + DAY))).toBe(false);
    expect(isPermitValid(null, NOW)).toBe(true);
  });
});

describe("permitAnswers", () => {
  it("matches the same words or a longer name that starts with them, ignoring case and spacing", () => {
    expect(permitAnswers("SBU (Sertifikat Badan Usaha)", "sbu")).toBe(true);
    expect(permitAnswers(" Izin  Edar ", "izin edar")).toBe(true);
    expect(permitAnswers("SBUK", "SBU")).toBe(false);
    expect(permitAnswers("Izin Usaha Industri", "Izin Edar")).toBe(false);
  });

  it("is the same match as an education's: a longer title answers a shorter one, not the reverse", () => {
    expect(wordsAnswer("S1 Teknik Sipil", "S1")).toBe(true);
    expect(wordsAnswer("S1", "S1 Teknik Sipil")).toBe(false);
  });
});
