import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";

/** The search's one fold (segel_search_fold: unaccent, lower case), spaces collapsed as domain/match.ts does. */
const fold = (column: Prisma.Sql) => Prisma.sql`btrim(regexp_replace(segel_search_fold(${column}), '\\s+', ' ', 'g'))`;

/**
 * domain/match.ts's matchesSearch as SQL over every saved search at once, for one tender:
 * the worker asks it per new tender instead of comparing tenders and searches in Node. Only
 * searches whose owner may still be told count: the user is enabled, still of the search's
 * vendor, with a PENYEDIA role in force, and the vendor not rejected. `sinceLag` keeps a
 * search from matching a tender published well before the search existed.
 */
export function matchingSearchesSql(tenderId: string, lagSeconds: number) {
  return Prisma.sql`
    SELECT s.id, s."userId", s.name, s.frequency
    FROM "Tender" t
    JOIN "Paket" p ON p.id = t."paketId"
    JOIN "SavedSearch" s ON s."matchedUntil" - make_interval(secs => ${lagSeconds}) < t."publishedAt"
    JOIN "User" u ON u.id = s."userId" AND NOT u."isDisabled" AND u."vendorId" = s."vendorId"
    JOIN "Vendor" v ON v.id = s."vendorId" AND v.status <> 'REJECTED'
    WHERE t.id = ${tenderId}::uuid
      AND EXISTS (SELECT 1 FROM "RoleMembership" r
                  WHERE r."userId" = u.id AND r.role = 'PENYEDIA' AND r."revokedAt" IS NULL
                    AND (r."validFrom" IS NULL OR r."validFrom" <= segel_now())
                    AND (r."validUntil" IS NULL OR r."validUntil" > segel_now()))
      AND (cardinality(s.kbli) = 0 OR cardinality(t."requiredKbli") = 0 OR s.kbli && t."requiredKbli")
      AND (s.region IS NULL OR strpos(${fold(Prisma.sql`p.location`)}, ${fold(Prisma.sql`s.region`)}) > 0)
      AND (cardinality(s.categories) = 0 OR p.category = ANY (s.categories))
      AND (s."minValue" IS NULL OR p.hps >= s."minValue")
      AND (s."maxValue" IS NULL OR p.hps <= s."maxValue")
      AND (s.keyword IS NULL OR NOT EXISTS (
            SELECT 1 FROM regexp_split_to_table(${fold(Prisma.sql`s.keyword`)}, ' ') AS w(word)
            WHERE w.word <> '' AND strpos(${fold(Prisma.sql`p.name`)}, w.word) = 0))`;
}

export interface NewMatch {
  savedSearchId: string;
  userId: string;
  name: string;
  frequency: "IMMEDIATE" | "DAILY";
}

/**
 * Records the tender's matches, each once (the primary key (search, tender)); answers only
 * those this call added. An IMMEDIATE match is sent with it (sentAt now), so the caller
 * must notify in the same transaction; a DAILY one waits for the digest.
 */
// (The added rows find their search by its key: joined back to the CTE, the planner, expecting one
// row, walked the CTE once per match: 12 s for 4,000 matches.)
export async function recordMatches(tx: Tx, tenderId: string, lagSeconds: number): Promise<NewMatch[]> {
  return tx.$queryRaw<NewMatch[]>`
    WITH matching AS (${matchingSearchesSql(tenderId, lagSeconds)}),
    added AS (
      INSERT INTO "SavedSearchMatch" ("savedSearchId", "tenderId", "matchedAt", "sentAt")
      SELECT m.id, ${tenderId}::uuid, segel_now(), CASE WHEN m.frequency = 'IMMEDIATE' THEN segel_now() END
      FROM matching m
      ON CONFLICT DO NOTHING
      RETURNING "savedSearchId")
    SELECT s.id AS "savedSearchId", s."userId", s.name, s.frequency::text AS frequency
    FROM added a JOIN "SavedSearch" s ON s.id = a."savedSearchId"`;
}
