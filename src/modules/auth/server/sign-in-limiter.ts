import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { databaseUrl } from "@/server/env";
import { AppError } from "@/server/errors";
import { minutesLeft, pairPauseSeconds, SIGN_IN_POLICY as P } from "../domain/sign-in-policy";

// The counters live in PostgreSQL (rate_limit.sign_in, made by the migration
// 20261206130000_sign_in_throttle) so every app process shares them and a restart does
// not forgive an attacker.
interface Limiters {
  pool: Pool;
  /** failures from one address, whatever the accounts (credential stuffing) */
  ip: RateLimiterPostgres;
  /** tries of one account from one address; it never refuses by itself */
  pair: RateLimiterPostgres;
  /** one point per pause: the first try after a pause takes it, the others are refused */
  pause: RateLimiterPostgres;
}

const globalForLimiter = globalThis as unknown as { segelSignInLimiters?: Limiters };

function limiters(): Limiters {
  if (globalForLimiter.segelSignInLimiters) return globalForLimiter.segelSignInLimiters;
  const pool = new Pool({ connectionString: databaseUrl(), max: 3 });
  const common = {
    storeClient: pool,
    storeType: "pool",
    schemaName: "rate_limit",
    tableName: "sign_in",
    tableCreated: true,
  };
  return (globalForLimiter.segelSignInLimiters = {
    pool,
    ip: new RateLimiterPostgres({ ...common, keyPrefix: "ip", points: P.ipMaxFailures, duration: P.ipWindowSeconds }),
    // one table: one of the three sweeping out expired rows is enough
    pair: new RateLimiterPostgres({
      ...common,
      keyPrefix: "pair",
      points: 1_000_000,
      duration: P.pairWindowSeconds,
      clearExpiredByTimeout: false,
    }),
    pause: new RateLimiterPostgres({
      ...common,
      keyPrefix: "pause",
      points: 1,
      duration: P.pairMaxPauseSeconds,
      clearExpiredByTimeout: false,
    }),
  });
}

/** The e-mail is hashed so the counter table holds no addresses and keys stay short. */
const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
const ipKey = (ip: string | null) => ip ?? "unknown";
/** The pair's key; tests use it to end a pause instead of waiting it out. */
export const pairKey = (email: string, ip: string | null) => `${accountKey(email)}@${ipKey(ip)}`;

type RefusalKey = "ipLocked" | "signInPaused";
const refusal = (messageKey: RefusalKey, ms: number) =>
  new AppError("RATE_LIMITED", messageKey, { minutes: minutesLeft(ms) });

async function consumeOrRefuse(
  limiter: RateLimiterPostgres,
  key: string,
  messageKey: RefusalKey,
  customDuration?: number,
) {
  try {
    return await limiter.consume(key, 1, customDuration === undefined ? {} : { customDuration });
  } catch (err) {
    if (err instanceof RateLimiterRes) throw refusal(messageKey, err.msBeforeNext);
    throw err;
  }
}

/** Tries counted so far, this one included. */
export interface Attempt {
  ipFailures: number;
  pairTries: number;
}

/**
 * Counts this try up front (atomically), so parallel guesses cannot slip past a limit while
 * passwords are being checked; success refunds it. Throws when the address is locked or the
 * pair is within a pause. A refused try still counts: it lengthens the pair's next pause.
 */
export async function reserveAttempt(email: string, ip: string | null): Promise<Attempt> {
  const { ip: byIp, pair, pause } = limiters();
  const ipFailures = (await consumeOrRefuse(byIp, ipKey(ip), "ipLocked")).consumedPoints;
  const key = pairKey(email, ip);
  const pairTries = (await pair.consume(key)).consumedPoints;
  const pauseSeconds = pairPauseSeconds(pairTries);
  // From the last free try on, each try opens the pause that the next one must wait out.
  if (pauseSeconds > 0) await consumeOrRefuse(pause, key, "signInPaused", pauseSeconds);
  return { ipFailures, pairTries };
}

/** After a failed try: lock the address once its budget is spent. */
export async function settleFailure(ip: string | null, attempt: Attempt): Promise<{ ipLocked: boolean }> {
  const ipLocked = attempt.ipFailures >= P.ipMaxFailures;
  if (ipLocked) await limiters().ip.block(ipKey(ip), P.ipLockSeconds);
  return { ipLocked };
}

/** After a correct password: the pair's streak and pause end; this try is no IP failure. */
export async function settleSuccess(email: string, ip: string | null): Promise<void> {
  const { ip: byIp, pair, pause } = limiters();
  const key = pairKey(email, ip);
  await Promise.all([pair.delete(key), pause.delete(key), byIp.reward(ipKey(ip), 1)]);
}

export const ipLockError = () => refusal("ipLocked", P.ipLockSeconds * 1000);

/** Tests close the pool so the worker can exit. */
export async function closeSignInLimiter(): Promise<void> {
  const current = globalForLimiter.segelSignInLimiters;
  globalForLimiter.segelSignInLimiters = undefined;
  if (current) await current.pool.end();
}
