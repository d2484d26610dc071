import { describe, expect, it } from "vitest";
import { ROLES } from "./permissions";
import { isTotpRequired, pendingStep, ROLES_REQUIRING_TOTP } from "./second-factor";

describe("isTotpRequired", () => {
  it("asks it of every role but the vendor's, when the instance requires it", () => {
    expect(ROLES.filter((r) => !ROLES_REQUIRING_TOTP.includes(r))).toEqual(["PENYEDIA"]);
    for (const role of ROLES_REQUIRING_TOTP) expect(isTotpRequired([role], true)).toBe(true);
    expect(isTotpRequired(["PENYEDIA"], true)).toBe(false);
    expect(isTotpRequired([], true)).toBe(false);
  });

  it("asks it of nobody when the instance setting is off", () => {
    expect(isTotpRequired(["ADMIN_LPSE", "POKJA"], false)).toBe(false);
  });
});

describe("pendingStep", () => {
  const base = { hasTotp: false, hasSecondFactor: false, requireStaffTotp: true, roles: [] as const };

  it("asks a user with TOTP for a code in every session, whatever the roles or the setting", () => {
    expect(pendingStep({ ...base, hasTotp: true })).toBe("secondFactor");
    expect(pendingStep({ ...base, hasTotp: true, requireStaffTotp: false, roles: ["PENYEDIA"] })).toBe("secondFactor");
    expect(pendingStep({ ...base, hasTotp: true, hasSecondFactor: true })).toBeNull();
  });

  it("sends staff without TOTP to enrol while the setting is on, and nobody else", () => {
    expect(pendingStep({ ...base, roles: ["POKJA"] })).toBe("totpEnrolment");
    expect(pendingStep({ ...base, roles: ["POKJA"], requireStaffTotp: false })).toBeNull();
    expect(pendingStep({ ...base, roles: ["PENYEDIA"] })).toBeNull();
    expect(pendingStep({ ...base })).toBeNull();
  });
});
