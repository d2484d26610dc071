import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { databaseUrl } from "@/server/env";
import { AppError } from "@/server/errors";
import { PASSWORD_RESET_LIMITS as L } from "../domain/account-token-policy";
import { minutesLeft } from "../domain/sign-in-policy";

// "Lupa kata sandi" requests, counted in PostgreSQL (rate_limit.password_reset, migration
// 20261209300000_account_tokens) so every app process shares them. The e-mail is counted
// whether or not it belongs to anyone, so the refusal tells nothing about who is registered.
interface Limiters {
  pool: Pool;
  email: RateLimiterPostgres;
  ip: RateLimiterPostgres;
}

const globalForLimiter = globalThis as unknown as { segelResetLimiters?: Limiters };

function limiters(): Limiters {
  if (globalForLimiter.segelResetLimiters) return globalForLimiter.segelResetLimiters;
  const pool = new Pool({ connectionString: databaseUrl(), max: 2 });
  const common = {
    storeClient: pool,
    storeType: "pool",
    schemaName: "rate_limit",
    tableName: "password_reset",
    tableCreated: true,
  };
  return (globalForLimiter.segelResetLimiters = {
    pool,
    email: new RateLimiterPostgres({
      ...common,
      keyPrefix: "email",
      points: L.perEmail,
      duration: L.perEmailWindowSeconds,
    }),
    ip: new RateLimiterPostgres({
      ...common,
      keyPrefix: "ip",
      points: L.perIp,
      duration: L.perIpWindowSeconds,
      clearExpiredByTimeout: false,
    }),
  });
}

/** Hashed so the table holds no addresses. */
export const resetEmailKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** Counts one request for the address and the e-mail; throws RATE_LIMITED past either limit. */
export async function countResetRequest(email: string, ip: string | null): Promise<void> {
  const { email: byEmail, ip: byIp } = limiters();
  try {
    await byIp.consume(ip ?? "unknown");
    await byEmail.consume(resetEmailKey(email));
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", "passwordResetLimited", { minutes: minutesLeft(err.msBeforeNext) });
    }
    throw err;
  }
}

/** Tests close the pool so the worker can exit. */
export async function closeResetLimiter(): Promise<void> {
  const current = globalForLimiter.segelResetLimiters;
  globalForLimiter.segelResetLimiters = undefined;
  if (current) await current.pool.end();
}
