import "server-only";
import { notifyEach } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { matchMessage } from "../domain/messages";
import { recordMatches } from "./match-tender";

type NewTender = { id: string; code: string; name: string; hps: bigint | null; publishedAt: Date };

/**
 * The worker's matching pass (docs/decisions/0041). Every tender published after the oldest
 * search cursor less the lag is matched, one tender per transaction, under a lock of its own:
 * the matches, and for IMMEDIATE searches the inbox row and the e-mail, commit together, so a
 * crash loses nothing and a second worker (or a rerun after a restart) adds nothing, because
 * a match is recorded once (primary key) and only a new one is told.
 *
 * A publishing transaction stamps publishedAt from the clock at its start and may commit after
 * a later pass: tenders are looked at again until lagSeconds behind the cursor, which must be
 * longer than any transaction (the longest allowed in Segel is 60 s). Tenders the pass has
 * seen are matched again at no cost but a no-op insert.
 *
 * Only open invitations to the market: a tender, tender cepat or seleksi still PUBLISHED; a
 * penunjukan langsung invites one vendor.
 */
export async function matchNewTenders({ batch = 100, lagSeconds }: { batch?: number; lagSeconds: number }) {
  const now = await dbNow();
  let after: { at: Date; id: string } | null = null;
  let seen = 0;
  let matched = 0;
  let notified = 0;
  // Keyset pages through the window, so a window holding more than a batch still ends.
  for (;;) {
    const tenders: NewTender[] = await db.$queryRaw<NewTender[]>`
      SELECT t.id, t.code, p.name, p.hps, t."publishedAt"
      FROM "Tender" t JOIN "Paket" p ON p.id = t."paketId"
      WHERE t."publishedAt" > (SELECT min("matchedUntil") FROM "SavedSearch") - make_interval(secs => ${lagSeconds})
        AND t."publishedAt" <= ${now}
        AND (${after?.at ?? null}::timestamptz IS NULL OR (t."publishedAt", t.id) > (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
        AND t.status = 'PUBLISHED'
        AND t.method IN ('TENDER', 'TENDER_CEPAT', 'SELEKSI')
      ORDER BY t."publishedAt", t.id
      LIMIT ${batch}`;
    for (const tender of tenders) {
      await db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended('segel.alerts.tender:' || ${tender.id}, 0))::text`;
          const added = await recordMatches(tx, tender.id, lagSeconds);
          matched += added.length;
          const told = added.filter((m) => m.frequency === "IMMEDIATE");
          notified += await notifyEach(
            tx,
            told.map((m) => ({ ...matchMessage(m.name, tender), userId: m.userId })),
          );
        },
        { timeout: 60_000 },
      );
    }
    seen += tenders.length;
    if (tenders.length < batch) break;
    const last = tenders[tenders.length - 1]!;
    after = { at: last.publishedAt, id: last.id };
  }
  // The cursor moves only once it is half a lag behind, so a quiet portal does not rewrite
  // every search on every tick; the window it leaves is matched again as a no-op.
  // One worker at a time moves them (a second skips: the first moves them as far), so two
  // workers never take the rows' locks in different orders.
  const advanced = await db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ got: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtextextended('segel.alerts.cursor', 0)) AS got`;
    if (!lock?.got) return 0;
    return tx.$executeRaw`
      UPDATE "SavedSearch" SET "matchedUntil" = ${now}
      WHERE "matchedUntil" < ${now}::timestamptz - make_interval(secs => ${lagSeconds / 2})`;
  });
  return { tenders: seen, matched, notified, advanced };
}
