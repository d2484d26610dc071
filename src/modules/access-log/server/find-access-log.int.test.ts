import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makeUser, TEST_PASSWORD } from "../../../../tests/factories";
import { AGENCY_ROLES } from "@/modules/auth/domain/permissions";
import { recordAuditEvent } from "@/modules/audit";
import { signIn } from "@/modules/auth";
import { closeSignInLimiter } from "@/modules/auth/server/sign-in-limiter";
import { db } from "@/server/db";
import { findAccessLog } from "./find-access-log";
import { findActiveSessions } from "./find-active-sessions";
import { findPeopleForAccessLog } from "./find-people";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

// The limiter's counters outlive the per-test truncation: a fresh address per test.
let ip = "";
beforeEach(() => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
  ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});
afterAll(closeSignInLimiter);

const tryPassword = (email: string, password: string, userAgent = FIREFOX) =>
  signIn({ email, password, ip, userAgent }).catch((error: unknown) => error);

/** What engineer D's second-factor step records on the user (issue 11's contract). */
const secondFactor = (user: { id: string; name: string }, action: string, data: Record<string, unknown>) =>
  db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { userId: user.id, name: user.name, ip, userAgent: CHROME },
      action,
      entityType: "User",
      entityId: user.id,
      data,
    }),
  );

describe("findAccessLog", () => {
  it("shows the owner their sign-ins and a stranger's failed tries, newest first, with the second factor", async () => {
    const user = await makeUser([{ role: "VERIFIKATOR" }]);
    await tryPassword(user.email, "salah-sekali");
    const { sessionId } = (await signIn({ email: user.email, password: TEST_PASSWORD, ip, userAgent: CHROME }))!;
    await secondFactor(user, "auth.secondFactorFailed", { method: "totp", sessionId });
    await secondFactor(user, "auth.secondFactorPassed", { method: "recovery", sessionId });
    // someone else's sign-in is not in this log
    const other = await makeUser();
    await signIn({ email: other.email, password: TEST_PASSWORD, ip, userAgent: CHROME });

    const log = await findAccessLog(actorFor(user));
    expect(log.owner).toEqual({ id: user.id, name: user.name, email: user.email });
    expect(log.entries.map((e) => [e.kind, e.reason, e.method, e.secondFactor, e.ip])).toEqual([
      ["secondFactorFailed", null, null, "totp", ip],
      ["signIn", null, "password", "recovery", ip],
      ["signInFailed", "badCredentials", null, null, ip],
    ]);
    expect(log.entries[1]!.browser).toBe("Chrome 131 · Windows 10");
    expect(log.entries[2]!.browser).toBe("Firefox 133 · Linux");
    expect(log.olderThan).toBeNull();
  });

  it("says none when no second factor was given for the session", async () => {
    const user = await makeUser();
    await signIn({ email: user.email, password: TEST_PASSWORD, ip, userAgent: null });
    const [entry] = (await findAccessLog(actorFor(user))).entries;
    expect(entry).toMatchObject({ kind: "signIn", secondFactor: "none", browser: null });
  });

  it("pages 10,000 failed tries down the index, each page as cheap as the first", async () => {
    const user = await makeUser();
    // The events as sign-in records them, written in bulk (the MAC is not what this test reads).
    await db.$executeRaw`
      INSERT INTO "AuditEvent" ("occurredAt", "actorLabel", action, "entityType", "entityId", data, mac)
      SELECT segel_now() - (n || ' seconds')::interval, 'Sistem', 'auth.signInFailed', 'User', ${user.id},
             jsonb_build_object('reason', 'badCredentials', 'ip', '198.51.100.' || (n % 250), 'userAgent', 'curl/8.0'),
             decode(repeat('00', 32), 'hex')
        FROM generate_series(1, 10000) AS n`;
    const actor = actorFor(user);
    const first = await findAccessLog(actor, { pageSize: 50 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries.every((e) => e.kind === "signInFailed")).toBe(true);
    const seqs = first.entries.map((e) => BigInt(e.seq));
    expect([...seqs].sort((a, b) => (a > b ? -1 : 1))).toEqual(seqs);
    const second = await findAccessLog(actor, { pageSize: 50, olderThan: BigInt(first.olderThan!) });
    expect(BigInt(second.entries[0]!.seq)).toBeLessThan(BigInt(first.entries.at(-1)!.seq));

    // The plan reads the (entityType, entityId, seq) index backwards and stops: no sort of the 10,000.
    await db.$executeRawUnsafe(`ANALYZE "AuditEvent"`);
    const plan = (
      await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT seq FROM "AuditEvent" WHERE "entityType" = 'User' AND "entityId" = $1
           AND action IN ('auth.signIn', 'auth.signInFailed', 'auth.secondFactorFailed') AND seq < $2
         ORDER BY seq DESC LIMIT 51`,
        user.id,
        BigInt(first.olderThan!),
      )
    )
      .map((row) => row["QUERY PLAN"])
      .join("\n");
    expect(plan).toMatch(/Index Scan Backward using "AuditEvent_entityType_entityId_seq_idx"/);
    expect(plan).not.toMatch(/Sort/);
  });

  it("lets the Auditor read anyone's log and sessions", async () => {
    const user = await makeUser();
    await signIn({ email: user.email, password: TEST_PASSWORD, ip, userAgent: FIREFOX });
    const auditor = await makeActor("AUDITOR");
    expect((await findAccessLog(auditor, { userId: user.id })).entries).toHaveLength(1);
    const sessions = await findActiveSessions(auditor, { userId: user.id });
    expect(sessions).toMatchObject([{ ip, browser: "Firefox 133 · Linux", isCurrent: false }]);
    expect(await findPeopleForAccessLog(auditor, "")).toEqual([]);
    expect(await findPeopleForAccessLog(auditor, user.email.toUpperCase())).toEqual([
      { id: user.id, name: user.name, email: user.email },
    ]);
  });

  it.each(["ADMIN_LPSE", "ADMIN_AGENCY", "PPK", "PENYEDIA", "VERIFIKATOR"] as const)(
    "refuses %s another user's log, sessions and the people search",
    async (role) => {
      const user = await makeUser();
      await signIn({ email: user.email, password: TEST_PASSWORD, ip, userAgent: FIREFOX });
      const actor = await makeActor(role, AGENCY_ROLES.includes(role) ? (await makeAgency()).id : null);
      await expect(findAccessLog(actor, { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findActiveSessions(actor, { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findPeopleForAccessLog(actor, "Pengguna")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findPeopleForAccessLog(actor, "")).rejects.toMatchObject({ code: "FORBIDDEN" });
    },
  );

  it("answers NOT_FOUND for the Auditor asking about nobody", async () => {
    const auditor = await makeActor("AUDITOR");
    await expect(findAccessLog(auditor, { userId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a session still waiting for its second factor", async () => {
    const user = await makeUser([{ role: "VERIFIKATOR" }]);
    const pending = { ...actorFor(user), memberships: [], pending: "secondFactor" as const };
    await expect(findAccessLog(pending)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findActiveSessions(pending)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
