import { describe, expect, it } from "vitest";
import { agenciesFor, can, type Actor } from "./permissions";

const base: Omit<Actor, "memberships"> = {
  userId: "u1",
  name: "Test",
  email: "t@example.id",
  vendorId: null,
  sessionId: null,
  ip: null,
  userAgent: null,
  locale: "id",
};

describe("can", () => {
  const ppk: Actor = { ...base, memberships: [{ role: "PPK", agencyId: "agency-a" }] };
  const auditor: Actor = { ...base, memberships: [{ role: "AUDITOR", agencyId: null }] };

  it("lets a PPK create a paket in its own agency only", () => {
    expect(can(ppk, "paket.create", { agencyId: "agency-a" })).toBe(true);
    expect(can(ppk, "paket.create", { agencyId: "agency-b" })).toBe(false);
  });

  it("refuses a permission the role does not hold", () => {
    expect(can(ppk, "tender.publish", { agencyId: "agency-a" })).toBe(false);
    expect(can(auditor, "paket.create")).toBe(false);
  });

  it("lets instance-wide roles act in any agency", () => {
    expect(can(auditor, "audit.read", { agencyId: "agency-b" })).toBe(true);
  });

  it("lists the agencies a scoped permission covers", () => {
    const two: Actor = {
      ...base,
      memberships: [
        { role: "PPK", agencyId: "a" },
        { role: "PPK", agencyId: "b" },
        { role: "POKJA", agencyId: "c" },
      ],
    };
    expect(agenciesFor(two, "paket.create").sort()).toEqual(["a", "b"]);
  });
});
