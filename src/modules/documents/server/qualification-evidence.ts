import "server-only";
import { db } from "@/server/db";

/**
 * A vendor's document is evidence the Pokja may read (issue 15) when the actor sits on the
 * Pokja of a tender where that vendor's opened qualification form names it (a permit's or an
 * experience's document). Before the opening the form is sealed, so nothing is named yet.
 */
export async function isQualificationEvidenceFor(userId: string, vendorId: string, documentId: string) {
  const entry = JSON.stringify([{ documentId }]);
  const rows = await db.$queryRaw<{ found: number }[]>`
    SELECT 1 AS found
      FROM "Bid" b
      JOIN "Tender" t ON t.id = b."tenderId"
      JOIN "PokjaMember" m ON m."pokjaId" = t."pokjaId" AND m."userId" = ${userId}::uuid
     WHERE b."vendorId" = ${vendorId}::uuid
       AND b."openedQualification" IS NOT NULL
       AND (b."openedQualification"->'permits' @> ${entry}::jsonb
            OR b."openedQualification"->'experience' @> ${entry}::jsonb)
     LIMIT 1`;
  return rows.length > 0;
}
