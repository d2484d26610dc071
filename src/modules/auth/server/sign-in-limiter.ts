import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { databaseUrl } from "@/server/env";
import { AppError } from "@/server/errors";
import { minutesLeft, SIGN_IN_POLICY as P } from "../domain/sign-in-policy";

// The counters live in PostgreSQL so every app process shares them and a restart does not
// forgive an attacker. They sit in their own schema, which the library's table never
// leaves: Prisma only compares "public" with the migrations, so `migrate dev` sees no drift.
const SCHEMA = "rate_limit";
const TABLE = "sign_in";

interface Limiters {
  pool: Pool;
  account: RateLimiterPostgres;
  ip: RateLimiterPostgres;
}

const globalForLimiter = globalThis as unknown as { segelSignInLimiters?: Promise<Limiters> };

async function create(): Promise<Limiters> {
  const pool = new Pool({ connectionString: databaseUrl(), max: 3 });
  // Create schema and table before the first request instead of racing the library's
  // background CREATE TABLE ("Table is not created yet"); concurrent creators are harmless.
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`).catch((err: { code?: string }) => {
    if (err.code !== "23505" && err.code !== "42P06") throw err;
  });
  const common = { storeClient: pool, storeType: "pool", schemaName: SCHEMA, tableName: TABLE };
  const account = await new Promise<RateLimiterPostgres>((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...common, keyPrefix: "account", points: P.accountMaxFailures, duration: P.accountWindowSeconds },
      (err?: Error) => (err ? reject(err) : resolve(limiter)),
    );
  });
  const ip = new RateLimiterPostgres({ ...common, keyPrefix: "ip", points: P.ipMaxFailures, duration: P.ipWindowSeconds, tableCreated: true });
  return { pool, account, ip };
}

function limiters(): Promise<Limiters> {
  const existing = globalForLimiter.segelSignInLimiters;
  if (existing) return existing;
  const created = create();
  globalForLimiter.segelSignInLimiters = created;
  created.catch(() => (globalForLimiter.segelSignInLimiters = undefined));
  return created;
}

/** The e-mail is hashed so the counter table holds no addresses and keys stay short. */
export const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
const ipKey = (ip: string | null) => ip ?? "unknown";

const lockedError = (messageKey: "accountLocked" | "ipLocked", ms: number) =>
  new AppError("RATE_LIMITED", messageKey, { minutes: minutesLeft(ms) });

/**
 * Counts this attempt as a failure up front (atomically), so parallel guesses cannot slip
 * past the limit while passwords are being checked; success refunds it. Throws when the
 * IP or the account is locked. A try at a locked account keeps its IP point: it is still
 * a failed guess from that address.
 */
export async function reserveAttempt(email: string, ip: string | null): Promise<Attempt> {
  const { account, ip: byIp } = await limiters();
  let ipFailures: number;
  try {
    ipFailures = (await byIp.consume(ipKey(ip))).consumedPoints;
  } catch (err) {
    if (err instanceof RateLimiterRes) throw lockedError("ipLocked", err.msBeforeNext);
    throw err;
  }
  try {
    return { ipFailures, accountFailures: (await account.consume(accountKey(email))).consumedPoints };
  } catch (err) {
    if (err instanceof RateLimiterRes) throw lockedError("accountLocked", err.msBeforeNext);
    throw err;
  }
}

/** Failures counted so far, this attempt included. */
export interface Attempt {
  ipFailures: number;
  accountFailures: number;
}

export interface FailureOutcome {
  ipLocked: boolean;
  accountLocked: boolean;
}

/** After a failed attempt: start the locks once the limits are reached. */
export async function settleFailure(email: string, ip: string | null, attempt: Attempt): Promise<FailureOutcome> {
  const { account, ip: byIp } = await limiters();
  const ipLocked = attempt.ipFailures >= P.ipMaxFailures;
  if (ipLocked) await byIp.block(ipKey(ip), P.lockSeconds);
  const accountLocked = attempt.accountFailures >= P.accountMaxFailures;
  if (accountLocked) await account.block(accountKey(email), P.lockSeconds);
  return { ipLocked, accountLocked };
}

/** After a correct password: the account streak ends and this attempt is not an IP failure. */
export async function settleSuccess(email: string, ip: string | null): Promise<void> {
  const { account, ip: byIp } = await limiters();
  await account.delete(accountKey(email));
  await byIp.reward(ipKey(ip), 1);
}

export const lockError = (messageKey: "accountLocked" | "ipLocked") => lockedError(messageKey, P.lockSeconds * 1000);

/** Tests close the pool so the worker can exit. */
export async function closeSignInLimiter(): Promise<void> {
  const current = globalForLimiter.segelSignInLimiters;
  globalForLimiter.segelSignInLimiters = undefined;
  if (current) await (await current).pool.end();
}
