/**
 * How failed sign-ins are slowed. Pure: the limiter store and the clock live in
 * src/modules/auth/server/sign-in-limiter.ts. The figures are configuration, not law;
 * the shape follows OWASP's Authentication Cheat Sheet: throttle the account and address
 * pair with growing pauses rather than a lock a stranger can set off, and keep a budget
 * per address across accounts against credential stuffing.
 */
export const SIGN_IN_POLICY = {
  /** tries one address may make at one account (or unknown e-mail) without a pause */
  pairFreeAttempts: 5,
  /** the pause after the last free try; it doubles with each further try ... */
  pairFirstPauseSeconds: 60,
  /** ... up to this */
  pairMaxPauseSeconds: 15 * 60,
  /** a pair's streak is forgotten this long after its first try */
  pairWindowSeconds: 24 * 60 * 60,
  /** failures from one address within the window before it is locked, whatever the accounts */
  ipMaxFailures: 20,
  ipWindowSeconds: 15 * 60,
  ipLockSeconds: 15 * 60,
  /** from this consecutive failure on, each failed reply is delayed */
  delayFromFailure: 3,
  /** the delay grows with the streak up to this many steps (5 s at the default step) */
  maxDelaySteps: 5,
  /** password hashes waiting for a free slot before sign-ins are turned away, per slot */
  hashQueuePerSlot: 16,
} as const;

export const DEFAULT_DELAY_MS_PER_FAILURE = 1000;

/**
 * How long the pair must wait after its `attempt`-th try (this one included) before the
 * next one is heard: nothing for the free tries, then 1, 2, 4, 8, 15, 15 ... minutes.
 */
export function pairPauseSeconds(attempt: number): number {
  const P = SIGN_IN_POLICY;
  if (attempt < P.pairFreeAttempts) return 0;
  return Math.min(P.pairFirstPauseSeconds * 2 ** (attempt - P.pairFreeAttempts), P.pairMaxPauseSeconds);
}

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

/** Whole minutes left on a pause or lock, rounded up so "0 minutes" is never shown. */
export const minutesLeft = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

/** A session lasts 8 working hours from sign-in, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
