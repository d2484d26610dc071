import "server-only";
import { activeMembershipWhere } from "@/modules/auth";
import { isTotpRequired, type Role } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";

export interface TotpUser {
  id: string;
  name: string;
  email: string;
  totpSecret: Uint8Array | null;
  totpEnabledAt: Date | null;
  totpLastStep: bigint | null;
}

/**
 * The user's TOTP columns, with the row locked for the rest of the transaction, so two
 * requests of one user (a code and a reset, two enrolments) take turns.
 */
export async function lockTotpUser(tx: Tx, userId: string): Promise<TotpUser | null> {
  const rows = await tx.$queryRaw<TotpUser[]>`
    SELECT id, name, email, "totpSecret", "totpEnabledAt", "totpLastStep"
      FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * The instance setting. Every running instance has its LPSE row from its first start (an empty
 * instance's placeholder, or the demo's), so "no row" happens only in tests of other things.
 */
export async function readRequireStaffTotp(tx: Tx): Promise<boolean> {
  const row = await tx.lpseInstance.findFirst({ orderBy: { createdAt: "asc" }, select: { requireStaffTotp: true } });
  return row?.requireStaffTotp ?? false;
}

/** Do the user's roles that count now require TOTP under the instance setting? */
export async function isTotpRequiredFor(tx: Tx, userId: string, now: Date): Promise<boolean> {
  // One after the other: a transaction is one connection, and pg deprecates overlapping queries on one.
  const memberships = await tx.roleMembership.findMany({
    where: { userId, ...activeMembershipWhere(now) },
    select: { role: true },
  });
  const requireStaffTotp = await readRequireStaffTotp(tx);
  return isTotpRequired(
    memberships.map((m) => m.role as Role),
    requireStaffTotp,
  );
}
