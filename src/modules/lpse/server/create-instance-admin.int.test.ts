import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeUser } from "@/tests/factories";
import { createInstanceAdmin } from "./create-instance-admin";

const origin = { label: "segel admin create (CLI)", osUser: "operator", host: "lpse-server" };
const input = {
  email: "  Siti.Aminah@LPSE.Contoh.go.id ",
  name: "Siti Aminah",
  nip: "198503122010012001",
  password: "kuda-baterai-staples-benar",
};

describe("createInstanceAdmin", () => {
  it("creates an instance-wide ADMIN_LPSE with a hashed password and records lpse.adminCreated by the command", async () => {
    const { userId } = await createInstanceAdmin(input, origin);
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        email: true,
        name: true,
        nip: true,
        passwordHash: true,
        memberships: { select: { role: true, agencyId: true } },
      },
    });
    expect(user).toMatchObject({ email: "siti.aminah@lpse.contoh.go.id", name: "Siti Aminah", nip: input.nip });
    expect(user.memberships).toEqual([{ role: "ADMIN_LPSE", agencyId: null }]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "lpse.adminCreated", entityId: userId } });
    expect(event).toMatchObject({ actorId: null, actorLabel: "segel admin create (CLI)" });
    expect(event.data).toEqual({
      email: "siti.aminah@lpse.contoh.go.id",
      name: "Siti Aminah",
      nip: input.nip,
      osUser: "operator",
      host: "lpse-server",
    });
    // the password is nowhere in the audit trail, not even hashed
    expect(JSON.stringify(event.data)).not.toContain("argon2");
  });

  it("refuses an e-mail in use, whatever its case, and writes nothing", async () => {
    const existing = await makeUser([{ role: "AUDITOR" }]);
    await expect(createInstanceAdmin({ ...input, email: existing.email.toUpperCase() }, origin)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "userEmailTaken",
    });
    expect(await db.user.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "lpse.adminCreated" } })).toBe(0);
  });

  it("refuses two admins with the same e-mail created at once: one wins", async () => {
    const results = await Promise.allSettled([createInstanceAdmin(input, origin), createInstanceAdmin(input, origin)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.roleMembership.count({ where: { role: "ADMIN_LPSE" } })).toBe(1);
  });

  it("refuses a short password, a bad e-mail, an empty name, a malformed NIP and unstorable text, writing nothing", async () => {
    const cases: [Partial<typeof input> & { nip?: string | null }, string][] = [
      [{ password: "pendek-14-char" }, "password"],
      // the account policy: no passwords holding the name, none from the breached list
      [{ password: "sitiaminah-sangat-rahasia" }, "password"],
      [{ password: "passwordpassword" }, "password"],
      [{ email: "bukan-email" }, "email"],
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(201) }, "name"],
      [{ nip: "12345" }, "nip"],
      [{ nip: "1985031220100120O1" }, "nip"],
      [{ name: "Siti\u0000Aminah" }, "name"],
      [{ password: "kuda-baterai-staples-\uD800" }, "password"],
    ];
    for (const [change, field] of cases) {
      await expect(createInstanceAdmin({ ...input, ...change }, origin)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { [field]: [expect.any(String)] },
      });
    }
    expect(await db.user.count()).toBe(0);
  });

  it("counts a password's length in characters, not bytes, and takes a passphrase with spaces", async () => {
    // 14 characters but 28 bytes: still too short
    await expect(createInstanceAdmin({ ...input, password: "ééééééééééééé" + "é" }, origin)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      createInstanceAdmin({ ...input, nip: null, password: "satu dua tiga empat" }, origin),
    ).resolves.toEqual({
      userId: expect.any(String),
    });
  });
});
