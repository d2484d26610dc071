/**
 * When a failed e-mail is tried again. The first retries come quickly (a mail server
 * restarting), later ones spread out so an outage of a day is still bridged; after
 * MAX_EMAIL_ATTEMPTS the row is FAILED and an admin sees it in /surat-keluar.
 */
export const MAX_EMAIL_ATTEMPTS = 8;

const MINUTE = 60_000;
/** delay after the 1st, 2nd, … failed attempt */
const RETRY_DELAYS_MS = [1, 5, 30, 120, 360, 720, 1440].map((m) => m * MINUTE);

export type RetryDecision = { status: "PENDING"; delayMs: number } | { status: "FAILED" };

/** What to do after a failure, given how many attempts have now failed (1-based). */
export function retryAfterFailure(failedAttempts: number): RetryDecision {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1)
    throw new RangeError(`failedAttempts must be >= 1, got ${failedAttempts}`);
  if (failedAttempts >= MAX_EMAIL_ATTEMPTS) return { status: "FAILED" };
  return { status: "PENDING", delayMs: RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length) - 1]! };
}
