import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "./domain/permissions";
import { canManageUser } from "./user.policy";

const actor = (memberships: Membership[]): Actor => ({
  userId: "admin",
  name: "Admin",
  email: "a@example.id",
  memberships,
  vendorId: null,
  sessionId: null,
  ip: null,
  userAgent: null,
  locale: "id",
});
const lpseAdmin = actor([{ role: "ADMIN_LPSE", agencyId: null }]);
const agencyAdmin = actor([{ role: "ADMIN_AGENCY", agencyId: "A" }]);
const target = (...memberships: Membership[]) => ({ id: "target", memberships });

describe("canManageUser", () => {
  it("lets the LPSE admin manage anyone but themselves", () => {
    expect(canManageUser(lpseAdmin, target({ role: "PPK", agencyId: "B" }))).toBe(true);
    expect(canManageUser(lpseAdmin, target({ role: "PENYEDIA", agencyId: null }))).toBe(true);
    expect(canManageUser(lpseAdmin, { id: "admin", memberships: [] })).toBe(false);
  });

  it("lets an agency admin manage only users wholly inside their agency", () => {
    expect(canManageUser(agencyAdmin, target({ role: "PPK", agencyId: "A" }, { role: "POKJA", agencyId: "A" }))).toBe(
      true,
    );
    expect(canManageUser(agencyAdmin, target({ role: "PPK", agencyId: "A" }, { role: "POKJA", agencyId: "B" }))).toBe(
      false,
    );
    expect(canManageUser(agencyAdmin, target({ role: "PPK", agencyId: "B" }))).toBe(false);
    expect(canManageUser(agencyAdmin, target({ role: "ADMIN_LPSE", agencyId: null }))).toBe(false);
    expect(canManageUser(agencyAdmin, target())).toBe(false);
  });

  it("refuses everyone else", () => {
    expect(canManageUser(actor([{ role: "PPK", agencyId: "A" }]), target({ role: "PPK", agencyId: "A" }))).toBe(false);
  });
});
