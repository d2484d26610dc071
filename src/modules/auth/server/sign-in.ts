import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { recordAuditEvent } from "@/modules/audit/server/record-audit-event";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { failureDelayMs, parseDelayMs, SESSION_MAX_AGE_SECONDS, SIGN_IN_POLICY } from "../domain/sign-in-policy";
import { timingDummyHash, verifyPassword } from "./password";
import { lockError, reserveAttempt, settleFailure, settleSuccess, type Attempt } from "./sign-in-limiter";

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

interface Candidate {
  id: string;
  name: string;
  passwordHash: string;
  isDisabled: boolean;
}

/**
 * Checks the password and opens a UserSession. Failures are counted per account and per
 * IP (sign-in-limiter.ts); unknown e-mails are counted and timed like real ones, so
 * neither the reply nor its timing tells which e-mails are registered.
 */
export async function signIn(input: SignInInput): Promise<{ sessionId: string; userId: string }> {
  const email = input.email.trim().toLowerCase();
  const attempt = await reserveAttempt(email, input.ip);
  // Case-insensitive so an address stored with capitals still signs in.
  const user: Candidate | null = await db.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true, name: true, passwordHash: true, isDisabled: true },
    orderBy: { createdAt: "asc" },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  if (!user || !isValid) return failed(input, email, attempt, user);

  // The password was right: this is no guess, so the streak ends even for a disabled account.
  await settleSuccess(email, input.ip);
  if (user.isDisabled) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: null,
        action: "auth.signInFailed",
        entityType: "User",
        entityId: user.id,
        data: { reason: "accountDisabled", ip: input.ip, userAgent: input.userAgent },
      }),
    );
    throw new AppError("FORBIDDEN", "accountDisabled");
  }

  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const session = await tx.userSession.create({
      data: {
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        ip: input.ip,
        userAgent: input.userAgent,
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAuditEvent(tx, {
      actor: { userId: user.id, name: user.name, ip: input.ip, userAgent: input.userAgent },
      action: "auth.signIn",
      entityType: "User",
      entityId: user.id,
      data: { sessionId: session.id },
    });
    return { sessionId: session.id, userId: user.id };
  });
}

async function failed(input: SignInInput, email: string, attempt: Attempt, user: Candidate | null): Promise<never> {
  const outcome = await settleFailure(email, input.ip, attempt);
  const request = { ip: input.ip, userAgent: input.userAgent };
  const minutes = SIGN_IN_POLICY.lockSeconds / 60;
  if (user || outcome.ipLocked) {
    await db.$transaction(async (tx) => {
      // actor null: nobody is signed in, and the account owner is likely not the one typing.
      if (user) {
        const data = { reason: "badCredentials", failures: attempt.accountFailures, ...request };
        await recordAuditEvent(tx, { actor: null, action: "auth.signInFailed", entityType: "User", entityId: user.id, data });
        if (outcome.accountLocked) {
          await recordAuditEvent(tx, { actor: null, action: "auth.locked", entityType: "User", entityId: user.id, data: { scope: "account", minutes, ...request } });
        }
      }
      if (outcome.ipLocked) {
        await recordAuditEvent(tx, { actor: null, action: "auth.locked", entityType: "IpAddress", entityId: input.ip ?? "unknown", data: { scope: "ip", minutes, ...request } });
      }
    });
  }
  await sleep(failureDelayMs(attempt.accountFailures, parseDelayMs(process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE)));
  if (outcome.ipLocked) throw lockError("ipLocked");
  if (outcome.accountLocked) throw lockError("accountLocked");
  throw new AppError("UNAUTHENTICATED", "badCredentials");
}
