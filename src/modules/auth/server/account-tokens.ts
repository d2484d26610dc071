import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  ACCOUNT_TOKEN_LIFETIME_SECONDS,
  ACCOUNT_TOKEN_PATHS,
  ACCOUNT_TOKEN_PATTERN,
  type AccountTokenKind,
} from "../domain/account-token-policy";

/**
 * One-use links (decision 0033). The clear token exists only in the link that is mailed;
 * the table keeps its SHA-256, which is enough because the token is 32 random bytes (no
 * dictionary to try, so no slow hash or salt is needed) and lets the lookup be an index probe.
 */
const digest = (token: string) => new Uint8Array(createHash("sha256").update(token, "utf8").digest());

/** Expired, used, unknown, of another kind or malformed: one refusal, so none is told apart. */
export const invalidTokenError = () => new AppError("NOT_FOUND", "accountTokenInvalid");

/** The absolute link a mail carries: `${NEXTAUTH_URL}/undangan/<token>` and the like. */
export function accountTokenLink(kind: AccountTokenKind, token: string): string {
  const origin = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${origin}${ACCOUNT_TOKEN_PATHS[kind]}/${token}`;
}

/**
 * Makes a new link of `kind` for the user and voids the user's older unused ones of that
 * kind, so only the latest mail works. Returns the clear token, to be put in a link and
 * never stored or logged.
 */
export async function issueAccountToken(
  tx: Tx,
  input: { userId: string; kind: AccountTokenKind; createdById?: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const seconds = ACCOUNT_TOKEN_LIFETIME_SECONDS[input.kind];
  await voidAccountTokens(tx, input.userId, [input.kind]);
  // the database clock sets both times, so a moved test clock moves the expiry too
  await tx.$executeRaw`
    INSERT INTO "AccountToken" (id, kind, "userId", "tokenHash", "createdAt", "expiresAt", "createdById")
    VALUES (gen_random_uuid(), ${input.kind}::"AccountTokenKind", ${input.userId}::uuid, ${digest(token)},
      date_trunc('milliseconds', segel_now()),
      date_trunc('milliseconds', segel_now()) + ${seconds} * interval '1 second',
      ${input.createdById ?? null}::uuid)`;
  return token;
}

/**
 * Uses a link once: one UPDATE that matches only an unused, unexpired token of this kind,
 * so two submits racing with the same link cannot both succeed.
 */
export async function consumeAccountToken(
  tx: Tx,
  input: { token: string; kind: AccountTokenKind },
): Promise<{ userId: string }> {
  if (!ACCOUNT_TOKEN_PATTERN.test(input.token)) throw invalidTokenError();
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    UPDATE "AccountToken" SET "usedAt" = date_trunc('milliseconds', segel_now())
    WHERE "tokenHash" = ${digest(input.token)} AND kind = ${input.kind}::"AccountTokenKind"
      AND "usedAt" IS NULL AND "expiresAt" > segel_now()
    RETURNING "userId"`;
  if (rows.length !== 1) throw invalidTokenError();
  return { userId: rows[0]!.userId };
}

/** The user a live link belongs to, without using it: the page shows whose link it is. */
export async function findAccountTokenUser(
  input: { token: string; kind: AccountTokenKind },
  client: Tx | typeof db = db,
): Promise<{ userId: string; name: string; email: string; isDisabled: boolean } | null> {
  if (!ACCOUNT_TOKEN_PATTERN.test(input.token)) return null;
  const rows = await client.$queryRaw<{ userId: string; name: string; email: string; isDisabled: boolean }[]>`
    SELECT u.id AS "userId", u.name, u.email, u."isDisabled"
    FROM "AccountToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${digest(input.token)} AND t.kind = ${input.kind}::"AccountTokenKind"
      AND t."usedAt" IS NULL AND t."expiresAt" > segel_now()`;
  return rows[0] ?? null;
}

/** Marks the user's unused links of these kinds used (a newer link, a new password). */
export async function voidAccountTokens(tx: Tx, userId: string, kinds: readonly AccountTokenKind[]): Promise<number> {
  if (kinds.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "AccountToken" SET "usedAt" = GREATEST("createdAt", date_trunc('milliseconds', segel_now()))
    WHERE "userId" = ${userId}::uuid AND "usedAt" IS NULL
      AND kind::text IN (${Prisma.join(kinds.map((k) => k))})`;
}
