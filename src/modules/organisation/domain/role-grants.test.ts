import { describe, expect, it } from "vitest";
import { grantAuthorityFor, grantStateAt, isActiveAt, isAgencyRole } from "./role-grants";

const now = new Date("2027-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("grantAuthorityFor", () => {
  it.each([
    ["ADMIN_LPSE", "lpse"],
    ["VERIFIKATOR", "lpse"],
    ["AUDITOR", "lpse"],
    ["ADMIN_AGENCY", "lpse"],
    ["PPK", "agency"],
    ["POKJA", "agency"],
    ["KPA", "agency"],
    ["PEJABAT_PENGADAAN", "agency"],
    ["PENYEDIA", null],
  ] as const)("%s is granted by %s", (role, who) => {
    expect(grantAuthorityFor(role)).toBe(who);
  });

  it("knows which roles belong to an agency", () => {
    expect(isAgencyRole("ADMIN_AGENCY")).toBe(true);
    expect(isAgencyRole("KPA")).toBe(true);
    expect(isAgencyRole("AUDITOR")).toBe(false);
    expect(isAgencyRole("PENYEDIA")).toBe(false);
  });
});

describe("isActiveAt and grantStateAt, one millisecond either side", () => {
  const open = { validFrom: null, validUntil: null, revokedAt: null };
  it.each([
    [{ ...open }, true, "active"],
    [{ ...open, validFrom: now }, true, "active"],
    [{ ...open, validFrom: at(1) }, false, "scheduled"],
    [{ ...open, validUntil: at(1) }, true, "active"],
    [{ ...open, validUntil: now }, false, "expired"],
    [{ ...open, validUntil: at(-1) }, false, "expired"],
    [{ ...open, revokedAt: at(-1000) }, false, "revoked"],
  ])("%o", (grant, active, state) => {
    expect(isActiveAt(grant, now)).toBe(active);
    expect(grantStateAt(grant, now)).toBe(state);
  });
});
