import { describe, expect, it } from "vitest";
import { DEMO_OPENING_PASSPHRASE, DEMO_PASSWORD, demoWelcomeLines, FEATURED_ACCOUNTS, USERS } from "./demo-people";

describe("the start banner's demo accounts", () => {
  const banner = demoWelcomeLines().join("\n");

  it("names only real demo users, each once", () => {
    for (const email of FEATURED_ACCOUNTS) expect(USERS.map((u) => u.email)).toContain(email);
    expect(new Set(FEATURED_ACCOUNTS).size).toBe(FEATURED_ACCOUNTS.length);
  });

  it("gives every Pokja member the opening needs, with the passphrase and the password", () => {
    const pokja = USERS.filter((u) => u.roles.some((r) => r.role === "POKJA" && r.agency === "KEMENPU"));
    for (const member of pokja) expect(banner).toContain(member.email);
    expect(banner).toContain(DEMO_OPENING_PASSPHRASE);
    expect(banner).toContain(DEMO_PASSWORD);
  });

  it("covers the whole journey: PPK, KPA, Verifikator, the admins, the auditor and a vendor", () => {
    const roles = new Set(FEATURED_ACCOUNTS.flatMap((e) => USERS.find((u) => u.email === e)!.roles.map((r) => r.role)));
    for (const role of ["PPK", "KPA", "VERIFIKATOR", "ADMIN_LPSE", "ADMIN_AGENCY", "AUDITOR", "PENYEDIA", "POKJA"])
      expect(roles).toContain(role);
  });
});
