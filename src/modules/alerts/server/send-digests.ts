import "server-only";
import { readLpseProfile } from "@/modules/lpse";
import { notify } from "@/modules/notifications";
import { db } from "@/server/db";
import { digestMessage } from "../domain/messages";

type Claimed = { id: string; userId: string; name: string };
type Pending = { tenderId: string; code: string; name: string; hps: bigint | null };

/**
 * The daily digests (docs/decisions/0041): at the first pass after digestHour in the LPSE's
 * zone, each search with matches not yet sent, matched before that hour, gets one inbox row
 * and one e-mail listing them; the matches are marked sent and the search's lastDigestAt set
 * in the same transaction, so one digest per search per day whatever the number of workers
 * (rows claimed FOR UPDATE SKIP LOCKED, the condition read again on the locked row) or
 * restarts. A disabled user gets nothing (notify skips them); the matches are still closed.
 */
export async function sendDigests({ limit = 20, digestHour }: { limit?: number; digestHour: number }) {
  return db.$transaction(
    async (tx) => {
      const { timeZone } = await readLpseProfile(tx);
      // The last time the clock struck digestHour in the LPSE's zone (Indonesia keeps no summer time).
      const [{ since }] = (await tx.$queryRaw<{ since: Date }[]>`
        WITH today AS (
          SELECT (date_trunc('day', segel_now() AT TIME ZONE ${timeZone}) + make_interval(hours => ${digestHour}))
                 AT TIME ZONE ${timeZone} AS at)
        SELECT CASE WHEN at > segel_now() THEN at - interval '1 day' ELSE at END AS since FROM today`) as [
        { since: Date },
      ];
      const claimed = await tx.$queryRaw<Claimed[]>`
        SELECT s.id, s."userId", s.name FROM "SavedSearch" s
        WHERE (s."lastDigestAt" IS NULL OR s."lastDigestAt" < ${since})
          AND EXISTS (SELECT 1 FROM "SavedSearchMatch" m
                      WHERE m."savedSearchId" = s.id AND m."sentAt" IS NULL AND m."matchedAt" <= ${since})
        ORDER BY s.id
        LIMIT ${limit}
        FOR UPDATE OF s SKIP LOCKED`;
      let notified = 0;
      for (const search of claimed) {
        const pending = await tx.$queryRaw<Pending[]>`
          SELECT m."tenderId", t.code, p.name, p.hps
          FROM "SavedSearchMatch" m JOIN "Tender" t ON t.id = m."tenderId" JOIN "Paket" p ON p.id = t."paketId"
          WHERE m."savedSearchId" = ${search.id}::uuid AND m."sentAt" IS NULL
          ORDER BY m."matchedAt", t.code`;
        notified += await notify(tx, { ...digestMessage(search.name, pending), userIds: [search.userId] });
        await tx.$executeRaw`
          UPDATE "SavedSearchMatch" SET "sentAt" = segel_now()
          WHERE "savedSearchId" = ${search.id}::uuid AND "sentAt" IS NULL`;
        await tx.$executeRaw`UPDATE "SavedSearch" SET "lastDigestAt" = segel_now() WHERE id = ${search.id}::uuid`;
      }
      return { claimed: claimed.length, notified };
    },
    { timeout: 60_000 },
  );
}
