import { describe, expect, it } from "vitest";
import { describeRequirements, describeUnmet, parsePermitKinds, unmetRequirements } from "./qualification-requirements";

const NOW = new Date("2026-12-08T05:00:00Z");
const requirements = { kbli: ["41011", "46100"], permits: ["SBU", "Sertifikat Standar"] };
const profile = {
  isVerified: true,
  kbli: ["46100", "41011", "47111"],
  permits: [
    { kind: "SBU (Sertifikat Badan Usaha)", validUntil: new Date("2027-01-01T00:00:00Z") },
    { kind: "sertifikat  standar", validUntil: null },
  ],
};

describe("unmetRequirements", () => {
  it("passes a verified profile holding every KBLI and a valid permit of every kind", () => {
    expect(unmetRequirements(requirements, profile, NOW)).toEqual([]);
  });

  it("names each missing KBLI and permit, in the order required", () => {
    const thin = { ...profile, kbli: ["46100"], permits: [profile.permits[1]!] };
    expect(unmetRequirements(requirements, thin, NOW)).toEqual([
      { kind: "KBLI", code: "41011" },
      { kind: "PERMIT", name: "SBU" },
    ]);
  });

  it("does not count a permit past its validity day", () => {
    const validUntil = new Date("2026-12-07T00:00:00Z");
    const expired = { ...profile, permits: [{ kind: "SBU", validUntil }, profile.permits[1]!] };
    expect(unmetRequirements(requirements, expired, NOW)).toEqual([{ kind: "PERMIT", name: "SBU" }]);
  });

  it("refuses a profile that is not verified, whatever it lists", () => {
    expect(unmetRequirements(requirements, { ...profile, isVerified: false }, NOW)).toEqual([{ kind: "NOT_VERIFIED" }]);
  });

  it("asks nothing beyond verification when the tender lists no requirement", () => {
    expect(unmetRequirements({ kbli: [], permits: [] }, { isVerified: true, kbli: [], permits: [] }, NOW)).toEqual([]);
  });
});

describe("texts", () => {
  it("describes requirements and what is missing with codes and names only", () => {
    expect(describeRequirements(requirements)).toBe("KBLI 41011, KBLI 46100, SBU, Sertifikat Standar");
    expect(
      describeUnmet([
        { kind: "KBLI", code: "41011" },
        { kind: "PERMIT", name: "SBU" },
      ]),
    ).toBe("KBLI 41011, SBU");
  });

  it("parses permit kinds one a line or separated by semicolons, without blanks or repeats", () => {
    expect(parsePermitKinds("SBU\n\n  Sertifikat   Standar ; sbu\n")).toEqual(["SBU", "Sertifikat Standar"]);
  });
});
