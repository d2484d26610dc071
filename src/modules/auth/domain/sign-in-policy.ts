/**
 * How failed sign-ins are slowed and locked. Pure: the limiter store and the clock live
 * in src/modules/auth/server/sign-in-limiter.ts.
 */
export const SIGN_IN_POLICY = {
  /** consecutive failures on one account (or unknown e-mail) before it is locked */
  accountMaxFailures: 5,
  /** a failure streak is forgotten this long after its first failure */
  accountWindowSeconds: 24 * 60 * 60,
  /** failures from one IP within the window before the IP is locked */
  ipMaxFailures: 20,
  ipWindowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  /** from this consecutive failure on, each failed reply is delayed */
  delayFromFailure: 3,
  /** the delay grows with the streak up to this many steps (5 s at the default step) */
  maxDelaySteps: 5,
} as const;

export const DEFAULT_DELAY_MS_PER_FAILURE = 1000;

/** Delay of a failed reply after `failures` consecutive failures (this one included). */
export function failureDelayMs(failures: number, msPerFailure: number): number {
  if (failures < SIGN_IN_POLICY.delayFromFailure || msPerFailure <= 0) return 0;
  return Math.min(failures, SIGN_IN_POLICY.maxDelaySteps) * msPerFailure;
}

/** Reads SEGEL_SIGNIN_DELAY_MS_PER_FAILURE; tests set it to 0 to stay fast. */
export function parseDelayMs(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_DELAY_MS_PER_FAILURE;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_DELAY_MS_PER_FAILURE;
}

/** Whole minutes left on a lock, rounded up so "0 minutes" is never shown. */
export const minutesLeft = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

/** A session lasts 8 working hours from sign-in, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
