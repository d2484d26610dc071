import "server-only";
import { db } from "@/server/db";

/**
 * Which of these users have not yet set a password from their invitation. Only the fact
 * leaves the database, never the hash.
 */
export async function invitedUserIds(userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE id = ANY(${userIds}::uuid[]) AND "passwordHash" IS NULL`;
  return new Set(rows.map((r) => r.id));
}
