import { generate } from "otplib";
import { loadSessionActor } from "@/modules/auth";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { confirmTotpEnrolment, startTotpEnrolment } from "../server/enrol-totp";
import { openTotpSecret } from "../server/totp-secret";

/** The code an authenticator app shows at `at` (default: the database clock), `steps` steps later. */
export async function totpCodeAt(secret: string, steps = 0, at?: Date): Promise<string> {
  const now = at ?? (await dbNow());
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) + steps * 30 });
}

/** A live session row of the user, as a password sign-in opens it; returns its actor. */
export async function openTestSession(userId: string): Promise<Actor> {
  const now = await dbNow();
  const session = await db.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 8 * 3_600_000) },
    select: { id: true },
  });
  return (await loadSessionActor(session.id, { ip: "127.0.0.1", userAgent: "vitest", locale: "id" }))!;
}

/** The Base32 secret the user is enrolling with, as the page shows it (read back through the seal). */
export async function pendingSecretOf(userId: string): Promise<string> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  return (await openTotpSecret(userId, row.totpSecret!))!;
}

/** Enrols the user in a fresh session; returns the secret, the recovery codes and that session's actor. */
export async function enrolTotp(userId: string) {
  const actor = await openTestSession(userId);
  await startTotpEnrolment(actor);
  const secret = await pendingSecretOf(userId);
  const { recoveryCodes } = await confirmTotpEnrolment(actor, { code: await totpCodeAt(secret) });
  // the session as its next request sees it: complete
  const after = (await loadSessionActor(actor.sessionId!, { ip: "127.0.0.1", userAgent: "vitest", locale: "id" }))!;
  return { secret, recoveryCodes, actor: after };
}

/** A six-digit code that is none of the codes the server would accept now (steps -1 to +2). */
export async function wrongCodeFor(secret: string): Promise<string> {
  const valid = await Promise.all([-1, 0, 1, 2].map((s) => totpCodeAt(secret, s)));
  return ["000000", "111111", "222222", "333333", "444444"].find((c) => !valid.includes(c))!;
}
