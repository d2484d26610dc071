import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { failureDelayMs, pairPauseSeconds, parseDelayMs, SIGN_IN_POLICY } from "../domain/sign-in-policy";
import { openSession, refuseDisabledAccount } from "./open-session";
import { isHashQueueFull, timingDummyHash, verifyPassword } from "./password";
import { ipLockError, reserveAttempt, settleFailure, settleSuccess, type Attempt } from "./sign-in-limiter";

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

interface Candidate {
  id: string;
  name: string;
  /** null: an invited user who has not set a password yet */
  passwordHash: string | null;
  isDisabled: boolean;
}

/**
 * Checks the password and opens a UserSession. Tries are counted per account and address
 * pair and failures per address (sign-in-limiter.ts), so a stranger elsewhere cannot keep
 * the owner out; unknown e-mails are counted and timed like real ones (one verify each),
 * so neither the reply nor its timing tells which e-mails are registered.
 */
export async function signIn(input: SignInInput): Promise<{ sessionId: string; userId: string }> {
  // A flood is turned away before it is counted against anyone's pair or address.
  if (isHashQueueFull()) throw new AppError("RATE_LIMITED", "signInBusy");
  const email = input.email.trim().toLowerCase();
  const attempt = await reserveAttempt(email, input.ip);
  // Case-insensitive so an address stored with capitals still signs in.
  const user: Candidate | null = await db.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true, name: true, passwordHash: true, isDisabled: true },
    orderBy: { createdAt: "asc" },
  });
  // No account, or one without a password yet: one verify all the same (equal timing), and
  // never a success, even if someone types the dummy's own password.
  const stored = user?.passwordHash ?? null;
  const isValid = (await verifyPassword(stored ?? (await timingDummyHash()), input.password)) && stored !== null;
  if (!user || !isValid) return failed(input, attempt, user);

  // The password was right: this is no guess, so the streak ends even for a disabled account.
  await settleSuccess(email, input.ip);
  if (user.isDisabled) return refuseDisabledAccount(user.id, { ip: input.ip, userAgent: input.userAgent });

  return db.$transaction((tx) =>
    openSession(tx, { userId: user.id, name: user.name, ip: input.ip, userAgent: input.userAgent, method: "password" }),
  );
}

async function failed(input: SignInInput, attempt: Attempt, user: Candidate | null): Promise<never> {
  const { ipLocked } = await settleFailure(input.ip, attempt);
  const request = { ip: input.ip, userAgent: input.userAgent };
  if (user || ipLocked) {
    await db.$transaction(async (tx) => {
      // actor null: nobody is signed in, and the account owner is likely not the one typing.
      if (user) {
        const data = {
          reason: "badCredentials",
          tries: attempt.pairTries,
          pauseSeconds: pairPauseSeconds(attempt.pairTries),
          ...request,
        };
        await recordAuditEvent(tx, {
          actor: null,
          action: "auth.signInFailed",
          entityType: "User",
          entityId: user.id,
          data,
        });
      }
      if (ipLocked) {
        const data = { scope: "ip", minutes: SIGN_IN_POLICY.ipLockSeconds / 60, ...request };
        await recordAuditEvent(tx, {
          actor: null,
          action: "auth.locked",
          entityType: "IpAddress",
          entityId: input.ip ?? "unknown",
          data,
        });
      }
    });
  }
  await sleep(failureDelayMs(attempt.pairTries, parseDelayMs(process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE)));
  if (ipLocked) throw ipLockError();
  throw new AppError("UNAUTHENTICATED", "badCredentials");
}
