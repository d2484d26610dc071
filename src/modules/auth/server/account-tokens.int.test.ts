import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { consumeAccountToken, findAccountTokenUser, issueAccountToken } from "./account-tokens";

const issue = (userId: string, kind: "INVITATION" | "PASSWORD_RESET" | "EMAIL_CONFIRMATION" = "PASSWORD_RESET") =>
  db.$transaction((tx) => issueAccountToken(tx, { userId, kind }));
const consume = (token: string, kind: "INVITATION" | "PASSWORD_RESET" | "EMAIL_CONFIRMATION" = "PASSWORD_RESET") =>
  db.$transaction((tx) => consumeAccountToken(tx, { token, kind }));
const refused = { code: "NOT_FOUND", messageKey: "accountTokenInvalid" };

describe("account tokens", () => {
  it("stores only the SHA-256 of a 32-byte token, with the kind's lifetime from the database clock", async () => {
    const user = await makeUser();
    const token = await issue(user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(Buffer.from(row.tokenHash).toString("hex")).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60 * 1000);
  });

  it("is used once: the second use, even racing the first, is refused", async () => {
    const user = await makeUser();
    const token = await issue(user.id);
    const results = await Promise.allSettled([consume(token), consume(token), consume(token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(consume(token)).rejects.toMatchObject(refused);
  });

  it("refuses an expired, unknown, malformed or other-kind token with one and the same refusal", async () => {
    const user = await makeUser();
    const expired = await issue(user.id);
    await db.$executeRaw`UPDATE "AccountToken" SET "createdAt" = segel_now() - interval '2 hours', "expiresAt" = segel_now() - interval '1 second' WHERE "userId" = ${user.id}::uuid`;
    await expect(consume(expired)).rejects.toMatchObject(refused);

    const invitation = await issue(user.id, "INVITATION");
    await expect(consume(invitation, "PASSWORD_RESET")).rejects.toMatchObject(refused);
    await expect(consume(invitation, "EMAIL_CONFIRMATION")).rejects.toMatchObject(refused);
    // the refused tries did not spend it
    await expect(consume(invitation, "INVITATION")).resolves.toEqual({ userId: user.id });

    for (const bad of ["A".repeat(43), "", "x".repeat(10_000), "a\u0000b", "../../etc/passwd", `${invitation}x`]) {
      await expect(consume(bad)).rejects.toMatchObject(refused);
      expect(await findAccountTokenUser({ token: bad, kind: "PASSWORD_RESET" })).toBeNull();
    }
  });

  it("a newer link of a kind voids the older one; other kinds live on", async () => {
    const user = await makeUser();
    const first = await issue(user.id);
    const confirmation = await issue(user.id, "EMAIL_CONFIRMATION");
    const second = await issue(user.id);
    await expect(consume(first)).rejects.toMatchObject(refused);
    await expect(consume(second)).resolves.toEqual({ userId: user.id });
    await expect(consume(confirmation, "EMAIL_CONFIRMATION")).resolves.toEqual({ userId: user.id });
  });

  it("PostgreSQL refuses a token row that expires before it is made or holds anything but a digest", async () => {
    const user = await makeUser();
    await expect(
      db.$executeRaw`INSERT INTO "AccountToken" (id, kind, "userId", "tokenHash", "createdAt", "expiresAt")
        VALUES (gen_random_uuid(), 'INVITATION', ${user.id}::uuid, ${new Uint8Array(32)}, now(), now() - interval '1 second')`,
    ).rejects.toThrow(/AccountToken_expiresAt_check/);
    await expect(
      db.$executeRaw`INSERT INTO "AccountToken" (id, kind, "userId", "tokenHash", "createdAt", "expiresAt")
        VALUES (gen_random_uuid(), 'INVITATION', ${user.id}::uuid, ${Buffer.from("a clear token")}, now(), now() + interval '1 hour')`,
    ).rejects.toThrow(/AccountToken_tokenHash_check/);
  });
});
